import {
  bandFor,
  signalMatrixBuilder,
  toEpochMs,
  type OutcomeStatus,
  type ScoredOutcome,
  type Settings,
  type SignalMatrix,
} from '@csops/core';
import type { Mapping } from './mapping-schema.js';
import { loadMapping, streamHistory, type ReadCounts } from './load.js';
import { NumberColumn } from './number-column.js';

const STATUSES: readonly OutcomeStatus[] = ['renewed', 'contracted', 'churned'];

/**
 * An export reduced to what back-testing and calibration read, row by row: the signal values as
 * numeric columns, the outcome, and the few strings a report names (account id and name).
 * A snapshot is read, reduced and dropped as it streams in, so a row costs about 200 bytes.
 */
export interface CompactHistory extends ReadCounts {
  signals: SignalMatrix;
  churned: boolean[];
  accountId: string[];
  name: (string | undefined)[];
  asOfMs: Float64Array;
  /** NaN where the snapshot has no renewal date. */
  renewalMs: Float64Array;
  arrBefore: Float64Array;
  arrAfter: Float64Array;
  status: Uint8Array;
}

export async function readCompactHistory(
  dataPath: string,
  mappingPath: string,
  delimiter?: string,
): Promise<CompactHistory> {
  return compactHistory(dataPath, await loadMapping(mappingPath), delimiter);
}

export async function compactHistory(
  dataPath: string,
  mapping: Mapping,
  delimiter?: string,
): Promise<CompactHistory> {
  const signals = signalMatrixBuilder();
  const accountId: string[] = [];
  const name: (string | undefined)[] = [];
  const churned: boolean[] = [];
  const [asOf, renewal, before, after, status] = Array.from(
    { length: 5 },
    () => new NumberColumn(),
  );
  const counts = await streamHistory(
    dataPath,
    mapping,
    ({ snapshot, outcome }) => {
      const asOfMs = toEpochMs(snapshot.asOf);
      signals.add(snapshot);
      accountId.push(snapshot.accountId);
      name.push(snapshot.name);
      asOf!.push(asOfMs);
      const renewalDate = snapshot.contract?.renewalDate;
      renewal!.push(renewalDate ? toEpochMs(renewalDate) : NaN);
      before!.push(outcome.arrBefore);
      after!.push(outcome.arrAfter);
      status!.push(STATUSES.indexOf(outcome.status));
      churned.push(outcome.status === 'churned');
    },
    delimiter,
  );
  return {
    ...counts,
    signals: signals.build(),
    churned,
    accountId,
    name,
    asOfMs: asOf!.values(),
    renewalMs: renewal!.values(),
    arrBefore: before!.values(),
    arrAfter: after!.values(),
    status: Uint8Array.from(status!.values()),
  };
}

/** The rows as the core's back-test reads them, scored by `scores` (NaN = unscored). */
export function scoredOutcomes(
  history: CompactHistory,
  scores: ArrayLike<number>,
  settings: Settings,
): ScoredOutcome[] {
  const iso = (ms: number) => new Date(ms).toISOString();
  return history.accountId.map((accountId, i) => {
    const score = scores[i] as number;
    const name = history.name[i];
    const renewal = history.renewalMs[i] as number;
    return {
      accountId,
      ...(name ? { name } : {}),
      asOf: iso(history.asOfMs[i] as number),
      ...(Number.isNaN(renewal) ? {} : { renewalDate: iso(renewal) }),
      arrBefore: history.arrBefore[i] as number,
      arrAfter: history.arrAfter[i] as number,
      status: STATUSES[history.status[i] as number] as OutcomeStatus,
      score: Number.isNaN(score) ? null : score,
      band: Number.isNaN(score) ? null : bandFor(score, settings),
    };
  });
}
