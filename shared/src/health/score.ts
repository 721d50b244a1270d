import type { AccountSnapshot } from '../snapshot/schema.js';
import type { Settings } from '../settings/schema.js';
import type { MeasureKey } from '../vocabulary/keys.js';
import { lastInstantReader, toEpochMs } from '../time/time.js';
import { bandFor } from './band.js';
import { ExplainedHealth } from './explained-health.js';
import { measureStale } from './measures.js';
import { round1 } from './round.js';
import { readSignals } from './signals.js';
import type { HealthScore, PreviousHealth, Trend } from './types.js';
import { healthScoreOf, observedWeightOf, signalPoints, weighedMeasures } from './weighing.js';

export { bandFor } from './band.js';
export { MEASURE_LABELS } from './measures.js';

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

/**
 * The account's health: the weighted mean of the measures observed. Measures with no data drop out
 * and their weight is shared among the rest; `coverage` says how much of the configured weight was
 * actually observed, and `stale` which measures are older than their freshness window. The
 * breakdown (`measures`, `drivers`) is built when first read (see ExplainedHealth). Settings are
 * read afresh on every call, so an edited settings object scores as its edit says.
 */
export function scoreHealth(
  snapshot: AccountSnapshot,
  settings: Settings,
  previous?: PreviousHealth,
): HealthScore {
  const asOfMs = toEpochMs(snapshot.asOf);
  const values = readSignals(snapshot, asOfMs);
  const points = signalPoints(values, settings);
  const weighed = weighedMeasures(points, settings);
  const score = healthScoreOf(weighed);
  const observedWeight = observedWeightOf(weighed);
  let configuredWeight = 0;
  const missing: MeasureKey[] = [];
  const stale: MeasureKey[] = [];
  // An account's signal groups are often observed at the same moment: read each date once.
  const observedMs = lastInstantReader();
  for (const { key, weight, score: measured } of weighed) {
    configuredWeight += weight;
    if (Number.isNaN(measured)) missing.push(key);
    else if (measureStale(key, snapshot, asOfMs, settings, observedMs)) stale.push(key);
  }
  const { green, yellow } = settings.bands;
  return new ExplainedHealth(
    { snapshot, asOfMs, values, points, weighed, observedWeight, bands: { green, yellow } },
    score,
    score === null ? null : bandFor(score, settings),
    configuredWeight > 0 ? observedWeight / configuredWeight : 0,
    missing,
    stale,
    trendFrom(score, previous, settings),
  );
}
