import { daysBetween, toEpochMs } from '../time/time.js';
import { ratio, type ScoredOutcome } from './types.js';

/** Which renewals count as due: a fixed period, or a window after each snapshot's asOf. */
export type RenewalPeriod = { from: string; to: string } | { withinDaysOfAsOf: number };

/**
 * Renewal-period rates: only the accounts whose renewal fell due in the period, over the ARR that
 * was due — a different denominator from cohort retention, so the two are never mixed.
 */
export interface RenewalPeriodRates {
  period: RenewalPeriod;
  accountsDue: number;
  arrDue: number;
  /** Accounts left out because their renewal date is unknown. */
  accountsWithoutRenewalDate: number;
  /** ARR renewed, each account capped at its ARR due, ÷ ARR due. */
  grossRenewalRate: number | null;
  /** ARR renewed including expansion at renewal ÷ ARR due. */
  netRenewalRate: number | null;
  /** Accounts that renewed (fully or contracted) ÷ accounts due. */
  logoRenewalRate: number | null;
}

export function isDue(row: ScoredOutcome, period: RenewalPeriod): boolean {
  if (!row.renewalDate) return false;
  if ('withinDaysOfAsOf' in period) {
    const days = daysBetween(row.asOf, row.renewalDate);
    return days >= 0 && days <= period.withinDaysOfAsOf;
  }
  const t = toEpochMs(row.renewalDate);
  return t >= toEpochMs(period.from) && t < toEpochMs(period.to);
}

export function renewalPeriodRates(
  rows: readonly ScoredOutcome[],
  period: RenewalPeriod,
): RenewalPeriodRates {
  let accountsDue = 0;
  let arrDue = 0;
  let gross = 0;
  let net = 0;
  let renewedLogos = 0;
  let withoutDate = 0;
  for (const r of rows) {
    if (!r.renewalDate) {
      withoutDate++;
      continue;
    }
    if (!isDue(r, period)) continue;
    accountsDue++;
    arrDue += r.arrBefore;
    gross += Math.min(r.arrAfter, r.arrBefore);
    net += r.arrAfter;
    if (r.status !== 'churned') renewedLogos++;
  }
  return {
    period,
    accountsDue,
    arrDue,
    accountsWithoutRenewalDate: withoutDate,
    grossRenewalRate: ratio(gross, arrDue),
    netRenewalRate: ratio(net, arrDue),
    logoRenewalRate: ratio(renewedLogos, accountsDue),
  };
}
