import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/defaults.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { computeMeasures, computeSignals, isStale, readSignals } from './measures.js';

const asOf = '2025-06-01T00:00:00.000Z';
const snap = (fields: Omit<AccountSnapshot, 'accountId' | 'asOf'>): AccountSnapshot => ({
  accountId: 'acme',
  asOf,
  ...fields,
});

describe('readSignals', () => {
  it('computes seat utilisation and the active-user trend', () => {
    expect(
      readSignals(
        snap({
          contract: { licensedSeats: 60 },
          usage: { activeUsers30d: 42, activeUsersPrior30d: 60 },
        }),
      ),
    ).toEqual({ seatUtilisation: 70, activeUserTrend: -30 });
  });

  it('has no seat utilisation without licensed seats, or with zero of them', () => {
    expect(readSignals(snap({ usage: { activeUsers30d: 10 } }))).toEqual({});
    expect(
      readSignals(snap({ contract: { licensedSeats: 0 }, usage: { activeUsers30d: 10 } })),
    ).toEqual({});
  });

  it('has no trend when the prior period is missing or had no active users', () => {
    const zeroPrior = readSignals(snap({ usage: { activeUsers30d: 10, activeUsersPrior30d: 0 } }));
    expect(zeroPrior.activeUserTrend).toBeUndefined();
  });

  it('counts days since the last activity and never below zero', () => {
    expect(readSignals(snap({ usage: { lastActivityAt: '2025-05-20T00:00:00.000Z' } }))).toEqual({
      daysSinceActivity: 12,
    });
    expect(readSignals(snap({ usage: { lastActivityAt: '2025-07-01T00:00:00.000Z' } }))).toEqual({
      daysSinceActivity: 0,
    });
  });

  it('computes feature adoption as a share of licensed features', () => {
    expect(readSignals(snap({ usage: { featuresAdopted: 3, featuresLicensed: 12 } }))).toEqual({
      featureAdoption: 25,
    });
    expect(readSignals(snap({ usage: { featuresAdopted: 3, featuresLicensed: 0 } }))).toEqual({});
  });

  it('passes support counts and CSAT through', () => {
    expect(
      readSignals(
        snap({ support: { openTickets: 2, tickets30d: 5, escalations90d: 1, csat: 88 } }),
      ),
    ).toEqual({ openTickets: 2, tickets30d: 5, escalations90d: 1, csat: 88 });
  });

  describe('champion presence', () => {
    const champion = (engagement: AccountSnapshot['engagement']) =>
      readSignals(snap({ engagement })).championPresent;
    it('follows the CRM flag', () => {
      expect(champion({ championPresent: true })).toBe(1);
      expect(champion({ championPresent: false })).toBe(0);
      expect(champion({ meetings90d: 2 })).toBeUndefined();
    });
    it('is lost when the champion left and no new one is confirmed', () => {
      expect(champion({ championLeftAt: '2025-05-20T00:00:00.000Z' })).toBe(0);
      expect(champion({ championPresent: false, championLeftAt: '2025-05-20T00:00:00.000Z' })).toBe(
        0,
      );
    });
    it('is present again once a new champion is confirmed', () => {
      expect(champion({ championPresent: true, championLeftAt: '2025-05-20T00:00:00.000Z' })).toBe(
        1,
      );
    });
    it('ignores a departure dated after asOf', () => {
      expect(champion({ championLeftAt: '2025-07-01T00:00:00.000Z' })).toBeUndefined();
    });
  });

  it('counts days since the last executive meeting', () => {
    expect(
      readSignals(snap({ engagement: { lastExecutiveMeetingAt: '2024-11-13T00:00:00.000Z' } })),
    ).toEqual({ daysSinceExecutiveMeeting: 200 });
  });

  it('reads NPS, and its change only when both values are known', () => {
    expect(readSignals(snap({ sentiment: { npsLatest: 10, npsPrevious: 40 } }))).toEqual({
      nps: 10,
      npsChange: -30,
    });
    expect(readSignals(snap({ sentiment: { npsLatest: 10 } }))).toEqual({ nps: 10 });
    expect(readSignals(snap({ sentiment: { npsPrevious: 40 } }))).toEqual({});
  });

  it('reads billing signals with flags as 1 and 0', () => {
    expect(
      readSignals(
        snap({
          billing: {
            daysPastDue: 45,
            overdueInvoices: 2,
            failedPayments90d: 1,
            autoPay: false,
            paperlessBilling: true,
          },
        }),
      ),
    ).toEqual({
      daysPastDue: 45,
      overdueInvoices: 2,
      failedPayments90d: 1,
      autoPay: 0,
      paperlessBilling: 1,
    });
  });

  it('measures tenure in months from the contract start, never below zero', () => {
    const tenure = (startDate: string) =>
      readSignals(snap({ contract: { startDate } })).tenureMonths;
    expect(tenure('2024-06-01T00:00:00.000Z')).toBeCloseTo(12, 1);
    expect(tenure('2026-01-01T00:00:00.000Z')).toBe(0);
    expect(readSignals(snap({ contract: { termMonths: 24, autoRenew: true } }))).toEqual({
      termMonths: 24,
      autoRenew: 1,
    });
  });

  it('measures onboarding progress and overdue milestones as of asOf', () => {
    const signals = readSignals(
      snap({
        onboarding: {
          milestones: [
            {
              key: 'kickoff',
              name: 'Kickoff',
              dueAt: '2025-05-01T00:00:00.000Z',
              doneAt: '2025-04-30T00:00:00.000Z',
            },
            { key: 'training', name: 'Training', dueAt: '2025-05-15T00:00:00.000Z' },
            // Done only after asOf: as of asOf it is still open and overdue.
            {
              key: 'sso',
              name: 'SSO',
              dueAt: '2025-05-20T00:00:00.000Z',
              doneAt: '2025-06-10T00:00:00.000Z',
            },
            { key: 'golive', name: 'Go live', dueAt: '2025-07-01T00:00:00.000Z' },
          ],
        },
      }),
    );
    expect(signals).toEqual({ onboardingProgress: 25, overdueMilestones: 2 });
    expect(readSignals(snap({ onboarding: { milestones: [] } }))).toEqual({});
  });
});

describe('computeSignals', () => {
  it('gives each observed signal its curve points and weight, including signals weighted 0', () => {
    const signals = computeSignals(
      snap({ billing: { paperlessBilling: false, autoPay: true } }),
      defaultSettings(),
    );
    expect(signals).toEqual([
      { measure: 'billing', signal: 'autoPay', value: 1, points: 100, weight: 1 },
      { measure: 'billing', signal: 'paperlessBilling', value: 0, points: 100, weight: 0 },
    ]);
  });
});

describe('computeMeasures', () => {
  it('scores a measure as the weighted mean of its observed signals', () => {
    // seatUtilisation 70% → 85 points (weight 2), trend −30% → 40 points (weight 1).
    const [usage] = computeMeasures(
      snap({
        contract: { licensedSeats: 60 },
        usage: { activeUsers30d: 42, activeUsersPrior30d: 60 },
      }),
      defaultSettings(),
    );
    expect(usage?.key).toBe('usage');
    expect(usage?.score).toBe(70);
  });

  it('leaves out measures whose only observed signals carry no weight', () => {
    const measures = computeMeasures(
      snap({ billing: { paperlessBilling: true } }),
      defaultSettings(),
    );
    expect(measures).toEqual([]);
  });

  it('keeps measures weighted 0 in the score so calibration can see them', () => {
    const measures = computeMeasures(
      snap({ onboarding: { milestones: [{ key: 'k', name: 'Kickoff', doneAt: asOf }] } }),
      defaultSettings(),
    );
    expect(measures.map((m) => [m.key, m.score])).toEqual([['onboarding', 100]]);
  });

  it('dates adoption by the usage group and marks stale groups', () => {
    const measures = computeMeasures(
      snap({
        usage: { featuresAdopted: 5, featuresLicensed: 10, observedAt: '2025-04-01T00:00:00.000Z' },
      }),
      defaultSettings(),
    );
    expect(measures).toEqual([
      expect.objectContaining({
        key: 'adoption',
        group: 'usage',
        observedAt: '2025-04-01T00:00:00.000Z',
        stale: true,
      }),
    ]);
  });
});

describe('isStale', () => {
  const s = defaultSettings(); // 30 days by default, engagement 90
  it('uses the group window, else the default window', () => {
    expect(isStale('2025-05-01T00:00:00.000Z', 'usage', asOf, s)).toBe(true);
    expect(isStale('2025-05-02T00:00:00.000Z', 'usage', asOf, s)).toBe(false);
    expect(isStale('2025-05-01T00:00:00.000Z', 'engagement', asOf, s)).toBe(false);
    expect(isStale('2025-03-01T00:00:00.000Z', 'engagement', asOf, s)).toBe(true);
  });
  it('is never stale without an observation date or when observed after asOf', () => {
    expect(isStale(undefined, 'usage', asOf, s)).toBe(false);
    expect(isStale('2025-08-01T00:00:00.000Z', 'usage', asOf, s)).toBe(false);
  });
});
