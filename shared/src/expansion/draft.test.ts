import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_AS_OF, makeHealth, makeSnapshot } from '../../fixtures/builders.js';
import { defaultSettings } from '../settings/defaults.js';
import type { Measure } from '../health/types.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { assessRenewalRisk } from '../renewal/risk.js';
import { addDays } from '../time/time.js';
import { detectExpansion, formatAmount } from './draft.js';

const settings = defaultSettings();
const usageMeasure = (score: number): Measure => ({
  key: 'usage',
  label: 'Usage',
  group: 'usage',
  score,
  signals: [],
  stale: false,
});
const lowRisk = assessRenewalRisk(makeSnapshot(), makeHealth(), settings);
const closed = { openExpansionDeal: false, risk: lowRisk };

const crowded: AccountSnapshot = makeSnapshot({
  arr: 60_000,
  currency: 'USD',
  contract: { licensedSeats: 50, renewalDate: '2027-06-30T00:00:00Z' },
  usage: { activeUsers30d: 47 },
});

describe('detectExpansion', () => {
  it('drafts a seat expansion priced per seat when seats run out', () => {
    const { signals, draft } = detectExpansion(
      crowded,
      makeHealth({ score: 60 }),
      settings,
      closed,
    );
    expect(signals.map((s) => s.message)).toEqual(['47 of 50 licensed seats active (94%)']);
    // 47 active users at 75% target need 63 seats: 13 more at 60,000 / 50 = 1,200 each
    expect(draft).toMatchObject({
      idempotencyKey: 'csops-expansion:acct-1:2027-06-30',
      name: 'Acme Logistics — seat expansion',
      amount: 15_600,
      amountBasis: '13 more seats × 1,200 USD per seat, to bring seat use to 75%',
      closeDate: '2027-01-01',
      reason: '47 of 50 licensed seats active (94%)',
    });
  });

  it('sizes an adoption-led expansion as the uplift on ARR', () => {
    const { draft } = detectExpansion(
      makeSnapshot({ arr: 100_000, usage: { featuresAdopted: 9, featuresLicensed: 10 } }),
      makeHealth({ score: 60 }),
      settings,
      closed,
    );
    expect(draft).toMatchObject({
      name: 'Acme Logistics — expansion',
      amount: 20_000,
      amountBasis: '20% of ARR 100,000',
      reason: '9 of 10 licensed features adopted (90%)',
      idempotencyKey: 'csops-expansion:acct-1:no-term',
    });
  });

  it('sees a healthy, heavily used account within six months of renewal as an expansion chance', () => {
    const snapshot = makeSnapshot({
      arr: 50_000,
      contract: { renewalDate: addDays(FIXED_AS_OF, 170) },
    });
    const healthy = (score: number, usage: number | null) =>
      makeHealth({ score, measures: usage === null ? [] : [usageMeasure(usage)] });
    expect(detectExpansion(snapshot, healthy(74.6, 82.4), settings, closed).signals).toEqual([
      {
        code: 'healthyNearRenewal',
        message: 'Health 74.6 and usage 82.4 with renewal in 170 days',
      },
    ]);
    // Healthy but hardly used, or used but not healthy: no expansion chance.
    expect(detectExpansion(snapshot, healthy(82, 55), settings, closed).signals).toEqual([]);
    expect(detectExpansion(snapshot, healthy(82, null), settings, closed).signals).toEqual([]);
    expect(detectExpansion(snapshot, healthy(65, 90), settings, closed).signals).toEqual([]);
    const far = makeSnapshot({ arr: 50_000, contract: { renewalDate: addDays(FIXED_AS_OF, 200) } });
    expect(detectExpansion(far, healthy(90, 90), settings, closed).signals).toEqual([]);
  });

  it('takes the usage bar and the months before renewal from settings', () => {
    const s = defaultSettings();
    s.expansion.minUsageScore = 50;
    s.expansion.healthyWithinMonthsOfRenewal = 7;
    const snapshot = makeSnapshot({
      arr: 50_000,
      contract: { renewalDate: addDays(FIXED_AS_OF, 200) },
    });
    const health = makeHealth({ score: 82, measures: [usageMeasure(55)] });
    expect(detectExpansion(snapshot, health, s, closed).signals.map((x) => x.code)).toEqual([
      'healthyNearRenewal',
    ]);
  });

  it('does not count a renewal date already past', () => {
    const snapshot = makeSnapshot({
      arr: 50_000,
      contract: { renewalDate: addDays(FIXED_AS_OF, -3) },
    });
    expect(detectExpansion(snapshot, makeHealth({ score: 90 }), settings, closed).signals).toEqual(
      [],
    );
  });

  it('drafts nothing while an expansion deal is open, and says why', () => {
    const r = detectExpansion(crowded, makeHealth(), settings, {
      ...closed,
      openExpansionDeal: true,
    });
    expect(r.draft).toBeNull();
    expect(r.signals).toHaveLength(1);
    expect(r.suppressedBecause).toBe('An expansion deal is already open');
  });

  it('drafts nothing for an account with ARR 0 or none recorded', () => {
    for (const arr of [0, undefined]) {
      const r = detectExpansion({ ...crowded, arr }, makeHealth(), settings, closed);
      expect(r.draft).toBeNull();
      expect(r.suppressedBecause).toBe('No ARR recorded to size an expansion from');
    }
  });

  it('drafts nothing when the estimate rounds to nothing', () => {
    const r = detectExpansion({ ...crowded, arr: 0.01 }, makeHealth(), settings, closed);
    expect(r.draft).toBeNull();
    expect(r.suppressedBecause).toBe('The estimate rounds to nothing at this ARR');
  });

  it('finds no seat signal for zero licensed seats', () => {
    const r = detectExpansion(
      makeSnapshot({ arr: 10_000, contract: { licensedSeats: 0 }, usage: { activeUsers30d: 8 } }),
      makeHealth({ score: 50 }),
      settings,
      closed,
    );
    expect(r).toEqual({ signals: [], draft: null, heldBackBecause: [] });
  });

  it('keys the draft by contract term so repeated runs and clicks find the same deal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        (later, nextTerm) => {
          const first = detectExpansion(crowded, makeHealth(), settings, closed).draft;
          const rerun = detectExpansion(
            { ...crowded, asOf: addDays(FIXED_AS_OF, later % 30) },
            makeHealth(),
            settings,
            closed,
          ).draft;
          const renewed = detectExpansion(
            {
              ...crowded,
              contract: {
                ...crowded.contract,
                renewalDate: addDays('2027-06-30T00:00:00Z', nextTerm),
              },
            },
            makeHealth(),
            settings,
            closed,
          ).draft;
          expect(rerun?.idempotencyKey).toBe(first?.idempotencyKey);
          expect(renewed?.idempotencyKey).not.toBe(first?.idempotencyKey);
        },
      ),
    );
  });

  it('never estimates a negative amount or more seats than needed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        (seats, active, arr) => {
          const { draft } = detectExpansion(
            makeSnapshot({
              arr,
              contract: { licensedSeats: seats },
              usage: { activeUsers30d: active },
            }),
            makeHealth({ score: 50 }),
            settings,
            closed,
          );
          if (draft === null) return;
          expect(draft.amount).toBeGreaterThan(0);
          const extra = Number(/^(\d+) more seat/.exec(draft.amountBasis)?.[1] ?? 0);
          if (extra > 0) {
            // one seat fewer would leave utilisation above the target
            expect((active / (seats + extra - 1)) * 100 > 75).toBe(true);
            expect((active / (seats + extra)) * 100).toBeLessThanOrEqual(75 + 1e-9);
          }
        },
      ),
    );
  });
});

describe('formatAmount', () => {
  it('only ever adds separators between groups of three digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
        const text = formatAmount(n);
        expect(text.replaceAll(',', '')).toBe(String(n));
        expect(text).toMatch(/^-?\d{1,3}(,\d{3})*$/);
      }),
    );
  });

  it('groups thousands', () => {
    expect([0, 999, 1200, 1234567.8, -4500].map(formatAmount)).toEqual([
      '0',
      '999',
      '1,200',
      '1,234,568',
      '-4,500',
    ]);
  });
});
