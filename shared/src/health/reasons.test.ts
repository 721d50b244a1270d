import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/defaults.js';
import type { Settings } from '../settings/schema.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { computeMeasures } from './measures.js';
import { measureReason } from './reasons.js';

const asOf = '2025-06-01T00:00:00.000Z';

/** The reason given for each measure of a snapshot, keyed by measure. */
function reasons(
  fields: Omit<AccountSnapshot, 'accountId' | 'asOf'>,
  settings: Settings = defaultSettings(),
): Record<string, string> {
  const snapshot = { accountId: 'acme', asOf, ...fields };
  return Object.fromEntries(
    computeMeasures(snapshot, settings).map((m) => [m.key, measureReason(m, snapshot)]),
  );
}

describe('measure reasons', () => {
  it('describe usage with seats, trend and last activity', () => {
    expect(
      reasons({
        contract: { licensedSeats: 1200 },
        usage: {
          activeUsers30d: 1300,
          activeUsersPrior30d: 1000,
          lastActivityAt: '2025-06-01T00:00:00.000Z',
        },
      }).usage,
    ).toBe('1,300 of 1,200 licensed seats active, up 30% in 30 days, last activity today');
  });

  it('fall back to active users when seats are unknown, and say when usage is unchanged', () => {
    expect(reasons({ usage: { activeUsers30d: 1, activeUsersPrior30d: 1 } }).usage).toBe(
      '1 active user, unchanged over 30 days',
    );
  });

  it('describe adoption as features adopted of those licensed', () => {
    expect(reasons({ usage: { featuresAdopted: 1, featuresLicensed: 8 } }).adoption).toBe(
      '1 of 8 licensed features adopted',
    );
  });

  it('describe support load and satisfaction', () => {
    expect(
      reasons({ support: { openTickets: 1, tickets30d: 0, escalations90d: 2, csat: 61.6 } })
        .support,
    ).toBe('1 open ticket, no tickets in 30 days, 2 escalations in 90 days, CSAT 62%');
  });

  it('describe a champion replaced after leaving, and recent executive contact', () => {
    expect(
      reasons({
        engagement: {
          championPresent: true,
          championLeftAt: '2025-03-01T00:00:00.000Z',
          lastExecutiveMeetingAt: '2025-05-31T00:00:00.000Z',
          meetings90d: 0,
        },
      }).engagement,
    ).toBe('New champion in place, executive meeting 1 day ago, no meetings in 90 days');
  });

  it('say there is no champion when the CRM says so', () => {
    expect(reasons({ engagement: { championPresent: false } }).engagement).toBe('No champion');
  });

  it('describe NPS that rose or held', () => {
    expect(reasons({ sentiment: { npsLatest: 20, npsPrevious: -5 } }).sentiment).toBe(
      'NPS 20, up from -5',
    );
    expect(reasons({ sentiment: { npsLatest: 20, npsPrevious: 20 } }).sentiment).toBe(
      'NPS 20, unchanged',
    );
  });

  it('describe clean billing and days past due without an invoice count', () => {
    expect(
      reasons({ billing: { overdueInvoices: 0, failedPayments90d: 0, autoPay: true } }).billing,
    ).toBe('No overdue invoices, no failed payments in 90 days, pays automatically');
    expect(reasons({ billing: { daysPastDue: 10, failedPayments90d: 2 } }).billing).toBe(
      '10 days past due, 2 failed payments in 90 days',
    );
  });

  it('describe the contract', () => {
    expect(
      reasons({
        contract: { startDate: '2025-05-20T00:00:00.000Z', termMonths: 12, autoRenew: false },
      }).contract,
    ).toBe('Customer for less than a month, 12-month term, no auto-renewal');
  });

  it('describe onboarding progress once onboarding is weighed in', () => {
    const s = defaultSettings();
    s.measures.onboarding.weight = 10;
    expect(
      reasons(
        {
          onboarding: {
            milestones: [
              { key: 'a', name: 'Kickoff', doneAt: '2025-05-01T00:00:00.000Z' },
              { key: 'b', name: 'Training', dueAt: '2025-05-15T00:00:00.000Z' },
              { key: 'c', name: 'Go live', dueAt: '2025-07-01T00:00:00.000Z' },
            ],
          },
        },
        s,
      ).onboarding,
    ).toBe('1 of 3 milestones done, 1 milestone overdue');
  });

  it('leave out signals the admin weighted 0', () => {
    const s = defaultSettings();
    s.measures.billing.signals.autoPay.weight = 0;
    expect(
      reasons({ billing: { overdueInvoices: 1, daysPastDue: 1, autoPay: false } }, s).billing,
    ).toBe('1 invoice overdue, oldest 1 day');
  });

  it('say how old stale data is', () => {
    expect(
      reasons({
        support: { openTickets: 0, observedAt: '2025-04-01T00:00:00.000Z' },
      }).support,
    ).toBe('No open tickets (data from 61 days ago)');
  });

  it('tell the facts of stale data against the date of the data, never against today', () => {
    // Usage synced 56 days ago; its last activity a day before that sync.
    expect(
      reasons({
        contract: { licensedSeats: 10 },
        usage: {
          activeUsers30d: 8,
          lastActivityAt: '2025-04-05T00:00:00.000Z',
          observedAt: '2025-04-06T00:00:00.000Z',
        },
      }).usage,
    ).toBe(
      '8 of 10 licensed seats active, last activity 1 day before this data (data from 56 days ago)',
    );
    // An activity stamped after the sync cannot be told as more recent than the data itself.
    expect(
      reasons({
        usage: {
          lastActivityAt: '2025-05-31T00:00:00.000Z',
          observedAt: '2025-04-06T00:00:00.000Z',
        },
      }).usage,
    ).toBe('Last activity on the day of this data (data from 56 days ago)');
  });
});
