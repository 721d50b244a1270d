import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_AS_OF, makeHealth, makeSnapshot } from '../../fixtures/builders.js';
import { defaultSettings } from '../settings/defaults.js';
import { addDays } from '../time/time.js';
import { assessRenewalRisk, renewalStage, riskLevelFor } from './risk.js';

const settings = defaultSettings();
const renewingIn = (days: number) => ({ renewalDate: addDays(FIXED_AS_OF, days) });

describe('assessRenewalRisk', () => {
  it('gives a healthy account far from renewal low risk and no ARR at risk', () => {
    const risk = assessRenewalRisk(
      makeSnapshot({ arr: 120_000, contract: renewingIn(300) }),
      makeHealth({ score: 85 }),
      settings,
    );
    expect(risk).toMatchObject({ level: 'low', points: 0, arrAtRisk: 0, daysToRenewal: 300 });
    expect(risk.stage).toBeNull();
    expect(risk.reasons).toEqual([]);
  });

  it('says plainly when a yellow account is close to renewal', () => {
    const risk = assessRenewalRisk(
      makeSnapshot({ arr: 40_000, contract: renewingIn(25) }),
      makeHealth({ score: 60 }),
      settings,
    );
    expect(risk.reasons.map((r) => r.message)).toContain('Renewal in 25 days while yellow');
    // yellow 1 + close to renewal 1 = 2 → medium, which puts a quarter of ARR at risk
    expect(risk.level).toBe('medium');
    expect(risk.arrAtRisk).toBe(10_000);
    expect(risk.stage).toBe(30);
  });

  it('does not count closeness to renewal against a green account', () => {
    const risk = assessRenewalRisk(
      makeSnapshot({ arr: 40_000, contract: renewingIn(10) }),
      makeHealth({ score: 90 }),
      settings,
    );
    expect(risk.reasons.map((r) => r.code)).not.toContain('closeToRenewal');
  });

  it('adds up red health, champion loss, billing trouble and a downgrade request to critical', () => {
    const risk = assessRenewalRisk(
      makeSnapshot({
        arr: 80_000,
        contract: { ...renewingIn(75), downgradeRequested: true },
        engagement: { championLeftAt: addDays(FIXED_AS_OF, -20) },
        billing: { overdueInvoices: 2, daysPastDue: 45 },
      }),
      makeHealth({ score: 30 }),
      settings,
    );
    expect(risk.level).toBe('critical');
    expect(risk.arrAtRisk).toBe(80_000);
    expect(risk.stage).toBe(90);
    const messages = risk.reasons.map((r) => r.message);
    expect(messages).toContain('Health is red (score 30)');
    expect(messages).toContain('Champion left 20 days ago');
    expect(messages).toContain('Billing trouble: 2 overdue invoices, 45 days past due');
    expect(messages).toContain('Customer asked to reduce seats or scope at renewal');
    // heaviest reason first
    expect(risk.reasons[0]?.code).toBe('red');
  });

  it('names the score as scored, so a red 44.9 never reads as the yellow cut-off 45', () => {
    const risk = assessRenewalRisk(
      makeSnapshot({ arr: 50_000, contract: renewingIn(200) }),
      makeHealth({ score: 44.9 }),
      settings,
    );
    expect(risk.reasons.map((r) => r.message)).toContain('Health is red (score 44.9)');
  });

  it('forgets a champion who left longer ago than the configured window', () => {
    const risk = assessRenewalRisk(
      makeSnapshot({ engagement: { championLeftAt: addDays(FIXED_AS_OF, -200) } }),
      makeHealth({ score: 80 }),
      settings,
    );
    expect(risk.reasons.map((r) => r.code)).not.toContain('championLeft');
  });

  it('flags a declining trend only when the drop reaches the configured points', () => {
    const at = (delta: number) =>
      assessRenewalRisk(
        makeSnapshot(),
        makeHealth({
          score: 80,
          trend: {
            direction: 'down',
            delta,
            previousScore: 80 - delta,
            previousAsOf: '2026-10-01T00:00:00Z',
          },
        }),
        settings,
      ).reasons.map((r) => r.message);
    expect(at(-4)).toEqual([]);
    expect(at(-5)).toEqual(['Health down 5 points since 2026-10-01']);
  });

  it('flags failed payments as billing trouble', () => {
    const risk = assessRenewalRisk(
      makeSnapshot({ billing: { failedPayments90d: 1, overdueInvoices: 0 } }),
      makeHealth({ score: 80 }),
      settings,
    );
    expect(risk.reasons.map((r) => r.message)).toEqual([
      'Billing trouble: 1 failed payment in 90 days',
    ]);
  });

  it('marks a renewal date in the past as overdue, with no stage', () => {
    const risk = assessRenewalRisk(
      makeSnapshot({ arr: 30_000, contract: renewingIn(-12) }),
      makeHealth({ score: 55 }),
      settings,
    );
    expect(risk.overdue).toBe(true);
    expect(risk.daysToRenewal).toBe(-12);
    expect(risk.stage).toBeNull();
    expect(risk.reasons.map((r) => r.message)).toContain(
      'Renewal date passed 12 days ago: not confirmed renewed or churned',
    );
  });

  it('counts a lapsed renewal as a risk on a green account too', () => {
    const risk = assessRenewalRisk(
      makeSnapshot({ arr: 30_000, contract: renewingIn(-16) }),
      makeHealth({ score: 90 }),
      settings,
    );
    expect(risk.reasons).toEqual([
      {
        code: 'renewalLapsed',
        points: 2,
        message: 'Renewal date passed 16 days ago: not confirmed renewed or churned',
      },
    ]);
    expect(risk.level).toBe('medium');
  });

  it('copes with no renewal date and no ARR', () => {
    const risk = assessRenewalRisk(makeSnapshot(), makeHealth({ score: 30 }), settings);
    expect(risk).toMatchObject({
      arr: null,
      arrAtRisk: 0,
      daysToRenewal: null,
      renewalDate: null,
      stage: null,
      overdue: false,
    });
  });

  it('puts nothing at risk for an account with ARR 0, whatever the level', () => {
    const risk = assessRenewalRisk(
      makeSnapshot({ arr: 0, billing: { overdueInvoices: 3 } }),
      makeHealth({ score: 20 }),
      settings,
    );
    // red 3 + billing trouble 2 = 5 → high
    expect(risk.level).toBe('high');
    expect(risk.arrAtRisk).toBe(0);
  });

  it('counts unknown health and little observed data as risk', () => {
    const risk = assessRenewalRisk(
      makeSnapshot({ arr: 10_000, contract: renewingIn(5) }),
      makeHealth({ score: null }),
      settings,
    );
    expect(risk.reasons.map((r) => r.message)).toEqual([
      'Only 0% of the health model is observed',
      'Renewal in 5 days while health is unknown',
    ]);
  });

  it('leaves out a rule the admin weighted 0', () => {
    const s = defaultSettings();
    s.renewal.riskPoints.yellow = 0;
    const risk = assessRenewalRisk(makeSnapshot(), makeHealth({ score: 60 }), s);
    expect(risk.reasons).toEqual([]);
    expect(risk.level).toBe('low');
  });

  it('never puts more at risk than the ARR, nor less than nothing', () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: undefined }),
        fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
        fc.integer({ min: -400, max: 800 }),
        fc.boolean(),
        (arr, score, days, downgrade) => {
          const risk = assessRenewalRisk(
            makeSnapshot({ arr, contract: { ...renewingIn(days), downgradeRequested: downgrade } }),
            makeHealth({ score }),
            settings,
          );
          expect(risk.arrAtRisk).toBeGreaterThanOrEqual(0);
          expect(risk.arrAtRisk).toBeLessThanOrEqual((arr ?? 0) + 0.01);
          expect(risk.points).toBe(risk.reasons.reduce((s, r) => s + r.points, 0));
        },
      ),
    );
  });
});

describe('renewalStage', () => {
  const stages = [180, 120, 90, 30];
  it('is the nearest stage reached', () => {
    expect(renewalStage(75, stages)).toBe(90);
    expect(renewalStage(90, stages)).toBe(90);
    expect(renewalStage(91, stages)).toBe(120);
    expect(renewalStage(0, stages)).toBe(30);
    expect(renewalStage(181, stages)).toBeNull();
    expect(renewalStage(-1, stages)).toBeNull();
    expect(renewalStage(null, stages)).toBeNull();
  });
});

describe('riskLevelFor', () => {
  it('rises with points at the configured levels', () => {
    const levels = settings.renewal.levels;
    expect([0, 1, 2, 3, 4, 5, 6, 12].map((p) => riskLevelFor(p, levels))).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });
});
