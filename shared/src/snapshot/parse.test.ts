import { describe, expect, it } from 'vitest';
import { parseLooseSnapshot, parseSnapshot } from './parse.js';

const asOf = '2025-06-01T00:00:00.000Z';

describe('parseSnapshot (strict)', () => {
  it('accepts a valid snapshot unchanged', () => {
    const input = {
      accountId: 'acme',
      asOf,
      arr: 120_000,
      segment: 'enterprise',
      usage: { activeUsers30d: 42, observedAt: asOf },
    };
    expect(parseSnapshot(input)).toEqual({ success: true, data: input });
  });

  it('refuses CRM-style text values, naming each field', () => {
    const r = parseSnapshot({
      accountId: 'acme',
      asOf,
      arr: '1,200',
      usage: { activeUsers30d: -1 },
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => i.path).sort()).toEqual(['arr', 'usage.activeUsers30d']);
  });

  it('refuses a snapshot without an account id', () => {
    const r = parseSnapshot({ asOf });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]?.path).toBe('accountId');
  });
});

describe('parseLooseSnapshot', () => {
  it('reads numbers written as text with spaces and thousands separators', () => {
    const { snapshot, issues } = parseLooseSnapshot({
      accountId: 'acme',
      asOf,
      arr: '1,200',
      contract: { licensedSeats: ' 42 ', termMonths: '12' },
      support: { csat: '85%' },
    });
    expect(issues).toEqual([]);
    expect(snapshot?.arr).toBe(1200);
    expect(snapshot?.contract).toEqual({ licensedSeats: 42, termMonths: 12 });
    expect(snapshot?.support?.csat).toBe(85);
  });

  it('refuses numbers it would have to guess at', () => {
    const { snapshot, issues } = parseLooseSnapshot({ accountId: 'acme', asOf, arr: '1.200,50' });
    expect(snapshot?.arr).toBeUndefined();
    expect(issues).toEqual([{ path: 'arr', message: 'must be a number, got "1.200,50"' }]);
  });

  it('turns date-only strings into midnight UTC and keeps offsets', () => {
    const { snapshot, issues } = parseLooseSnapshot({
      accountId: 'acme',
      asOf: '2025-06-01',
      contract: { startDate: '2024-01-15', renewalDate: '2026-01-15T09:30:00+0200' },
      usage: { lastActivityAt: '2025-05-30 14:05' },
    });
    expect(issues).toEqual([]);
    expect(snapshot?.asOf).toBe('2025-06-01T00:00:00Z');
    expect(snapshot?.contract?.startDate).toBe('2024-01-15T00:00:00Z');
    expect(snapshot?.contract?.renewalDate).toBe('2026-01-15T09:30:00+02:00');
    expect(snapshot?.usage?.lastActivityAt).toBe('2025-05-30T14:05:00Z');
  });

  it('reads epoch milliseconds, as HubSpot date properties sometimes arrive', () => {
    const { snapshot } = parseLooseSnapshot({
      accountId: 'acme',
      asOf: '1748736000000',
      engagement: { lastExecutiveMeetingAt: 1_746_057_600_000 },
    });
    expect(snapshot?.asOf).toBe('2025-06-01T00:00:00.000Z');
    expect(snapshot?.engagement?.lastExecutiveMeetingAt).toBe('2025-05-01T00:00:00.000Z');
  });

  it('refuses impossible and ambiguous dates', () => {
    const { snapshot, issues } = parseLooseSnapshot({
      accountId: 'acme',
      asOf,
      contract: { startDate: '2024-02-30', renewalDate: '05/01/2026' },
    });
    expect(snapshot?.contract).toEqual({});
    expect(issues).toEqual([
      { path: 'contract.startDate', message: 'is not a real date or time: "2024-02-30"' },
      {
        path: 'contract.renewalDate',
        message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time, got "05/01/2026"',
      },
    ]);
  });

  it('treats blanks, empty strings and null as missing, without complaint', () => {
    const { snapshot, issues } = parseLooseSnapshot({
      accountId: 'acme',
      asOf,
      arr: '',
      segment: null,
      usage: { activeUsers30d: '   ', featuresAdopted: undefined },
      billing: { overdueInvoices: '2' },
    });
    expect(issues).toEqual([]);
    // A group that was sent stays, empty: it was asked about and nothing was known.
    expect(snapshot).toEqual({
      accountId: 'acme',
      asOf,
      usage: {},
      billing: { overdueInvoices: 2 },
    });
  });

  it('reads yes/no flags in the ways CRMs write them', () => {
    const flags = ['true', 'Yes', '1', 'Y', 'on', true, 1].map(
      (v) =>
        parseLooseSnapshot({ accountId: 'a', asOf, billing: { autoPay: v } }).snapshot?.billing,
    );
    expect(flags.every((b) => b?.autoPay === true)).toBe(true);
    const off = ['false', 'No', '0', 0, false].map(
      (v) =>
        parseLooseSnapshot({ accountId: 'a', asOf, billing: { autoPay: v } }).snapshot?.billing,
    );
    expect(off.every((b) => b?.autoPay === false)).toBe(true);
    const { issues } = parseLooseSnapshot({ accountId: 'a', asOf, billing: { autoPay: 'maybe' } });
    expect(issues).toEqual([
      { path: 'billing.autoPay', message: 'must be yes or no (true/false), got "maybe"' },
    ]);
  });

  it('matches picklist values in any case and drops unknown ones, naming the allowed values', () => {
    expect(
      parseLooseSnapshot({ accountId: 'a', asOf, segment: 'Mid-Market' }).snapshot?.segment,
    ).toBe('mid_market');
    expect(parseLooseSnapshot({ accountId: 'a', asOf, segment: ' SMB ' }).snapshot?.segment).toBe(
      'smb',
    );
    const { snapshot, issues } = parseLooseSnapshot({
      accountId: 'a',
      asOf,
      segment: 'Strategic',
      arr: '50000',
    });
    expect(snapshot).toEqual({ accountId: 'a', asOf, arr: 50000 });
    expect(issues).toEqual([
      {
        path: 'segment',
        message: '"Strategic" is not an allowed value; allowed: enterprise, mid_market, smb',
      },
    ]);
  });

  it('keeps every valid field and reports every invalid one by its dotted path', () => {
    const { snapshot, issues } = parseLooseSnapshot({
      accountId: 'acme',
      asOf,
      usage: { activeUsers30d: '-3', activeUsersPrior30d: '12.5', featuresAdopted: '4' },
      sentiment: { npsLatest: '140', npsPrevious: '-20' },
      support: { csat: 'great' },
    });
    expect(snapshot).toEqual({
      accountId: 'acme',
      asOf,
      usage: { featuresAdopted: 4 },
      support: {},
      sentiment: { npsPrevious: -20 },
    });
    expect(issues).toEqual([
      { path: 'usage.activeUsers30d', message: 'must be 0 or more, got "-3"' },
      { path: 'usage.activeUsersPrior30d', message: 'must be a whole number, got "12.5"' },
      { path: 'support.csat', message: 'must be a number, got "great"' },
      { path: 'sentiment.npsLatest', message: 'must be at most 100, got "140"' },
    ]);
  });

  it('keeps valid milestones and drops those without a key, from a list or JSON text', () => {
    const milestones = [
      { key: 'kickoff', name: 'Kickoff', dueAt: '2025-05-01', doneAt: '2025-04-28' },
      { name: 'Training', dueAt: '2025-05-15' },
      { key: 'golive', name: 'Go live', dueAt: 'soon' },
    ];
    for (const input of [milestones, JSON.stringify(milestones)]) {
      const { snapshot, issues } = parseLooseSnapshot({
        accountId: 'acme',
        asOf,
        onboarding: { milestones: input },
      });
      expect(snapshot?.onboarding?.milestones).toEqual([
        {
          key: 'kickoff',
          name: 'Kickoff',
          dueAt: '2025-05-01T00:00:00Z',
          doneAt: '2025-04-28T00:00:00Z',
        },
        { key: 'golive', name: 'Go live' },
      ]);
      expect(issues.map((i) => i.path)).toEqual([
        'onboarding.milestones.1.key',
        'onboarding.milestones.2.dueAt',
      ]);
    }
  });

  it('reports fields it does not know instead of silently losing them', () => {
    const { snapshot, issues } = parseLooseSnapshot({
      accountId: 'acme',
      asOf,
      usage: { activeUsers: '40' },
    });
    expect(snapshot).toEqual({ accountId: 'acme', asOf, usage: {} });
    expect(issues).toEqual([
      { path: 'usage.activeUsers', message: 'is not a snapshot field; ignored' },
    ]);
  });

  it('normalises currency codes and reads numeric account ids as text', () => {
    const { snapshot } = parseLooseSnapshot({ accountId: 9001, asOf, currency: 'usd' });
    expect(snapshot?.accountId).toBe('9001');
    expect(snapshot?.currency).toBe('USD');
  });

  it('returns no snapshot without a valid account id or asOf, and says why', () => {
    expect(parseLooseSnapshot({ asOf, arr: '10' })).toEqual({
      snapshot: null,
      issues: [{ path: 'accountId', message: 'is required' }],
    });
    expect(parseLooseSnapshot({ accountId: 'acme', asOf: 'yesterday' })).toEqual({
      snapshot: null,
      issues: [
        {
          path: 'asOf',
          message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time, got "yesterday"',
        },
      ],
    });
    expect(parseLooseSnapshot('acme').snapshot).toBeNull();
    expect(parseLooseSnapshot(null).issues[0]?.path).toBe('(root)');
  });

  it('reports a group that is not an object and keeps the rest', () => {
    const { snapshot, issues } = parseLooseSnapshot({ accountId: 'a', asOf, usage: 42, arr: 5 });
    expect(snapshot).toEqual({ accountId: 'a', asOf, arr: 5 });
    expect(issues).toEqual([{ path: 'usage', message: 'must be an object, got 42' }]);
  });
});
