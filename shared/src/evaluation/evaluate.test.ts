import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_AS_OF, makeSnapshot } from '../../fixtures/builders.js';
import { scoreHealth } from '../health/score.js';
import { defaultSettings } from '../settings/defaults.js';
import { accountSnapshotSchema, type AccountSnapshot } from '../snapshot/schema.js';
import { addDays } from '../time/time.js';
import { evaluateAccount } from './evaluate.js';

const settings = defaultSettings();

const crowded = makeSnapshot({
  arr: 60_000,
  contract: { licensedSeats: 50, renewalDate: addDays(FIXED_AS_OF, 75) },
  usage: { activeUsers30d: 48, activeUsersPrior30d: 46, lastActivityAt: FIXED_AS_OF },
});

describe('evaluateAccount', () => {
  it('brings health, risk, due steps and expansion together for one account', () => {
    const e = evaluateAccount(crowded, settings);
    expect(e.accountId).toBe('acct-1');
    expect(e.asOf).toBe(FIXED_AS_OF);
    expect(e.segment).toBe('mid_market');
    expect(e.health).toEqual(scoreHealth(crowded, settings));
    expect(e.risk.daysToRenewal).toBe(75);
    expect(e.actions.map((a) => a.playbookId)).toEqual([
      'renewal-90',
      'renewal-90',
      'seat-expansion',
    ]);
    expect(e.expansion.draft?.name).toBe('Acme Logistics — seat expansion');
  });

  it('keeps the segment recorded on the account over the one its ARR suggests', () => {
    expect(evaluateAccount({ ...crowded, segment: 'enterprise' }, settings).segment).toBe(
      'enterprise',
    );
  });

  it('holds back expansion steps and drafts while an expansion deal is open', () => {
    const e = evaluateAccount(crowded, settings, { openExpansionDeal: true });
    expect(e.actions.map((a) => a.playbookId)).not.toContain('seat-expansion');
    expect(e.expansion.draft).toBeNull();
  });

  it('uses the previous score for the trend and the band crossing', () => {
    const falling = makeSnapshot({
      usage: {
        activeUsers30d: 0,
        activeUsersPrior30d: 0,
        lastActivityAt: addDays(FIXED_AS_OF, -90),
      },
      contract: { licensedSeats: 40 },
    });
    const first = evaluateAccount(falling, settings, {
      previous: { score: 60, band: 'yellow', asOf: addDays(FIXED_AS_OF, -7) },
    });
    expect(first.health.band).toBe('red');
    expect(first.health.trend.direction).toBe('down');
    expect(first.actions.map((a) => a.playbookId)).toContain('health-red');
    const stillRed = evaluateAccount(falling, settings, {
      previous: { score: first.health.score ?? 0, band: 'red', asOf: FIXED_AS_OF },
    });
    expect(stillRed.actions.map((a) => a.playbookId)).not.toContain('health-red');
  });

  const arbSnapshot: fc.Arbitrary<AccountSnapshot> = fc
    .record({
      arr: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: undefined }),
      seats: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
      active: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
      prior: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
      renewalIn: fc.option(fc.integer({ min: -200, max: 700 }), { nil: undefined }),
      championAgo: fc.option(fc.integer({ min: -10, max: 300 }), { nil: undefined }),
      overdue: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      csat: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      downgrade: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map((a) =>
      makeSnapshot({
        arr: a.arr,
        contract: {
          licensedSeats: a.seats,
          renewalDate: a.renewalIn === undefined ? undefined : addDays(FIXED_AS_OF, a.renewalIn),
          downgradeRequested: a.downgrade,
        },
        usage: { activeUsers30d: a.active, activeUsersPrior30d: a.prior },
        support: { csat: a.csat },
        engagement: {
          championLeftAt:
            a.championAgo === undefined ? undefined : addDays(FIXED_AS_OF, -a.championAgo),
        },
        billing: { overdueInvoices: a.overdue },
      }),
    );

  it('always returns a coherent evaluation for any valid snapshot', () => {
    fc.assert(
      fc.property(arbSnapshot, fc.boolean(), (snapshot, openDeal) => {
        expect(accountSnapshotSchema.safeParse(snapshot).success).toBe(true);
        const e = evaluateAccount(snapshot, settings, { openExpansionDeal: openDeal });
        expect(e.risk.arrAtRisk).toBeLessThanOrEqual(snapshot.arr ?? 0);
        expect(new Set(e.actions.map((a) => a.key)).size).toBe(e.actions.length);
        for (const a of e.actions)
          expect(a.key.startsWith(`csops:${snapshot.accountId}:`)).toBe(true);
        if (openDeal) expect(e.expansion.draft).toBeNull();
        if (e.expansion.draft !== null) expect(e.expansion.draft.amount).toBeGreaterThan(0);
        expect(evaluateAccount(snapshot, settings, { openExpansionDeal: openDeal })).toEqual(e);
      }),
    );
  });
});

describe('evaluateAccount with the stored result', () => {
  const snapshot = crowded;
  const day = FIXED_AS_OF.slice(0, 10);

  it('measures the trend against the stored result of an earlier day and says what to write', () => {
    const stored = { score: '30', band: 'red', updatedAt: addDays(FIXED_AS_OF, -1) };
    const e = evaluateAccount(snapshot, settings, { stored });
    expect(e.health.trend.previousScore).toBe(30);
    expect(e.writeBack).toMatchObject({
      previousScore: 30,
      previousBand: 'red',
      updatedAt: FIXED_AS_OF,
    });
  });

  it('writes nothing when the same day already holds this result', () => {
    const first = evaluateAccount(snapshot, settings, { stored: {} }).writeBack;
    expect(first?.updatedAt.slice(0, 10)).toBe(day);
    const again = evaluateAccount(snapshot, settings, { stored: { ...first } });
    expect(again.writeBack).toBeNull();
  });

  it('shows the score to one decimal, with the band and risk in words', () => {
    const e = evaluateAccount(snapshot, settings);
    expect(e.display.score).toBe(String(e.health.score));
    expect(e.display.band).toBe({ green: 'Green', yellow: 'Yellow', red: 'Red' }[e.health.band!]);
    expect(e.display.coverage).toBe(`${Math.round(e.health.coverage * 1000) / 10}%`);
    expect(e.writeBack).toBeUndefined();
  });
});
