import type { AccountSnapshot } from '../snapshot/schema.js';
import type { Band, MeasureKey, Settings } from '../settings/schema.js';
import { toEpochMs } from '../time/time.js';
import { scoreMeasure } from './measures.js';
import { healthModel } from './model.js';
import { reasonFromTable } from './reasons.js';
import { round1 } from './round.js';
import { fillSignalTable, newSignalTable } from './signal-table.js';
import type { Driver, HealthScore, Measure, PreviousHealth, Trend } from './types.js';

export { MEASURE_LABELS } from './model.js';

/** A measure's impact is measured from the middle of the scale: above it helps, below it hurts. */
const NEUTRAL_POINTS = 50;

// Scoring is synchronous and never re-entered, so one table serves every account.
const table = newSignalTable();

/** The band a 0–100 score falls in, by the admin's cut-offs (each cut-off belongs to the band above). */
export function bandFor(score: number, settings: Settings): Band {
  if (score >= settings.bands.green) return 'green';
  if (score >= settings.bands.yellow) return 'yellow';
  return 'red';
}

function trendFrom(
  score: number | null,
  previous: PreviousHealth | undefined,
  settings: Settings,
): Trend {
  if (previous === undefined) return { direction: 'new' };
  const since = { previousScore: previous.score, previousAsOf: previous.asOf };
  // Without a score today there is nothing to compare: the trend starts afresh.
  if (score === null) return { direction: 'new', ...since };
  const delta = round1(score - previous.score);
  const direction =
    Math.abs(delta) <= settings.trend.flatWithin ? 'flat' : delta > 0 ? 'up' : 'down';
  return { direction, delta, ...since };
}

/** Largest absolute impact first; among equals, the weaker measure first. */
const byImpact = (a: Driver, b: Driver): number =>
  Math.abs(b.impact) - Math.abs(a.impact) || a.score - b.score;

/**
 * The account's health: the weighted mean of the measures observed. Measures with no data drop out
 * and their weight is shared among the rest; `coverage` says how much of the configured weight was
 * actually observed, and `stale` which measures are older than their freshness window.
 */
export function scoreHealth(
  snapshot: AccountSnapshot,
  settings: Settings,
  previous?: PreviousHealth,
): HealthScore {
  const model = healthModel(settings);
  const asOfMs = toEpochMs(snapshot.asOf);
  fillSignalTable(snapshot, asOfMs, table);

  const measures: Measure[] = [];
  const weights: number[] = [];
  const missing: MeasureKey[] = [];
  const stale: MeasureKey[] = [];
  let observedWeight = 0;
  let weighted = 0;
  for (const rule of model.scored) {
    const measure = scoreMeasure(rule, snapshot, asOfMs, table);
    if (measure === null) {
      missing.push(rule.key);
      continue;
    }
    measures.push(measure);
    weights.push(rule.weight);
    if (measure.stale) stale.push(rule.key);
    observedWeight += rule.weight;
    weighted += measure.score * rule.weight;
  }
  const score = observedWeight > 0 ? round1(weighted / observedWeight) : null;

  const drivers: Driver[] = [];
  for (let i = 0; i < measures.length; i++) {
    const measure = measures[i] as Measure;
    const share = (weights[i] as number) / observedWeight;
    const band = bandFor(measure.score, settings);
    drivers.push({
      measure: measure.key,
      label: measure.label,
      score: measure.score,
      effectiveWeight: share,
      impact: round1(share * (measure.score - NEUTRAL_POINTS)),
      reason: reasonFromTable(measure, snapshot, table, asOfMs),
      direction: band === 'green' ? 'positive' : band === 'red' ? 'negative' : 'neutral',
    });
  }
  drivers.sort(byImpact);

  return {
    accountId: snapshot.accountId,
    asOf: snapshot.asOf,
    score,
    band: score === null ? null : bandFor(score, settings),
    coverage: model.totalWeight > 0 ? observedWeight / model.totalWeight : 0,
    measures,
    missing,
    stale,
    drivers,
    trend: trendFrom(score, previous, settings),
  };
}
