import { describe, expect, it } from 'vitest';
import { FIXED_AS_OF, makeHealth, makePrevious, makeSnapshot } from '../../fixtures/builders.js';
import { evaluateAccount, type AccountEvaluation } from '../evaluation/evaluate.js';
import type { Driver } from '../health/types.js';
import type { PlaybookAction } from '../playbooks/types.js';
import type { RenewalRisk } from '../renewal/types.js';
import { defaultSettings } from '../settings/defaults.js';
import type { Settings } from '../settings/schema.js';
import { addHours } from '../time/time.js';
import type { AlertEvent } from '../vocabulary/keys.js';
import { planAlerts, type AlertPlanInput } from './plan.js';

const ACCOUNT = {
  id: '9001',
  name: 'Harbor & Finch',
  url: 'https://app.hubspot.com/contacts/1/record/0-2/9001',
};

function settingsWith(events: AlertEvent[], cooldownHours = 24): Settings {
  const s = defaultSettings();
  return {
    ...s,
    alerts: {
      cooldownHours,
      channels: [{ name: '#cs-alerts', webhookSecret: 'CSOPS_SLACK_WEBHOOK_URL', events }],
    },
  };
}

const ALL: AlertEvent[] = [
  'band_drop',
  'critical_renewal_risk',
  'champion_left',
  'renewal_stage',
  'escalation_due',
];

const usageDriver: Driver = {
  measure: 'usage',
  label: 'Usage',
  score: 22.5,
  effectiveWeight: 0.3,
  impact: -8.3,
  reason: '12 of 60 licensed seats active, down 40% in 30 days',
  direction: 'negative',
};

function evaluation(
  over: { score?: number; risk?: Partial<RenewalRisk>; asOf?: string } = {},
): AccountEvaluation {
  const asOf = over.asOf ?? FIXED_AS_OF;
  const base = evaluateAccount(makeSnapshot({ accountId: ACCOUNT.id, asOf }), defaultSettings());
  const score = over.score ?? 38.2;
  return {
    ...base,
    health: makeHealth({ score, drivers: [usageDriver], asOf }),
    risk: {
      ...base.risk,
      level: 'low',
      renewalDate: null,
      daysToRenewal: null,
      stage: null,
      overdue: false,
      ...over.risk,
    },
    display: { ...base.display, score: String(score), band: null, trend: '−7.1' },
  };
}

function input(over: Partial<AlertPlanInput> = {}): AlertPlanInput {
  return {
    account: ACCOUNT,
    evaluation: evaluation(),
    previous: makePrevious(52),
    sent: {},
    settings: settingsWith(ALL),
    asOf: FIXED_AS_OF,
    ...over,
  };
}

function escalation(key: string, title: string): PlaybookAction {
  return {
    key,
    accountId: ACCOUNT.id,
    playbookId: 'renewal-30',
    playbookName: 'Renewal: 30 days out',
    kind: 'renewal',
    triggerInstance: 'renewal_due:30:2026-12-01',
    triggerReason: 'Renewal in 29 days',
    stepKey: 'escalate',
    type: 'escalation',
    title,
    assignee: 'manager',
    triggeredAt: '2026-10-29T09:00:00.000Z',
    dueAt: '2026-11-01T09:00:00.000Z',
    dueToday: false,
    overdue: true,
  };
}

describe('planAlerts', () => {
  it('tells the channel a band dropped: the account, what changed, the drivers and the record link', () => {
    const { alerts, sent } = planAlerts(input());
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert).toMatchObject({
      channel: '#cs-alerts',
      webhookSecret: 'CSOPS_SLACK_WEBHOOK_URL',
      event: 'band_drop',
      eventKey: 'band_drop:9001:yellow->red:2026-11-02',
    });
    expect(alert?.text).toContain(`<${ACCOUNT.url}|Harbor &amp; Finch>`);
    expect(alert?.text).toContain('Health fell from Yellow to Red');
    expect(alert?.text).toContain('Usage 22.5: 12 of 60 licensed seats active');
    expect(alert?.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Harbor & Finch: Health fell from Yellow to Red' },
    });
    expect(sent).toEqual({ 'band_drop:9001:yellow->red:2026-11-02': FIXED_AS_OF });
  });

  it('sends nothing when the band held or rose', () => {
    expect(planAlerts(input({ previous: makePrevious(30) })).alerts).toEqual([]);
    expect(planAlerts(input({ previous: undefined })).alerts).toEqual([]);
  });

  it('sends an event once: the next run with the stored log sends nothing', () => {
    const first = planAlerts(input());
    const later = addHours(FIXED_AS_OF, 3);
    expect(planAlerts(input({ sent: first.sent, asOf: later })).alerts).toEqual([]);
  });

  it('holds back another event of the same type within the cooldown, and sends it after', () => {
    const first = planAlerts(input());
    // Two hours later the account fell further, from the same baseline: green → red is a new key.
    const again = (hours: number) =>
      planAlerts(
        input({ previous: makePrevious(80), sent: first.sent, asOf: addHours(FIXED_AS_OF, hours) }),
      );
    expect(again(2).alerts).toEqual([]);
    expect(again(2).sent).toEqual(first.sent);
    expect(again(25).alerts.map((a) => a.eventKey)).toEqual([
      'band_drop:9001:green->red:2026-11-03',
    ]);
  });

  it('does not let one event type cool another down', () => {
    const first = planAlerts(input());
    const critical = evaluation({ risk: { level: 'critical', renewalDate: '2026-12-20' } });
    const next = planAlerts(
      input({ evaluation: critical, sent: first.sent, asOf: addHours(FIXED_AS_OF, 1) }),
    );
    expect(next.alerts.map((a) => a.event)).toEqual(['critical_renewal_risk']);
  });

  it('sends nothing to a channel that did not choose the event, and logs nothing for it', () => {
    const plan = planAlerts(input({ settings: settingsWith(['renewal_stage']) }));
    expect(plan).toEqual({ alerts: [], sent: {} });
  });

  it('sends to every channel that chose the event, each once', () => {
    const s = settingsWith(['band_drop']);
    s.alerts.channels.push({
      name: '#cs-leads',
      webhookSecret: 'CSOPS_LEADS_WEBHOOK',
      events: ['band_drop', 'champion_left'],
    });
    const plan = planAlerts(input({ settings: s }));
    expect(plan.alerts.map((a) => [a.channel, a.webhookSecret])).toEqual([
      ['#cs-alerts', 'CSOPS_SLACK_WEBHOOK_URL'],
      ['#cs-leads', 'CSOPS_LEADS_WEBHOOK'],
    ]);
  });

  it('tells of a renewal stage once while the stage lasts, past the cooldown, then of the next stage', () => {
    const at90 = evaluation({ risk: { stage: 90, renewalDate: '2027-01-25', daysToRenewal: 84 } });
    const first = planAlerts(input({ previous: undefined, evaluation: at90 }));
    expect(first.alerts.map((a) => a.eventKey)).toEqual(['renewal_stage:9001:90:2027-01-25']);
    expect(first.alerts[0]?.text).toContain('Renews on 2027-01-25, in 84 days');

    const tenDaysOn = addHours(FIXED_AS_OF, 240);
    const still90 = planAlerts(
      input({ previous: undefined, evaluation: at90, sent: first.sent, asOf: tenDaysOn }),
    );
    expect(still90.alerts).toEqual([]);
    expect(still90.sent).toEqual(first.sent);

    const at30 = evaluation({ risk: { stage: 30, renewalDate: '2027-01-25', daysToRenewal: 30 } });
    const later = planAlerts(
      input({
        previous: undefined,
        evaluation: at30,
        sent: still90.sent,
        asOf: addHours(FIXED_AS_OF, 54 * 24),
      }),
    );
    expect(later.alerts.map((a) => a.eventKey)).toEqual(['renewal_stage:9001:30:2027-01-25']);
    // The 90-day entry is past its cooldown and its stage is over: the log lets it go.
    expect(Object.keys(later.sent)).toEqual(['renewal_stage:9001:30:2027-01-25']);
  });

  it('tells of critical renewal risk once per renewal, and again only after it cleared and came back', () => {
    const critical = evaluation({
      risk: { level: 'critical', renewalDate: '2026-12-20', daysToRenewal: 48, arrAtRisk: 120000 },
    });
    const calm = evaluation({
      risk: { level: 'high', renewalDate: '2026-12-20', daysToRenewal: 40 },
    });
    const first = planAlerts(input({ previous: undefined, evaluation: critical }));
    expect(first.alerts.map((a) => a.eventKey)).toEqual(['critical_renewal_risk:9001:2026-12-20']);
    expect(first.alerts[0]?.text).toContain('ARR at risk 120,000');
    const stays = planAlerts(
      input({
        previous: undefined,
        evaluation: critical,
        sent: first.sent,
        asOf: addHours(FIXED_AS_OF, 72),
      }),
    );
    expect(stays.alerts).toEqual([]);
    const cleared = planAlerts(
      input({
        previous: undefined,
        evaluation: calm,
        sent: stays.sent,
        asOf: addHours(FIXED_AS_OF, 192),
      }),
    );
    expect(cleared.sent).toEqual({});
    const back = planAlerts(
      input({
        previous: undefined,
        evaluation: critical,
        sent: cleared.sent,
        asOf: addHours(FIXED_AS_OF, 216),
      }),
    );
    expect(back.alerts).toHaveLength(1);
  });

  it('tells of a champion leaving once per departure, within the window settings give', () => {
    const left = (championLeftAt: string, asOf = FIXED_AS_OF) =>
      planAlerts(input({ previous: undefined, championLeftAt, asOf }));
    const first = left('2026-10-30T15:00:00.000Z');
    expect(first.alerts.map((a) => a.eventKey)).toEqual(['champion_left:9001:2026-10-30']);
    expect(first.alerts[0]?.text).toContain('The champion left on 2026-10-30');
    expect(left('2025-01-01T00:00:00.000Z').alerts).toEqual([]);
    expect(left('2026-11-05T00:00:00.000Z').alerts).toEqual([]);
  });

  it('tells of every escalation falling due, each once, none held back by another', () => {
    const ledger = {
      create: [
        escalation(
          'csops:9001:renewal-30:renewal_due:30:2026-12-01:escalate',
          'Renewal unsigned 30 days out: escalate',
        ),
        escalation(
          'csops:9001:risk-red:health_below_band:red:2026-10-29:escalate',
          'Still red: escalate',
        ),
      ],
      close: [],
      waiting: [],
    };
    const first = planAlerts(input({ previous: undefined, ledger }));
    expect(first.alerts.map((a) => a.eventKey)).toEqual([
      'escalation_due:csops:9001:renewal-30:renewal_due:30:2026-12-01:escalate',
      'escalation_due:csops:9001:risk-red:health_below_band:red:2026-10-29:escalate',
    ]);
    expect(first.alerts[0]?.text).toContain(
      'Escalation due: Renewal unsigned 30 days out: escalate',
    );
    expect(planAlerts(input({ previous: undefined, ledger, sent: first.sent })).alerts).toEqual([]);
  });

  it('keeps the log bounded, newest first, and drops entries past their cooldown', () => {
    const sent: Record<string, string> = {};
    for (let i = 0; i < 300; i++)
      sent[`band_drop:x${i}:green->yellow:2026-11-02`] = addHours(FIXED_AS_OF, -(i % 30));
    sent['band_drop:old:green->yellow:2026-01-01'] = '2026-01-01T00:00:00.000Z';
    const plan = planAlerts(input({ sent }));
    expect(Object.keys(plan.sent)).toHaveLength(64);
    expect(plan.sent['band_drop:old:green->yellow:2026-01-01']).toBeUndefined();
    expect(plan.sent['band_drop:9001:yellow->red:2026-11-02']).toBe(FIXED_AS_OF);
  });
});
