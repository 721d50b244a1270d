import type { AccountSnapshot } from '../snapshot/schema.js';
import type { Settings } from '../settings/schema.js';
import { bandIn } from './band.js';
import { reasonFor } from './reasons.js';
import { round1 } from './round.js';
import type { SignalValues } from './signals.js';
import type { Driver, Measure } from './types.js';
import type { WeighedMeasure } from './weighing.js';

/** A measure's impact is measured from the middle of the scale: above it helps, below it hurts. */
const NEUTRAL_POINTS = 50;

/** Largest absolute impact first; among equals, the weaker measure first. */
const byImpact = (a: Driver, b: Driver): number =>
  Math.abs(b.impact) - Math.abs(a.impact) || a.score - b.score;

/** What explaining a score reads: everything as it was when the account was scored. */
export interface DriverInput {
  snapshot: AccountSnapshot;
  asOfMs: number;
  values: SignalValues;
  /** The measures the score weighed, with the weight each carried. */
  weighed: readonly WeighedMeasure[];
  /** The band cut-offs the score was given with. */
  bands: Settings['bands'];
  measures: readonly Measure[];
  /** Sum of the weights of the measures observed. */
  observedWeight: number;
}

const weightIn = (weighed: readonly WeighedMeasure[], measure: Measure): number =>
  weighed.find((m) => m.key === measure.key)?.weight ?? 0;

/**
 * Every observed measure's contribution to the score, largest impact first, each with the share
 * of weight it carried after redistribution and a plain-language reason.
 */
export function explainDrivers(input: DriverInput): Driver[] {
  const { snapshot, asOfMs, values, weighed, bands, measures, observedWeight } = input;
  const drivers = measures.map((measure): Driver => {
    const share = weightIn(weighed, measure) / observedWeight;
    const band = bandIn(measure.score, bands);
    return {
      measure: measure.key,
      label: measure.label,
      score: measure.score,
      effectiveWeight: share,
      impact: round1(share * (measure.score - NEUTRAL_POINTS)),
      reason: reasonFor(measure, snapshot, values, asOfMs),
      direction: band === 'green' ? 'positive' : band === 'red' ? 'negative' : 'neutral',
    };
  });
  return drivers.sort(byImpact);
}
