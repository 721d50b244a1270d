import type { AccountSnapshot } from '../snapshot/schema.js';
import type { MeasureKey, Settings } from '../settings/schema.js';
import { bandIn } from './band.js';
import type { HealthModel } from './model.js';
import { reasonFromTable } from './reasons.js';
import { round1 } from './round.js';
import type { SignalTable } from './signal-table.js';
import type { Driver, Measure } from './types.js';

/** A measure's impact is measured from the middle of the scale: above it helps, below it hurts. */
const NEUTRAL_POINTS = 50;

/** Largest absolute impact first; among equals, the weaker measure first. */
const byImpact = (a: Driver, b: Driver): number =>
  Math.abs(b.impact) - Math.abs(a.impact) || a.score - b.score;

/** What explaining a score reads: everything as it was when the account was scored. */
export interface DriverInput {
  snapshot: AccountSnapshot;
  asOfMs: number;
  /** The snapshot's signal table as of asOfMs. */
  table: SignalTable;
  model: HealthModel;
  /** The band cut-offs the score was given with. */
  bands: Settings['bands'];
  measures: readonly Measure[];
  /** Sum of the weights of the measures observed. */
  observedWeight: number;
}

/**
 * Every observed measure's contribution to the score, largest impact first, each with the share
 * of weight it carried after redistribution and a plain-language reason.
 */
export function explainDrivers(input: DriverInput): Driver[] {
  const { snapshot, asOfMs, table, model, bands, measures, observedWeight } = input;
  const drivers = measures.map((measure): Driver => {
    const share = model.weightOf[measure.key as MeasureKey] / observedWeight;
    const band = bandIn(measure.score, bands);
    return {
      measure: measure.key,
      label: measure.label,
      score: measure.score,
      effectiveWeight: share,
      impact: round1(share * (measure.score - NEUTRAL_POINTS)),
      reason: reasonFromTable(measure, snapshot, table, asOfMs),
      direction: band === 'green' ? 'positive' : band === 'red' ? 'negative' : 'neutral',
    };
  });
  return drivers.sort(byImpact);
}
