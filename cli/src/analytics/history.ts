import { scoreHealth, type HistoricalRecord, type ScoredOutcome, type Settings } from '@csops/core';
import { arr } from './format.js';
import { loadHistory, loadMapping } from './load.js';
import type { MappedHistory, RowError } from './map-rows.js';

/** Scores each historical snapshot with the given settings, keeping its outcome beside it. */
export function scoreHistory(
  records: readonly HistoricalRecord[],
  settings: Settings,
): ScoredOutcome[] {
  return records.map(({ snapshot, outcome }) => {
    const health = scoreHealth(snapshot, settings);
    return {
      accountId: snapshot.accountId,
      ...(snapshot.name ? { name: snapshot.name } : {}),
      asOf: snapshot.asOf,
      ...(snapshot.contract?.renewalDate ? { renewalDate: snapshot.contract.renewalDate } : {}),
      arrBefore: outcome.arrBefore,
      arrAfter: outcome.arrAfter,
      status: outcome.status,
      score: health.score,
      band: health.band,
    };
  });
}

export async function readHistory(
  dataPath: string,
  mappingPath: string,
  delimiter?: string,
): Promise<MappedHistory> {
  return loadHistory(dataPath, await loadMapping(mappingPath), delimiter);
}

/** What a report needs to list rejected rows: how many were read and which were refused. */
type Rejections = Pick<MappedHistory, 'rejected'>;

export function rejectedRows(history: Rejections): RowError[] {
  return history.rejected.flatMap((r) => r.errors);
}

/** Every rejected row on stderr (up to a limit, then how many more), so nothing vanishes unseen. */
export function reportRejected(history: Rejections, limit = 50): void {
  const errors = rejectedRows(history);
  if (errors.length === 0) return;
  const lines = errors
    .slice(0, limit)
    .map(
      (e) => `  ${e.location}: ${e.field}${e.column ? ` (column ${e.column})` : ''}: ${e.message}`,
    );
  if (errors.length > limit)
    lines.push(`  … and ${errors.length - limit} more problems (--json lists them all)`);
  process.stderr.write(`rejected ${history.rejected.length} rows:\n${lines.join('\n')}\n`);
}

/** "read 7,043 · scored 7,040 · unscored 0 · rejected 3": always adds up. */
export function countsLine(
  read: number,
  scored: number,
  unscored: number,
  rejected: number,
): string {
  return `rows read ${arr(read)} = scored ${arr(scored)} + unscored ${arr(unscored)} + rejected ${arr(rejected)}`;
}
