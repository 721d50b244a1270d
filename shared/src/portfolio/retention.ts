import { ratio, type ScoredOutcome } from './types.js';

/**
 * Cohort retention: every account that was a customer at the start, measured at the end.
 * The denominator is the cohort's starting ARR (or logo count).
 */
export interface CohortRetention {
  accounts: number;
  startArr: number;
  endArr: number;
  /** Net revenue retention: end ARR (expansion included) ÷ start ARR. */
  nrr: number | null;
  /** Gross revenue retention: each account's end ARR capped at its start ARR, ÷ start ARR. ≤ 1. */
  grr: number | null;
  /** Accounts still customers at the end ÷ accounts at the start. */
  logoRetention: number | null;
  logoChurnRate: number | null;
  /** ARR lost to accounts that left ÷ start ARR. */
  arrChurnRate: number | null;
  /** ARR lost to accounts that stayed but shrank ÷ start ARR. */
  contractionRate: number | null;
  /**
   * Expansion rate as CS practice uses it: accounts that grew ÷ accounts at the start (the share of
   * customers that expanded).
   */
  expansionRate: number | null;
  /** Expansion ARR rate: ARR gained from accounts that grew ÷ start ARR (NRR's expansion term). */
  expansionArrRate: number | null;
  churnedAccounts: number;
  contractedAccounts: number;
  expandedAccounts: number;
  churnedArr: number;
  contractionArr: number;
  expansionArr: number;
}

export function cohortRetention(rows: readonly ScoredOutcome[]): CohortRetention {
  let startArr = 0;
  let endArr = 0;
  let capped = 0;
  let churnedAccounts = 0;
  let contractedAccounts = 0;
  let expandedAccounts = 0;
  let churnedArr = 0;
  let contractionArr = 0;
  let expansionArr = 0;
  for (const r of rows) {
    startArr += r.arrBefore;
    endArr += r.arrAfter;
    capped += Math.min(r.arrAfter, r.arrBefore);
    if (r.status === 'churned') {
      churnedAccounts++;
      churnedArr += r.arrBefore;
    } else if (r.arrAfter < r.arrBefore) {
      contractedAccounts++;
      contractionArr += r.arrBefore - r.arrAfter;
    } else if (r.arrAfter > r.arrBefore) {
      expandedAccounts++;
      expansionArr += r.arrAfter - r.arrBefore;
    }
  }
  const accounts = rows.length;
  return {
    accounts,
    startArr,
    endArr,
    nrr: ratio(endArr, startArr),
    grr: ratio(capped, startArr),
    logoRetention: ratio(accounts - churnedAccounts, accounts),
    logoChurnRate: ratio(churnedAccounts, accounts),
    arrChurnRate: ratio(churnedArr, startArr),
    contractionRate: ratio(contractionArr, startArr),
    expansionRate: ratio(expandedAccounts, accounts),
    expansionArrRate: ratio(expansionArr, startArr),
    churnedAccounts,
    contractedAccounts,
    expandedAccounts,
    churnedArr,
    contractionArr,
    expansionArr,
  };
}
