import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/defaults.js';
import type { Settings } from '../settings/schema.js';
import { MEASURE_KEYS } from '../vocabulary/keys.js';
import { snapshotArb } from '../snapshot/arbitrary.js';
import { accountSnapshotSchema, type AccountSnapshot } from '../snapshot/schema.js';
import { addDays } from '../time/time.js';
import { computeMeasures } from './measures.js';
import { bandFor, scoreHealth } from './score.js';

const settings = defaultSettings();

/** Measure weights drawn freely (some zero), keeping at least one above zero as settings require. */
const weightsArb = fc
  .array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 })), {
    minLength: MEASURE_KEYS.length,
    maxLength: MEASURE_KEYS.length,
  })
  .filter((ws) => ws.some((w) => w > 0))
  .map((ws) => {
    const s = defaultSettings();
    MEASURE_KEYS.forEach((key, i) => (s.measures[key].weight = ws[i] ?? 0));
    return s;
  });

describe('health score properties', () => {
  it('the generator only produces snapshots the schema accepts', () => {
    fc.assert(fc.property(snapshotArb, (s) => accountSnapshotSchema.safeParse(s).success));
  });

  it('is always in 0–100 and never NaN, or null with zero coverage when nothing was observed', () => {
    fc.assert(
      fc.property(snapshotArb, weightsArb, (snapshot, s) => {
        const h = scoreHealth(snapshot, s);
        expect(h.coverage).toBeGreaterThanOrEqual(0);
        expect(h.coverage).toBeLessThanOrEqual(1 + 1e-12);
        if (h.score === null) {
          expect(h.coverage).toBe(0);
          expect(h.band).toBeNull();
          return;
        }
        expect(Number.isFinite(h.score)).toBe(true);
        expect(h.score).toBeGreaterThanOrEqual(0);
        expect(h.score).toBeLessThanOrEqual(100);
        expect(h.coverage).toBeGreaterThan(0);
        expect(h.band).toBe(bandFor(h.score, s));
        for (const m of h.measures) expect(Number.isFinite(m.score)).toBe(true);
        for (const d of h.drivers) {
          expect(Number.isFinite(d.impact)).toBe(true);
          expect(d.reason.length).toBeGreaterThan(0);
          expect(d.reason).not.toMatch(/NaN|undefined|Infinity/);
        }
      }),
    );
  });

  it('equals the weighted mean of the observed measures, weights renormalised', () => {
    fc.assert(
      fc.property(snapshotArb, weightsArb, (snapshot, s) => {
        const h = scoreHealth(snapshot, s);
        const counted = computeMeasures(snapshot, s).filter((m) => s.measures[m.key].weight > 0);
        const total = counted.reduce((sum, m) => sum + s.measures[m.key].weight, 0);
        if (total === 0) {
          expect(h.score).toBeNull();
          return;
        }
        const mean =
          counted.reduce((sum, m) => sum + m.score * s.measures[m.key].weight, 0) / total;
        expect(Math.abs((h.score ?? NaN) - mean)).toBeLessThanOrEqual(0.05 + 1e-9);
        const shares = h.drivers.reduce((sum, d) => sum + d.effectiveWeight, 0);
        expect(shares).toBeCloseTo(1, 9);
      }),
    );
  });

  it('does not change when the weight of a missing measure is set to zero', () => {
    fc.assert(
      fc.property(snapshotArb, weightsArb, (snapshot, s) => {
        const h = scoreHealth(snapshot, s);
        const without: Settings = structuredClone(s);
        for (const key of h.missing) without.measures[key].weight = 0;
        if (!MEASURE_KEYS.some((k) => without.measures[k].weight > 0)) return;
        const h2 = scoreHealth(snapshot, without);
        expect(h2.score).toBe(h.score);
        expect(h2.coverage).toBe(h.score === null ? 0 : 1);
      }),
    );
  });

  it('does not change when every measure weight is scaled by the same factor', () => {
    fc.assert(
      fc.property(snapshotArb, fc.integer({ min: 2, max: 10 }), (snapshot, factor) => {
        const scaled = defaultSettings();
        for (const key of MEASURE_KEYS) scaled.measures[key].weight *= factor;
        expect(scoreHealth(snapshot, scaled).score).toBe(scoreHealth(snapshot, settings).score);
      }),
    );
  });

  it('lists drivers by absolute impact, largest first', () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const impacts = scoreHealth(snapshot, settings).drivers.map((d) => Math.abs(d.impact));
        expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
      }),
    );
  });

  /** Ways to make one observed signal better, in its good direction under the default settings. */
  type Improvement = (s: AccountSnapshot, step: number) => AccountSnapshot | undefined;
  const days = (step: number) => 1 + (step % 400);
  const improvements: Record<string, Improvement> = {
    moreActiveUsers: (s, k) =>
      s.usage?.activeUsers30d === undefined
        ? undefined
        : { ...s, usage: { ...s.usage, activeUsers30d: s.usage.activeUsers30d + 1 + k } },
    fewerPriorActiveUsers: (s, k) => {
      const prior = s.usage?.activeUsersPrior30d;
      if (prior === undefined || prior <= 1) return undefined;
      return { ...s, usage: { ...s.usage, activeUsersPrior30d: Math.max(1, prior - 1 - k) } };
    },
    fewerLicensedSeats: (s, k) => {
      const seats = s.contract?.licensedSeats;
      if (seats === undefined || seats <= 1) return undefined;
      return { ...s, contract: { ...s.contract, licensedSeats: Math.max(1, seats - 1 - k) } };
    },
    recentActivity: (s, k) =>
      s.usage?.lastActivityAt === undefined
        ? undefined
        : { ...s, usage: { ...s.usage, lastActivityAt: addDays(s.usage.lastActivityAt, days(k)) } },
    moreFeaturesAdopted: (s, k) =>
      s.usage?.featuresAdopted === undefined
        ? undefined
        : { ...s, usage: { ...s.usage, featuresAdopted: s.usage.featuresAdopted + 1 + k } },
    fewerOpenTickets: (s, k) =>
      s.support?.openTickets === undefined
        ? undefined
        : {
            ...s,
            support: { ...s.support, openTickets: Math.max(0, s.support.openTickets - 1 - k) },
          },
    fewerEscalations: (s, k) =>
      s.support?.escalations90d === undefined
        ? undefined
        : {
            ...s,
            support: {
              ...s.support,
              escalations90d: Math.max(0, s.support.escalations90d - 1 - k),
            },
          },
    higherCsat: (s, k) =>
      s.support?.csat === undefined
        ? undefined
        : { ...s, support: { ...s.support, csat: Math.min(100, s.support.csat + 1 + k) } },
    recentExecutiveMeeting: (s, k) =>
      s.engagement?.lastExecutiveMeetingAt === undefined
        ? undefined
        : {
            ...s,
            engagement: {
              ...s.engagement,
              lastExecutiveMeetingAt: addDays(s.engagement.lastExecutiveMeetingAt, days(k)),
            },
          },
    championFound: (s) =>
      s.engagement?.championPresent === false
        ? { ...s, engagement: { ...s.engagement, championPresent: true } }
        : undefined,
    moreMeetings: (s, k) =>
      s.engagement?.meetings90d === undefined
        ? undefined
        : { ...s, engagement: { ...s.engagement, meetings90d: s.engagement.meetings90d + 1 + k } },
    higherNps: (s, k) =>
      s.sentiment?.npsLatest === undefined
        ? undefined
        : {
            ...s,
            sentiment: { ...s.sentiment, npsLatest: Math.min(100, s.sentiment.npsLatest + 1 + k) },
          },
    lowerPreviousNps: (s, k) =>
      s.sentiment?.npsPrevious === undefined
        ? undefined
        : {
            ...s,
            sentiment: {
              ...s.sentiment,
              npsPrevious: Math.max(-100, s.sentiment.npsPrevious - 1 - k),
            },
          },
    fewerDaysPastDue: (s, k) =>
      s.billing?.daysPastDue === undefined
        ? undefined
        : {
            ...s,
            billing: { ...s.billing, daysPastDue: Math.max(0, s.billing.daysPastDue - 1 - k) },
          },
    fewerOverdueInvoices: (s, k) =>
      s.billing?.overdueInvoices === undefined
        ? undefined
        : {
            ...s,
            billing: {
              ...s.billing,
              overdueInvoices: Math.max(0, s.billing.overdueInvoices - 1 - k),
            },
          },
    autoPayOn: (s) =>
      s.billing?.autoPay === false ? { ...s, billing: { ...s.billing, autoPay: true } } : undefined,
    longerTenure: (s, k) =>
      s.contract?.startDate === undefined
        ? undefined
        : { ...s, contract: { ...s.contract, startDate: addDays(s.contract.startDate, -days(k)) } },
    longerTerm: (s, k) =>
      s.contract?.termMonths === undefined
        ? undefined
        : { ...s, contract: { ...s.contract, termMonths: s.contract.termMonths + 1 + k } },
    autoRenewOn: (s) =>
      s.contract?.autoRenew === false
        ? { ...s, contract: { ...s.contract, autoRenew: true } }
        : undefined,
    milestoneDone: (s, k) => {
      const milestones = s.onboarding?.milestones;
      if (milestones === undefined || milestones.length === 0) return undefined;
      const i = k % milestones.length;
      return {
        ...s,
        onboarding: {
          ...s.onboarding,
          milestones: milestones.map((m, j) => (j === i ? { ...m, doneAt: s.asOf } : m)),
        },
      };
    },
  };

  it('never falls when one signal improves in its good direction', () => {
    // Onboarding is weighted 0 by default; weigh it in so its signals are exercised too.
    const all = defaultSettings();
    all.measures.onboarding.weight = 10;
    fc.assert(
      fc.property(
        snapshotArb,
        fc.constantFrom(...Object.keys(improvements)),
        fc.nat({ max: 10_000 }),
        (snapshot, name, step) => {
          const better = improvements[name]?.(snapshot, step);
          fc.pre(better !== undefined);
          if (better === undefined) return;
          const before = scoreHealth(snapshot, all).score;
          const after = scoreHealth(better, all).score;
          expect(after === null).toBe(before === null);
          if (before !== null && after !== null) expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
