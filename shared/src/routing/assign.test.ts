import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/defaults.js';
import type { Csm, Settings } from '../settings/schema.js';
import { assignCsm, routeAccounts } from './assign.js';
import { routingAccountSchema, type CsmLoad } from './schema.js';

function withCsms(csms: Csm[]): Settings {
  return { ...defaultSettings(), csms };
}

const dana: Csm = {
  id: 'dana',
  name: 'Dana Ruiz',
  segments: ['enterprise'],
  maxArr: 2_000_000,
  maxAccounts: 20,
};
const lee: Csm = {
  id: 'lee',
  name: 'Lee Chen',
  segments: ['enterprise', 'mid_market'],
  maxArr: 1_000_000,
  maxAccounts: 25,
};
const ana: Csm = {
  id: 'ana',
  name: 'Ana Ito',
  segments: ['smb'],
  maxArr: 500_000,
  maxAccounts: 100,
};
const settings = withCsms([dana, lee, ana]);

describe('assignCsm', () => {
  it('picks the CSM of the segment with the most capacity left', () => {
    const book: CsmLoad[] = [
      { csmId: 'dana', arr: 1_600_000, accounts: 10 },
      { csmId: 'lee', arr: 200_000, accounts: 5 },
    ];
    const a = assignCsm({ accountId: 'a1', arr: 150_000 }, book, settings);
    expect(a).toEqual({
      csmId: 'lee',
      segment: 'enterprise',
      reason:
        'Assigned to Lee Chen (Enterprise): 65% of ARR capacity and 19 of 25 account slots left after this account',
    });
  });

  it('routes by the segment given, not only by ARR', () => {
    expect(
      assignCsm({ accountId: 'a1', arr: 5_000, segment: 'mid_market' }, [], settings).csmId,
    ).toBe('lee');
    expect(assignCsm({ accountId: 'a1', arr: 5_000 }, [], settings).csmId).toBe('ana');
  });

  it('breaks ties by CSM id so the same input always routes the same way', () => {
    const twin: Csm = { ...dana, id: 'abe', name: 'Abe Lund' };
    const s = withCsms([dana, twin]);
    expect(assignCsm({ accountId: 'a1', arr: 200_000 }, [], s).csmId).toBe('abe');
  });

  it('says so when no CSM serves the segment', () => {
    const a = assignCsm({ accountId: 'a1', arr: 10_000 }, [], withCsms([dana]));
    expect(a).toEqual({
      csmId: null,
      segment: 'smb',
      reason: 'No CSM serves SMB accounts: add one in settings',
    });
  });

  it('explains why each CSM of the segment is full', () => {
    const book: CsmLoad[] = [
      { csmId: 'dana', arr: 1_900_000, accounts: 12 },
      { csmId: 'lee', arr: 300_000, accounts: 25 },
    ];
    const a = assignCsm({ accountId: 'a1', arr: 150_000 }, book, settings);
    expect(a.csmId).toBeNull();
    expect(a.reason).toBe(
      'No Enterprise CSM has room for 150,000 ARR: Dana Ruiz has 100,000 ARR capacity left; Lee Chen has no account slots left',
    );
  });

  it('adds up a CSM who appears twice in the book', () => {
    const book: CsmLoad[] = [
      { csmId: 'ana', arr: 250_000, accounts: 50 },
      { csmId: 'ana', arr: 250_000, accounts: 10 },
    ];
    expect(assignCsm({ accountId: 'a1', arr: 1_000 }, book, settings).csmId).toBeNull();
  });

  it('refuses a negative ARR at the edge with a message naming the field', () => {
    const r = routingAccountSchema.safeParse({ accountId: 'a1', arr: -5 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['arr']);
  });

  it('never fills a CSM beyond their ARR or account capacity', () => {
    const csm = fc.record({
      id: fc.constantFrom('c1', 'c2', 'c3', 'c4'),
      name: fc.constant('CSM'),
      segments: fc.subarray(['enterprise', 'mid_market', 'smb'] as const, { minLength: 1 }),
      maxArr: fc.integer({ min: 1, max: 2_000_000 }),
      maxAccounts: fc.integer({ min: 1, max: 30 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(csm, { selector: (c) => c.id, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 400_000 }), { maxLength: 80 }),
        (csms, arrs) => {
          const s = withCsms(csms.map((c) => ({ ...c, segments: [...c.segments] })));
          const accounts = arrs.map((arr, i) => ({ accountId: `a${i}`, arr }));
          const { assignments, book } = routeAccounts(accounts, [], s);
          expect(assignments).toHaveLength(accounts.length);
          for (const a of assignments) {
            if (a.csmId !== null) {
              expect(csms.find((c) => c.id === a.csmId)?.segments).toContain(a.segment);
            }
          }
          for (const load of book) {
            const c = csms.find((x) => x.id === load.csmId);
            expect(load.arr).toBeLessThanOrEqual(c?.maxArr ?? 0);
            expect(load.accounts).toBeLessThanOrEqual(c?.maxAccounts ?? 0);
          }
          const placed = assignments.filter((a) => a.csmId !== null);
          expect(book.reduce((n, l) => n + l.accounts, 0)).toBe(placed.length);
        },
      ),
    );
  });

  it('routes a batch so that each account sees the book the previous ones left', () => {
    const small = withCsms([{ ...ana, maxAccounts: 2 }]);
    const { assignments, book } = routeAccounts(
      [
        { accountId: 'a1', arr: 1_000 },
        { accountId: 'a2', arr: 1_000 },
        { accountId: 'a3', arr: 1_000 },
      ],
      [],
      small,
    );
    expect(assignments.map((a) => a.csmId)).toEqual(['ana', 'ana', null]);
    expect(book).toEqual([{ csmId: 'ana', arr: 2_000, accounts: 2 }]);
  });
});
