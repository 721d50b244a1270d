import type { AccountSnapshot } from '../snapshot/schema.js';
import type { MeasureKey, Settings } from '../settings/schema.js';
import { lastInstantReader } from '../time/time.js';
import { bandFor } from './band.js';
import { ExplainedHealth } from './explained-health.js';
import { measureScore, measureStale } from './measures.js';
import { healthModel } from './model.js';
import { round1 } from './round.js';
import { fillSignalTable, newSignalTable } from './signal-table.js';
import type { HealthScore, PreviousHealth, Trend } from './types.js';

export { bandFor } from './band.js';
export { MEASURE_LABELS } from './model.js';

// Scoring is synchronous and never re-entered, so one table serves every account.
const table = newSignalTable();
const asOfMsOf = lastInstantReader();

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
 * breakdown (`measures`, `drivers`) is built when first read (see ExplainedHealth).
 */
export function scoreHealth(
  snapshot: AccountSnapshot,
  settings: Settings,
  previous?: PreviousHealth,
): HealthScore {
  const model = healthModel(settings);
  const asOfMs = asOfMsOf(snapshot.asOf);
  fillSignalTable(snapshot, asOfMs, table);

  const missing: MeasureKey[] = [];
  const stale: MeasureKey[] = [];
  let observedWeight = 0;
  let weighted = 0;
  for (const rule of model.scored) {
    const points = measureScore(rule, table);
    if (Number.isNaN(points)) {
      missing.push(rule.key);
      continue;
    }
    if (measureStale(rule, snapshot, asOfMs)) stale.push(rule.key);
    observedWeight += rule.weight;
    weighted += points * rule.weight;
  }
  const score = observedWeight > 0 ? round1(weighted / observedWeight) : null;

  return new ExplainedHealth(
    snapshot,
    asOfMs,
    model,
    settings.bands,
    score,
    score === null ? null : bandFor(score, settings),
    observedWeight,
    missing,
    stale,
    trendFrom(score, previous, settings),
  );
}
