import type { Band } from '../vocabulary/keys.js';
import type { OutcomeStatus } from './outcome.js';

/** One account of the cohort: its outcome and the health it had at the snapshot. */
export interface ScoredOutcome {
  accountId: string;
  name?: string;
  asOf: string;
  renewalDate?: string;
  arrBefore: number;
  arrAfter: number;
  status: OutcomeStatus;
  score: number | null;
  band: Band | null;
}

/** Health bands plus the accounts that could not be scored at all. */
export type BandOrUnscored = Band | 'unscored';
export const BAND_GROUPS: readonly BandOrUnscored[] = ['green', 'yellow', 'red', 'unscored'];

export function bandGroup(band: Band | null): BandOrUnscored {
  return band ?? 'unscored';
}

/** A ratio that is null rather than NaN when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
