import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortRetention } from './retention.js';
import type { ScoredOutcome } from './types.js';

function account(
  id: string,
  arrBefore: number,
  arrAfter: number,
  status: ScoredOutcome['status'],
): ScoredOutcome {
  return {
    accountId: id,
    asOf: '2024-01-01T00:00:00Z',
    arrBefore,
    arrAfter,
    status,
    score: 50,
    band: 'yellow',
  };
}

describe('cohort retention', () => {
  // Start 100k + 50k + 30k + 20k = 200k. A expands +20k, B contracts −10k, C churns −30k, D flat.
  const cohort = [
    account('A', 100_000, 120_000, 'renewed'),
    account('B', 50_000, 40_000, 'contracted'),
    account('C', 30_000, 0, 'churned'),
    account('D', 20_000, 20_000, 'renewed'),
  ];
  const r = cohortRetention(cohort);

  it('counts expansion in NRR', () => {
    // (120 + 40 + 0 + 20) / 200 = 0.9
    expect(r.nrr).toBeCloseTo(0.9, 10);
  });

  it('caps each account at its prior ARR in GRR, so expansion cannot hide losses', () => {
    // (100 + 40 + 0 + 20) / 200 = 0.8
    expect(r.grr).toBeCloseTo(0.8, 10);
  });

  it('counts logos that stayed, contracted ones included', () => {
    expect(r.logoRetention).toBeCloseTo(0.75, 10);
    expect(r.logoChurnRate).toBeCloseTo(0.25, 10);
  });

  it('splits ARR movement into churn, contraction and expansion over the starting ARR', () => {
    expect(r.arrChurnRate).toBeCloseTo(0.15, 10);
    expect(r.contractionRate).toBeCloseTo(0.05, 10);
    expect(r.expansionArrRate).toBeCloseTo(0.1, 10);
    // NRR = 1 − churn − contraction + expansion
    expect(r.nrr!).toBeCloseTo(1 - 0.15 - 0.05 + 0.1, 10);
  });

  it('calls the share of customers that expanded the expansion rate, beside the expansion ARR rate', () => {
    // One of four accounts grew (A), by 20,000 of 200,000 starting ARR.
    expect(r.expansionRate).toBeCloseTo(0.25, 10);
    expect(r.expansionArrRate).toBeCloseTo(0.1, 10);
  });

  it('keeps GRR at or below 100% even when every account expands', () => {
    const grown = cohortRetention([
      account('A', 10, 30, 'renewed'),
      account('B', 10, 12, 'renewed'),
    ]);
    expect(grown.grr).toBe(1);
    expect(grown.nrr).toBeCloseTo(2.1, 10);
  });

  it('gives no rate for an empty cohort rather than a division by zero', () => {
    const empty = cohortRetention([]);
    expect(empty.nrr).toBeNull();
    expect(empty.grr).toBeNull();
    expect(empty.logoRetention).toBeNull();
  });

  it('never reports GRR above 100% or above NRR, for any cohort', () => {
    const amounts = fc.tuple(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.integer({ min: 0, max: 2_000_000 }),
    );
    fc.assert(
      fc.property(fc.array(amounts, { minLength: 1, maxLength: 30 }), (pairs) => {
        const rows = pairs.map(([before, after], i) =>
          account(
            `a${i}`,
            before,
            after,
            after === 0 ? 'churned' : after < before ? 'contracted' : 'renewed',
          ),
        );
        const r = cohortRetention(rows);
        expect(r.grr!).toBeLessThanOrEqual(1 + 1e-12);
        expect(r.grr!).toBeLessThanOrEqual(r.nrr! + 1e-12);
        expect(r.nrr!).toBeCloseTo(
          1 - r.arrChurnRate! - r.contractionRate! + r.expansionArrRate!,
          9,
        );
      }),
    );
  });
});
