import type { AccountSnapshot } from '../snapshot/schema.js';
import { MEASURE_KEYS, type Band, type MeasureKey, type Settings } from '../settings/schema.js';
import { computeMeasures, readSignals, type SignalValues } from './measures.js';
import { measureReason } from './reasons.js';
import { round1 } from './round.js';
import type { Driver, HealthScore, Measure, PreviousHealth, Trend } from './types.js';

export { MEASURE_LABELS } from './measures.js';

/** A measure's impact is measured from the middle of the scale: above it helps, below it hurts. */
const NEUTRAL_POINTS = 50;

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

function driverFor(
  measure: Measure,
  share: number,
  snapshot: AccountSnapshot,
  values: SignalValues,
  settings: Settings,
): Driver {
  const band = bandFor(measure.score, settings);
  return {
    measure: measure.key,
    label: measure.label,
    score: measure.score,
    effectiveWeight: share,
    impact: round1(share * (measure.score - NEUTRAL_POINTS)),
    reason: measureReason(measure, snapshot, values),
    direction: band === 'green' ? 'positive' : band === 'red' ? 'negative' : 'neutral',
  };
}

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
  const weightOf = (key: MeasureKey): number => settings.measures[key].weight;
  const configured = MEASURE_KEYS.filter((key) => weightOf(key) > 0);
  const totalWeight = configured.reduce((sum, key) => sum + weightOf(key), 0);
  const measures = computeMeasures(snapshot, settings).filter((m) => weightOf(m.key) > 0);
  const observedWeight = measures.reduce((sum, m) => sum + weightOf(m.key), 0);
  const observed = new Set(measures.map((m) => m.key));

  const score =
    observedWeight > 0
      ? round1(measures.reduce((sum, m) => sum + m.score * weightOf(m.key), 0) / observedWeight)
      : null;

  const values = readSignals(snapshot);
  const drivers = measures
    .map((m) => driverFor(m, weightOf(m.key) / observedWeight, snapshot, values, settings))
    .sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || a.score - b.score);

  return {
    accountId: snapshot.accountId,
    asOf: snapshot.asOf,
    score,
    band: score === null ? null : bandFor(score, settings),
    coverage: totalWeight > 0 ? observedWeight / totalWeight : 0,
    measures,
    missing: configured.filter((key) => !observed.has(key)),
    stale: measures.filter((m) => m.stale).map((m) => m.key),
    drivers,
    trend: trendFrom(score, previous, settings),
  };
}
