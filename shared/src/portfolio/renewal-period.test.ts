import { describe, expect, it } from 'vitest';
import { renewalPeriodRates } from './renewal-period.js';
import { cohortRetention } from './retention.js';
import type { ScoredOutcome } from './types.js';

function row(
  id: string,
  renewalDate: string | undefined,
  arrBefore: number,
  arrAfter: number,
  status: ScoredOutcome['status'],
): ScoredOutcome {
  return {
    accountId: id,
    asOf: '2024-01-01T00:00:00Z',
    ...(renewalDate ? { renewalDate } : {}),
    arrBefore,
    arrAfter,
    status,
    score: null,
    band: null,
  };
}

describe('renewal-period rates', () => {
  const rows = [
    row('due-renewed-up', '2024-03-01T00:00:00Z', 40_000, 50_000, 'renewed'),
    row('due-churned', '2024-05-01T00:00:00Z', 10_000, 0, 'churned'),
    row('not-due', '2024-09-01T00:00:00Z', 100_000, 0, 'churned'),
    row('no-date', undefined, 5_000, 5_000, 'renewed'),
  ];
  const period = { from: '2024-01-01T00:00:00Z', to: '2024-07-01T00:00:00Z' };

  it('divides by the ARR that fell due in the period, not the whole book', () => {
    const r = renewalPeriodRates(rows, period);
    expect(r.accountsDue).toBe(2);
    expect(r.arrDue).toBe(50_000);
    // gross: min(50,40) + 0 = 40 of 50 due; net: 50 + 0 of 50
    expect(r.grossRenewalRate).toBeCloseTo(0.8, 10);
    expect(r.netRenewalRate).toBeCloseTo(1, 10);
    expect(r.logoRenewalRate).toBeCloseTo(0.5, 10);
    expect(r.accountsWithoutRenewalDate).toBe(1);
  });

  it('differs from cohort GRR on the same accounts because the denominator differs', () => {
    const cohort = cohortRetention(rows);
    // cohort start 155k, capped end 40 + 0 + 0 + 5 = 45k
    expect(cohort.grr).toBeCloseTo(45 / 155, 10);
    expect(renewalPeriodRates(rows, period).grossRenewalRate).not.toBeCloseTo(cohort.grr!, 3);
  });

  it('can count renewals due within a window after each snapshot', () => {
    const r = renewalPeriodRates(rows, { withinDaysOfAsOf: 90 });
    expect(r.accountsDue).toBe(1);
    expect(r.arrDue).toBe(40_000);
  });
});
