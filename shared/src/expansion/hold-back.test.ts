import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAccount } from '../evaluation/evaluate.js';
import { defaultSettings } from '../settings/defaults.js';
import { snapshotArb } from '../snapshot/arbitrary.js';
import { makeSnapshot } from '../../fixtures/builders.js';

const settings = defaultSettings();

// Green, full seats and renewing soon, so every expansion signal fires.
const wantsToShrink = makeSnapshot({
  arr: 85_000,
  currency: 'USD',
  contract: {
    licensedSeats: 50,
    renewalDate: '2027-02-15T00:00:00Z',
    termMonths: 12,
    autoRenew: true,
    downgradeRequested: true,
    observedAt: '2026-11-01T00:00:00Z',
  },
  usage: {
    activeUsers30d: 49,
    activeUsersPrior30d: 48,
    featuresAdopted: 9,
    featuresLicensed: 10,
    lastActivityAt: '2026-11-01T00:00:00Z',
    observedAt: '2026-11-01T00:00:00Z',
  },
  engagement: { championPresent: true, meetings90d: 4, observedAt: '2026-11-01T00:00:00Z' },
  billing: { overdueInvoices: 3, daysPastDue: 64, observedAt: '2026-11-01T00:00:00Z' },
});

describe('expansion held back', () => {
  it('offers no deal to a green account that asked to shrink and does not pay, and says why', () => {
    const e = evaluateAccount(wantsToShrink, settings);
    expect(e.health.band).toBe('green');
    expect(e.expansion.signals.length).toBeGreaterThan(0);
    expect(e.expansion.draft).toBeNull();
    expect(e.expansion.heldBackBecause).toEqual([
      'Renewal risk is high',
      'The customer asked to reduce seats or scope',
      'Billing trouble: 3 overdue invoices, 64 days past due',
    ]);
    expect(e.actions.filter((a) => a.kind === 'expansion')).toEqual([]);
  });

  it('offers the deal again once the account is out of risk', () => {
    const e = evaluateAccount(
      {
        ...wantsToShrink,
        contract: { ...wantsToShrink.contract, downgradeRequested: false },
        billing: { overdueInvoices: 0, daysPastDue: 0, observedAt: '2026-11-01T00:00:00Z' },
      },
      settings,
    );
    expect(e.expansion.heldBackBecause).toEqual([]);
    expect(e.expansion.draft).not.toBeNull();
  });

  it('never drafts an expansion while risk is high or critical, a downgrade is asked or billing is in trouble', () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const e = evaluateAccount(snapshot, settings);
        const b = snapshot.billing;
        const atRisk =
          e.risk.level === 'high' ||
          e.risk.level === 'critical' ||
          snapshot.contract?.downgradeRequested === true ||
          (b?.overdueInvoices ?? 0) > 0 ||
          (b?.daysPastDue ?? 0) > 0 ||
          (b?.failedPayments90d ?? 0) > 0;
        if (atRisk) {
          expect(e.expansion.draft).toBeNull();
          expect(e.expansion.heldBackBecause.length).toBeGreaterThan(0);
          expect(e.actions.some((a) => a.kind === 'expansion')).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
