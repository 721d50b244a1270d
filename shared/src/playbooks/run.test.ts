import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_AS_OF, makeHealth, makePrevious, makeSnapshot } from '../../fixtures/builders.js';
import type { HealthScore, PreviousHealth } from '../health/types.js';
import { assessRenewalRisk } from '../renewal/risk.js';
import { defaultSettings } from '../settings/defaults.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { addDays, addHours } from '../time/time.js';
import { duePlaybookActions } from './run.js';

const settings = defaultSettings();

function run(
  snapshot: AccountSnapshot,
  health: HealthScore = makeHealth({ score: 80 }),
  previous?: PreviousHealth,
  s = settings,
) {
  const risk = assessRenewalRisk(snapshot, health, s);
  return duePlaybookActions({ snapshot, health, risk, previous }, s);
}
const steps = (actions: ReturnType<typeof run>) =>
  actions.map((a) => `${a.playbookId}:${a.stepKey}`);

describe('duePlaybookActions', () => {
  it('does nothing for a calm account', () => {
    expect(run(makeSnapshot({ contract: { renewalDate: addDays(FIXED_AS_OF, 300) } }))).toEqual([]);
  });

  describe('handoff submitted', () => {
    const submittedAt = addDays(FIXED_AS_OF, -4);
    const actions = run(makeSnapshot({ onboarding: { handoffSubmittedAt: submittedAt } }));

    it('starts onboarding with every step, due from the submission', () => {
      expect(steps(actions)).toEqual([
        'onboarding:kickoff',
        'onboarding:plan',
        'onboarding:first-value',
        'onboarding:escalate',
      ]);
      expect(actions[0]).toMatchObject({
        key: 'csops:acct-1:onboarding:handoff_submitted:2026-10-29:kickoff',
        dueAt: addDays(submittedAt, 3),
        overdue: true,
        triggerReason: 'Handoff submitted on 2026-10-29',
      });
      expect(actions[1]?.overdue).toBe(false);
      expect(actions[3]).toMatchObject({ type: 'escalation', dueAt: addHours(submittedAt, 120) });
    });

    it('drops a step the customer record shows done, and the escalation waiting on it', () => {
      const held = run(
        makeSnapshot({
          onboarding: {
            handoffSubmittedAt: submittedAt,
            milestones: [
              { key: 'kickoff', name: 'Kickoff call', doneAt: addDays(FIXED_AS_OF, -3) },
              { key: 'plan', name: 'Success plan' },
            ],
          },
        }),
      );
      expect(steps(held)).toEqual(['onboarding:plan', 'onboarding:first-value']);
    });

    it('keeps the kickoff due while its milestone is done only after asOf', () => {
      const later = run(
        makeSnapshot({
          onboarding: {
            handoffSubmittedAt: submittedAt,
            milestones: [{ key: 'kickoff', name: 'Kickoff call', doneAt: addDays(FIXED_AS_OF, 1) }],
          },
        }),
      );
      expect(steps(later)).toContain('onboarding:kickoff');
      expect(steps(later)).toContain('onboarding:escalate');
    });

    it('stops once first value is recorded', () => {
      const done = run(
        makeSnapshot({
          onboarding: { handoffSubmittedAt: submittedAt, firstValueAt: addDays(FIXED_AS_OF, -1) },
        }),
      );
      expect(done).toEqual([]);
    });

    it('stops when the onboarding window has passed without first value', () => {
      const at = (days: number) =>
        run(makeSnapshot({ onboarding: { handoffSubmittedAt: addDays(FIXED_AS_OF, -days) } }));
      expect(steps(at(90))).toContain('onboarding:kickoff');
      expect(at(91)).toEqual([]);
      expect(at(300)).toEqual([]);
    });

    it('keeps the window an admin sets on the playbook', () => {
      const longer = defaultSettings();
      const onboarding = longer.playbooks.find((p) => p.id === 'onboarding');
      if (onboarding?.trigger.type !== 'handoff_submitted') throw new Error('default onboarding');
      onboarding.trigger.withinDays = 200;
      const snapshot = makeSnapshot({
        onboarding: { handoffSubmittedAt: addDays(FIXED_AS_OF, -150) },
      });
      expect(run(snapshot, undefined, undefined, longer)).toHaveLength(4);
      expect(run(snapshot)).toEqual([]);
    });

    it('ignores a submission dated after asOf', () => {
      expect(
        run(makeSnapshot({ onboarding: { handoffSubmittedAt: addDays(FIXED_AS_OF, 1) } })),
      ).toEqual([]);
    });
  });

  describe('health crosses below a band', () => {
    it('fires when the account falls from yellow to red', () => {
      const actions = run(makeSnapshot(), makeHealth({ score: 38 }), makePrevious(55));
      expect(steps(actions)).toEqual([
        'health-red:alert',
        'health-red:diagnose',
        'health-red:escalate',
      ]);
      expect(actions[0]).toMatchObject({
        triggerInstance: 'health_below_band:red:2026-11-02',
        triggerReason: 'Health fell to red (score 38, was yellow at 55)',
        dueToday: true,
        overdue: false,
      });
      expect(actions[2]).toMatchObject({
        dueAt: addHours(FIXED_AS_OF, 48),
        onlyIfOpen: 'Health dropped to red',
      });
    });

    it('escalates only while the first step is open', () => {
      const snapshot = makeSnapshot();
      const health = makeHealth({ score: 38 });
      const risk = assessRenewalRisk(snapshot, health, settings);
      const ctx = { snapshot, health, risk, previous: makePrevious(55) };
      const [alert] = duePlaybookActions(ctx, settings);
      const after = duePlaybookActions({ ...ctx, completedSteps: [alert?.key ?? ''] }, settings);
      expect(steps(after)).toEqual(['health-red:diagnose']);
    });

    it('escalates after the delay the admin set', () => {
      const s = defaultSettings();
      const red = s.playbooks.find((p) => p.id === 'health-red');
      const step = red?.steps.find((x) => x.type === 'escalation');
      if (step?.type === 'escalation') step.afterHours = 24;
      const actions = run(makeSnapshot(), makeHealth({ score: 38 }), makePrevious(55), s);
      expect(actions.find((a) => a.type === 'escalation')?.dueAt).toBe(addHours(FIXED_AS_OF, 24));
    });

    it('does not fire again while the account stays red', () => {
      expect(run(makeSnapshot(), makeHealth({ score: 30 }), makePrevious(38))).toEqual([]);
    });

    it('fires for a red account scored for the first time', () => {
      expect(steps(run(makeSnapshot(), makeHealth({ score: 30 })))).toContain('health-red:alert');
    });

    it('treats a fall straight past the band as a crossing', () => {
      const s = defaultSettings();
      s.playbooks = s.playbooks.map((p) =>
        p.id === 'health-red'
          ? { ...p, trigger: { type: 'health_below_band', band: 'yellow' } }
          : p,
      );
      expect(steps(run(makeSnapshot(), makeHealth({ score: 30 }), makePrevious(80), s))).toContain(
        'health-red:alert',
      );
      expect(run(makeSnapshot(), makeHealth({ score: 60 }), makePrevious(50), s)).toEqual([]);
    });

    it('does not fire without a score', () => {
      expect(run(makeSnapshot(), makeHealth({ score: null }), makePrevious(80))).toEqual([]);
    });
  });

  describe('usage drop', () => {
    const usage = (now: number, prior: number) =>
      makeSnapshot({ usage: { activeUsers30d: now, activeUsersPrior30d: prior } });

    it('fires when active users fall by the configured share', () => {
      const actions = run(usage(30, 50));
      expect(steps(actions)).toEqual(['usage-drop:investigate']);
      expect(actions[0]?.triggerReason).toBe('Active users fell 40% in 30 days (50 → 30)');
      expect(actions[0]?.triggerInstance).toBe('usage_drop:30:2026-11');
    });

    it('stays quiet for a smaller drop or when there was no prior usage', () => {
      expect(run(usage(40, 50))).toEqual([]);
      expect(run(usage(0, 0))).toEqual([]);
    });
  });

  describe('champion left', () => {
    it('fires within the configured window, keyed by the day the champion left', () => {
      const actions = run(makeSnapshot({ engagement: { championLeftAt: '2026-10-20T00:00:00Z' } }));
      expect(steps(actions)).toEqual([
        'champion-left:new-champion',
        'champion-left:exec',
        'champion-left:escalate',
      ]);
      expect(actions[0]?.key).toBe(
        'csops:acct-1:champion-left:champion_left:2026-10-20:new-champion',
      );
      expect(actions[0]?.dueAt).toBe('2026-10-27T00:00:00.000Z');
    });

    it('forgets an old departure', () => {
      expect(
        run(makeSnapshot({ engagement: { championLeftAt: addDays(FIXED_AS_OF, -121) } })),
      ).toEqual([]);
    });
  });

  describe('renewal due', () => {
    const renewingIn = (days: number) =>
      run(makeSnapshot({ contract: { renewalDate: addDays(FIXED_AS_OF, days) } }));

    it('runs only the playbook of the stage window the account is in', () => {
      expect(steps(renewingIn(100))).toEqual(['renewal-120:review']);
      expect(steps(renewingIn(90))).toEqual(['renewal-90:quote', 'renewal-90:ebr']);
      expect(steps(renewingIn(31))).toEqual(['renewal-90:quote', 'renewal-90:ebr']);
      expect(steps(renewingIn(30))).toEqual(['renewal-30:commit', 'renewal-30:escalate']);
      expect(steps(renewingIn(0))).toEqual(['renewal-30:commit', 'renewal-30:escalate']);
    });

    it('does nothing before the first stage with a playbook, or after the renewal date', () => {
      expect(renewingIn(150)).toEqual([]);
      expect(steps(renewingIn(-1))).toEqual(['renewal-lapsed:confirm']);
    });

    it('asks to confirm renewed or churned once the renewal date has passed, even when green', () => {
      const [confirm, ...rest] = renewingIn(-16);
      expect(rest).toEqual([]);
      expect(confirm).toMatchObject({
        playbookId: 'renewal-lapsed',
        title: 'Confirm renewed or churned, and record the new renewal date',
        triggerReason: 'Renewal date 2026-10-17 passed 16 days ago with no new one recorded',
        triggerInstance: 'renewal_lapsed:2026-10-17',
        triggeredAt: '2026-10-18T00:00:00.000Z',
        dueAt: '2026-10-20T00:00:00.000Z',
        overdue: true,
      });
    });

    it('labels a step due today as due today, and overdue only from the next day', () => {
      // The renewal passed yesterday: lapsed from today, the step due in two days.
      const [yesterday] = renewingIn(-1);
      expect(yesterday).toMatchObject({ dueToday: false, overdue: false });
      const [dueNow] = renewingIn(-3);
      expect(dueNow).toMatchObject({ dueToday: true, overdue: false });
      const [late] = renewingIn(-4);
      expect(late).toMatchObject({ dueToday: false, overdue: true });
    });

    it('dates the steps from the day the stage was reached', () => {
      const [quote] = renewingIn(75);
      const reached = addDays(addDays(FIXED_AS_OF, 75), -90);
      expect(quote).toMatchObject({
        triggeredAt: reached,
        dueAt: addDays(reached, 14),
        overdue: true,
        triggerReason: `Renewal on 2027-01-16 is 75 days away`,
        triggerInstance: 'renewal_due:90:2027-01-16',
      });
    });
  });

  describe('seat utilisation over', () => {
    it('fires once per contract term when seats run out', () => {
      const actions = run(
        makeSnapshot({
          contract: { licensedSeats: 50, renewalDate: '2027-06-30T00:00:00Z' },
          usage: { activeUsers30d: 47 },
        }),
      );
      expect(steps(actions)).toEqual(['seat-expansion:propose']);
      expect(actions[0]?.triggerInstance).toBe('seat_utilisation_over:90:2027-06-30');
      expect(actions[0]?.triggerReason).toBe('47 of 50 licensed seats active (94%)');
    });

    it('waits while an expansion deal is already open', () => {
      const snapshot = makeSnapshot({
        contract: { licensedSeats: 50 },
        usage: { activeUsers30d: 47 },
      });
      const health = makeHealth();
      const risk = assessRenewalRisk(snapshot, health, settings);
      expect(
        duePlaybookActions({ snapshot, health, risk, openExpansionDeal: true }, settings),
      ).toEqual([]);
    });

    it('never fires for an account with zero licensed seats', () => {
      expect(
        run(makeSnapshot({ contract: { licensedSeats: 0 }, usage: { activeUsers30d: 12 } })),
      ).toEqual([]);
    });
  });

  it('skips disabled playbooks', () => {
    const s = defaultSettings();
    s.playbooks = s.playbooks.map((p) => ({ ...p, enabled: false }));
    expect(
      run(
        makeSnapshot({ onboarding: { handoffSubmittedAt: FIXED_AS_OF } }),
        undefined,
        undefined,
        s,
      ),
    ).toEqual([]);
  });

  it('keeps keys apart when an admin repeats a step key', () => {
    const s = defaultSettings();
    s.playbooks = s.playbooks.map((p) =>
      p.id === 'usage-drop' ? { ...p, steps: [p.steps[0]!, p.steps[0]!] } : p,
    );
    const keys = run(
      makeSnapshot({ usage: { activeUsers30d: 1, activeUsersPrior30d: 10 } }),
      undefined,
      undefined,
      s,
    ).map((a) => a.key);
    expect(new Set(keys).size).toBe(2);
  });
});

describe('idempotency keys', () => {
  const arbSnapshot = fc.record({
    renewalIn: fc.option(fc.integer({ min: -30, max: 400 }), { nil: undefined }),
    championAgo: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    submittedAgo: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    active: fc.integer({ min: 0, max: 200 }),
    prior: fc.integer({ min: 0, max: 200 }),
    seats: fc.integer({ min: 0, max: 200 }),
    score: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
    previous: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
  });
  type Drawn = typeof arbSnapshot extends fc.Arbitrary<infer T> ? T : never;
  const build = (a: Drawn) => {
    const snapshot = makeSnapshot({
      contract: {
        licensedSeats: a.seats,
        renewalDate: a.renewalIn === undefined ? undefined : addDays(FIXED_AS_OF, a.renewalIn),
      },
      usage: { activeUsers30d: a.active, activeUsersPrior30d: a.prior },
      engagement: {
        championLeftAt:
          a.championAgo === undefined ? undefined : addDays(FIXED_AS_OF, -a.championAgo),
      },
      onboarding: {
        handoffSubmittedAt:
          a.submittedAgo === undefined ? undefined : addDays(FIXED_AS_OF, -a.submittedAgo),
      },
    });
    return {
      snapshot,
      health: makeHealth({ score: a.score }),
      previous: a.previous === undefined ? undefined : makePrevious(a.previous),
    };
  };

  it('are the same on every run and unique within a run', () => {
    fc.assert(
      fc.property(arbSnapshot, (a) => {
        const { snapshot, health, previous } = build(a);
        const first = run(snapshot, health, previous).map((x) => x.key);
        const second = run(structuredClone(snapshot), structuredClone(health), previous).map(
          (x) => x.key,
        );
        expect(second).toEqual(first);
        expect(new Set(first).size).toBe(first.length);
      }),
    );
  });

  it('change when the trigger fires anew (next renewal, another departure)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 900 }),
        fc.integer({ min: 0, max: 100 }),
        (renewalIn, laterBy, championAgo) => {
          const a = makeSnapshot({
            contract: { renewalDate: addDays(FIXED_AS_OF, renewalIn) },
            engagement: { championLeftAt: addDays(FIXED_AS_OF, -championAgo) },
          });
          // The same account a term later: new renewal date, a different champion gone.
          const b = makeSnapshot({
            asOf: addDays(FIXED_AS_OF, laterBy),
            contract: { renewalDate: addDays(FIXED_AS_OF, renewalIn + laterBy) },
            engagement: { championLeftAt: addDays(FIXED_AS_OF, laterBy) },
          });
          const keysA = new Set(run(a).map((x) => x.key));
          for (const action of run(b)) expect(keysA.has(action.key)).toBe(false);
        },
      ),
    );
  });
});
