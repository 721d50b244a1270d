import { describe, expect, it } from 'vitest';
import { FIXED_AS_OF, makeHealth, makePrevious, makeSnapshot } from '../../fixtures/builders.js';
import { evaluateAccount } from '../evaluation/evaluate.js';
import type { PreviousHealth } from '../health/types.js';
import { assessRenewalRisk } from '../renewal/risk.js';
import { defaultSettings } from '../settings/defaults.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { addDays, addHours } from '../time/time.js';
import { planLedger, stepOwner, type LedgerEntry, type LedgerPlan } from './ledger.js';
import type { PlaybookContext } from './run.js';

const settings = defaultSettings();

/** The red account on day `n` after it crossed into red on day 0 (scored at the same hour). */
function redOn(n: number, score = 38, snapshotExtra: Partial<AccountSnapshot> = {}) {
  const asOf = addDays(FIXED_AS_OF, n);
  const snapshot = makeSnapshot({ asOf, ...snapshotExtra });
  const health = makeHealth({ score, asOf });
  const previous: PreviousHealth =
    n === 0 ? makePrevious(55) : { score: 38, band: 'red', asOf: addDays(FIXED_AS_OF, n - 1) };
  const risk = assessRenewalRisk(snapshot, health, settings);
  return { snapshot, health, risk, previous } satisfies PlaybookContext;
}

/** What the CRM holds after a face carried out a plan: new tasks open, closed ones skipped. */
function applied(entries: readonly LedgerEntry[], plan: LedgerPlan): LedgerEntry[] {
  const closed = new Set(plan.close.map((c) => c.key));
  return [
    ...entries.map((e) => (closed.has(e.key) ? { ...e, status: 'skipped' as const } : e)),
    ...plan.create.map((a) => ({
      key: a.key,
      status: 'open' as const,
      triggeredAt: a.triggeredAt,
    })),
  ];
}

const stepsOf = (plan: LedgerPlan) => plan.create.map((a) => a.stepKey);
const setStatus = (entries: LedgerEntry[], step: string, status: LedgerEntry['status']) =>
  entries.map((e) => (e.key.endsWith(`:${step}`) ? { ...e, status } : e));

describe('the playbook ledger', () => {
  it('keeps a red account’s steps in the CRM after the crossing day, and escalates when due', () => {
    const day0 = planLedger(redOn(0), settings, []);
    expect(stepsOf(day0)).toEqual(['alert', 'diagnose']);
    expect(day0.waiting).toEqual([
      {
        key: 'csops:acct-1:health-red:health_below_band:red:2026-11-02:escalate',
        title: 'Red account without a recovery plan: escalate',
        dueAt: addHours(FIXED_AS_OF, 48),
        waitsOn: 'Health dropped to red',
      },
    ]);
    let crm = applied([], day0);

    // The crossing fires on day 0 only; the work it started stays, and nothing is written twice.
    const day1 = planLedger(redOn(1), settings, crm);
    expect(day1).toEqual({ create: [], close: [], waiting: day0.waiting });
    crm = applied(crm, day1);

    const day2 = planLedger(redOn(2), settings, crm);
    expect(stepsOf(day2)).toEqual(['escalate']);
    expect(day2.create[0]).toMatchObject({ type: 'escalation', assignee: 'manager' });
    crm = applied(crm, day2);

    for (const n of [3, 4]) expect(planLedger(redOn(n), settings, crm).create).toEqual([]);
  });

  it('never escalates a step that was done before its delay ran out', () => {
    let crm = applied([], planLedger(redOn(0), settings, []));
    crm = setStatus(crm, 'alert', 'done');
    const day3 = planLedger(redOn(3), settings, crm);
    expect(day3).toEqual({ create: [], close: [], waiting: [] });
  });

  it('closes an open escalation once its step is done', () => {
    let crm = applied([], planLedger(redOn(0), settings, []));
    crm = applied(crm, planLedger(redOn(2), settings, crm));
    crm = setStatus(crm, 'alert', 'done');
    expect(planLedger(redOn(3), settings, crm).close).toEqual([
      {
        key: 'csops:acct-1:health-red:health_below_band:red:2026-11-02:escalate',
        note: 'Not needed: “Health dropped to red” is done',
        outcome: 'skipped',
      },
    ]);
  });

  it('closes the open steps with a note once health has recovered, leaving done ones alone', () => {
    let crm = applied([], planLedger(redOn(0), settings, []));
    crm = setStatus(crm, 'diagnose', 'done');
    const recovered = planLedger(redOn(1, 60), settings, crm);
    expect(recovered.create).toEqual([]);
    expect(recovered.waiting).toEqual([]);
    expect(recovered.close).toEqual([
      {
        key: 'csops:acct-1:health-red:health_below_band:red:2026-11-02:alert',
        note: 'Health recovered to yellow (score 60)',
        outcome: 'skipped',
      },
    ]);
  });

  it('never brings back a step recorded done or skipped, even when its trigger fires again', () => {
    const crm = setStatus(
      setStatus(applied([], planLedger(redOn(0), settings, [])), 'alert', 'skipped'),
      'diagnose',
      'done',
    );
    const again = planLedger(redOn(0), settings, crm);
    expect(again.create).toEqual([]);
    expect(again.close).toEqual([]);
  });

  it('leaves alone tasks of a playbook an admin has since removed', () => {
    const s = defaultSettings();
    s.playbooks = s.playbooks.filter((p) => p.id !== 'health-red');
    const crm = applied([], planLedger(redOn(0), settings, []));
    expect(planLedger(redOn(1, 60), s, crm)).toEqual({ create: [], close: [], waiting: [] });
  });

  it('closes an onboarding step whose milestone the CRM records as reached', () => {
    const submittedAt = addDays(FIXED_AS_OF, -4);
    const onboarding = (milestones: { key: string; name: string; doneAt?: string }[]) => {
      const snapshot = makeSnapshot({
        onboarding: { handoffSubmittedAt: submittedAt, milestones },
      });
      const health = makeHealth({ score: 80 });
      return { snapshot, health, risk: assessRenewalRisk(snapshot, health, settings) };
    };
    const first = planLedger(onboarding([]), settings, []);
    expect(stepsOf(first)).toEqual(['kickoff', 'plan', 'first-value']);
    expect(first.waiting.map((w) => w.key.split(':').at(-1))).toEqual(['escalate']);
    const crm = applied([], first);
    const held = planLedger(
      onboarding([{ key: 'kickoff', name: 'Kickoff call', doneAt: addDays(FIXED_AS_OF, -1) }]),
      settings,
      crm,
    );
    expect(held.create).toEqual([]);
    expect(held.close.map((c) => [c.key.split(':').at(-1), c.note, c.outcome])).toEqual([
      ['kickoff', 'Done: the CRM records this milestone as reached', 'done'],
    ]);
    // The kickoff was held, so nobody is escalated for it.
    expect(held.waiting).toEqual([]);
  });

  it('closes renewal work when the renewal date moves, and starts the new date’s work', () => {
    const renewal = (renewalDate: string) => {
      const snapshot = makeSnapshot({ contract: { renewalDate } });
      const health = makeHealth({ score: 80 });
      return { snapshot, health, risk: assessRenewalRisk(snapshot, health, settings) };
    };
    const crm = applied([], planLedger(renewal(addDays(FIXED_AS_OF, 80)), settings, []));
    expect(crm.length).toBeGreaterThan(0);
    const moved = planLedger(renewal(addDays(FIXED_AS_OF, 85)), settings, crm);
    expect(new Set(moved.close.map((c) => c.note))).toEqual(
      new Set(['The renewal date is now 2027-01-26']),
    );
    expect(moved.close.map((c) => c.key).sort()).toEqual(crm.map((e) => e.key).sort());
    expect(moved.create.every((a) => a.triggerInstance.endsWith('2027-01-26'))).toBe(true);
  });

  it('is what evaluateAccount returns when given the CRM’s entries', () => {
    const { snapshot, previous } = redOn(0);
    const evaluation = evaluateAccount(
      {
        ...snapshot,
        usage: { activeUsers30d: 2, activeUsersPrior30d: 50, observedAt: FIXED_AS_OF },
      },
      settings,
      { previous, ledger: [] },
    );
    expect(evaluation.ledger?.create.map((a) => a.key)).toEqual(
      evaluation.actions.filter((a) => a.type !== 'escalation').map((a) => a.key),
    );
    expect(evaluateAccount(snapshot, settings, { previous }).ledger).toBeUndefined();
  });
});

describe('stepOwner', () => {
  const people = { csmId: 'csm-1', accountOwnerId: 'ae-1' };
  it('gives escalations to the CS manager named in settings, else to the CSM', () => {
    const s = defaultSettings();
    expect(stepOwner('manager', people, s)).toBe('csm-1');
    s.team.manager = { id: 'mgr-9', name: 'Dana Park' };
    expect(stepOwner('manager', people, s)).toBe('mgr-9');
  });
  it('falls back to whoever is on the account rather than leaving a task unowned', () => {
    expect(stepOwner('csm', { accountOwnerId: 'ae-1' }, settings)).toBe('ae-1');
    expect(stepOwner('owner', { csmId: 'csm-1', accountOwnerId: '' }, settings)).toBe('csm-1');
    expect(stepOwner('csm', {}, settings)).toBeNull();
  });
});
