import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAccount } from '../evaluation/evaluate.js';
import type { PreviousHealth } from '../health/types.js';
import { defaultSettings } from '../settings/defaults.js';
import type { AlertChannel, Settings } from '../settings/schema.js';
import { snapshotAt } from '../snapshot/arbitrary.js';
import { ALERT_EVENTS, BANDS } from '../vocabulary/keys.js';
import { ALERT_LOG_MAX_ENTRIES, formatAlertLog, parseAlertLog, type AlertLog } from './log.js';
import { slackEscape, slackLinkTarget } from './message.js';
import { planAlerts, type AlertPlanInput } from './plan.js';

const AS_OF = Date.UTC(2026, 10, 2, 9);
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

const channelArb: fc.Arbitrary<AlertChannel> = fc.record({
  name: fc.constantFrom('#cs-alerts', '#cs-leads', '#renewals'),
  webhookSecret: fc.constantFrom(
    'CSOPS_SLACK_WEBHOOK_URL',
    'CSOPS_LEADS_WEBHOOK',
    'CSOPS_RENEWALS',
  ),
  events: fc.uniqueArray(fc.constantFrom(...ALERT_EVENTS), { minLength: 1 }),
});

const previousArb: fc.Arbitrary<PreviousHealth | undefined> = fc.option(
  fc.record({
    score: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
    band: fc.constantFrom(...BANDS),
    asOf: fc.constant(iso(AS_OF - 7 * 24 * HOUR)),
  }),
  { nil: undefined },
);

/** Logs as a record may hold them: entries of this account's possible events, and others, old and new. */
const sentArb: fc.Arbitrary<AlertLog> = fc.dictionary(
  fc.oneof(
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.constantFrom(
      'band_drop:acct:green->red:2026-11-02',
      'band_drop:acct:yellow->red:2026-11-01',
      'critical_renewal_risk:acct:',
      'renewal_stage:acct:90:',
      'champion_left:acct:2026-10-30',
    ),
  ),
  fc.integer({ min: AS_OF - 30 * 24 * HOUR, max: AS_OF }).map(iso),
  { maxKeys: 120 },
);

const caseArb = fc
  .record({
    snapshot: snapshotAt(AS_OF),
    previous: previousArb,
    channels: fc.array(channelArb, { maxLength: 3 }),
    cooldownHours: fc.integer({ min: 1, max: 24 * 14 }),
    name: fc.string({ minLength: 1, maxLength: 60 }),
    url: fc.webUrl(),
    sent: sentArb,
  })
  .map(({ snapshot, previous, channels, cooldownHours, name, url, sent }): AlertPlanInput => {
    const base = defaultSettings();
    const settings: Settings = { ...base, alerts: { cooldownHours, channels } };
    const account = { ...snapshot, accountId: 'acct' };
    const evaluation = evaluateAccount(account, settings, { previous, ledger: [] });
    return {
      account: { id: 'acct', name, url },
      evaluation,
      previous,
      ledger: evaluation.ledger,
      championLeftAt: account.engagement?.championLeftAt,
      sent,
      settings,
      asOf: account.asOf,
    };
  });

describe('alert plans, for any account, channels and stored log', () => {
  it('are tried on cases that raise every kind of alert', () => {
    const raised = new Set(
      fc
        .sample(caseArb, { numRuns: 500, seed: 7 })
        .flatMap((input) => planAlerts(input).alerts.map((a) => a.event)),
    );
    expect([...raised].sort()).toEqual([...ALERT_EVENTS].sort());
  });

  it('send nothing a second time: planning again with the returned log sends nothing', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const first = planAlerts(input);
        const again = planAlerts({ ...input, sent: parseAlertLog(formatAlertLog(first.sent)) });
        expect(again.alerts).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('send each event only to the channels that chose it, once per webhook', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const seen = new Set<string>();
        for (const alert of planAlerts(input).alerts) {
          const chosen = input.settings.alerts.channels.some(
            (ch) =>
              ch.name === alert.channel &&
              ch.webhookSecret === alert.webhookSecret &&
              ch.events.includes(alert.event),
          );
          expect(chosen).toBe(true);
          const id = `${alert.webhookSecret}\u0000${alert.eventKey}`;
          expect(seen.has(id)).toBe(false);
          seen.add(id);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('name the account and link its record in every message', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        for (const alert of planAlerts(input).alerts) {
          expect(alert.text).toContain(
            `<${slackLinkTarget(input.account.url)}|${slackEscape(input.account.name)}>`,
          );
          expect(JSON.stringify(alert.blocks)).toContain(
            JSON.stringify(slackLinkTarget(input.account.url)).slice(1, -1),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('carry the secret’s name, never a webhook URL', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const plan = planAlerts(input);
        const names = new Set(input.settings.alerts.channels.map((ch) => ch.webhookSecret));
        for (const alert of plan.alerts) expect(names.has(alert.webhookSecret)).toBe(true);
        expect(JSON.stringify(plan)).not.toMatch(/hooks\.slack\.com|https?:\/\/[^"]*\/services\//);
      }),
      { numRuns: 300 },
    );
  });

  it('keep the log small: bounded, and only entries it was given or has just sent', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const plan = planAlerts(input);
        const keys = Object.keys(plan.sent);
        expect(keys.length).toBeLessThanOrEqual(ALERT_LOG_MAX_ENTRIES);
        const sentNow = new Set(plan.alerts.map((a) => a.eventKey));
        for (const key of keys) expect(key in input.sent || sentNow.has(key)).toBe(true);
        for (const key of sentNow) expect(plan.sent[key]).toBe(new Date(input.asOf).toISOString());
      }),
      { numRuns: 300 },
    );
  });
});
