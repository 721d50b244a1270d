import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sobject } from '../model/sobjects.js';
import { createRecord } from '../records.js';
import { seedOrg } from '../seed.js';
import { parseSoql } from './parse.js';
import { runQuery } from './evaluate.js';

const NOW = new Date('2026-03-02T09:30:00Z');
const url = (t: string, id: string) => `/services/data/v66.0/sobjects/${t}/${id}`;

function orgWith(accounts: { arr: number | null; lastActivity?: string }[]) {
  const store = seedOrg('empty', NOW);
  const ctx = { store, now: () => NOW };
  accounts.forEach((a, i) =>
    createRecord(ctx, sobject('Account')!, {
      Name: `Account ${i}`,
      Csops_ARR__c: a.arr,
      Csops_Last_Activity_At__c: a.lastActivity ?? null,
    }),
  );
  store.commit();
  return store;
}

const query = (store: ReturnType<typeof orgWith>, soql: string) =>
  runQuery(store, parseSoql(soql), NOW, url).rows as {
    Name: string;
    Csops_ARR__c: number | null;
  }[];

describe('runQuery', () => {
  it('filters a number field as a comparison would, leaving out nulls', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: null }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 1_000 }),
        fc.constantFrom('<', '<=', '>', '>=', '=', '!='),
        (arrs, t, op) => {
          const store = orgWith(arrs.map((arr) => ({ arr })));
          const got = query(store, `SELECT Name FROM Account WHERE Csops_ARR__c ${op} ${t}`).map(
            (r) => r.Name,
          );
          const cmp: Record<string, (x: number) => boolean> = {
            '<': (x) => x < t,
            '<=': (x) => x <= t,
            '>': (x) => x > t,
            '>=': (x) => x >= t,
            '=': (x) => x === t,
            '!=': (x) => x !== t,
          };
          // `!=` keeps nulls in SOQL (null is not equal to the value); the others leave them out.
          const want = arrs
            .map((arr, i) => ({ arr, name: `Account ${i}` }))
            .filter((a) => (a.arr === null ? op === '!=' : cmp[op]!(a.arr)))
            .map((a) => a.name);
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('orders with nulls first ascending and last descending, then limits and offsets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }), { maxLength: 25 }),
        fc.boolean(),
        fc.nat(10),
        fc.nat(10),
        (arrs, desc, limit, offset) => {
          const store = orgWith(arrs.map((arr) => ({ arr })));
          const got = query(
            store,
            `SELECT Csops_ARR__c FROM Account ORDER BY Csops_ARR__c ${desc ? 'DESC' : 'ASC'} LIMIT ${limit} OFFSET ${offset}`,
          ).map((r) => r.Csops_ARR__c);
          const nulls = arrs.filter((a) => a === null);
          const values = arrs
            .filter((a): a is number => a !== null)
            .sort((x, y) => (desc ? y - x : x - y));
          const sorted = desc ? [...values, ...nulls] : [...nulls, ...values];
          expect(got).toEqual(sorted.slice(offset, offset + limit));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('resolves date literals to whole UTC days around the clock', () => {
    const store = orgWith([
      { arr: 1, lastActivity: '2026-03-02T00:00:00Z' },
      { arr: 2, lastActivity: '2026-03-01T23:59:59Z' },
      { arr: 3, lastActivity: '2026-02-23T00:00:00Z' },
      { arr: 4, lastActivity: '2026-02-22T23:59:59Z' },
    ]);
    const names = (where: string) =>
      query(store, `SELECT Name FROM Account WHERE ${where}`).map((r) => r.Name);
    expect(names('Csops_Last_Activity_At__c = TODAY')).toEqual(['Account 0']);
    expect(names('Csops_Last_Activity_At__c = YESTERDAY')).toEqual(['Account 1']);
    expect(names('Csops_Last_Activity_At__c = LAST_N_DAYS:7')).toEqual([
      'Account 0',
      'Account 1',
      'Account 2',
    ]);
    expect(names('Csops_Last_Activity_At__c < LAST_N_DAYS:7')).toEqual(['Account 3']);
    expect(names('Csops_Last_Activity_At__c = 2026-02-22')).toEqual(['Account 3']);
  });

  it('nests parent fields under the relationship name, and answers null when there is no parent', () => {
    const store = orgWith([{ arr: 1 }]);
    const [row] = runQuery(
      store,
      parseSoql('SELECT Name, Owner.Name, Owner.Email, Csops_CSM__r.Name FROM Account'),
      NOW,
      url,
    ).rows as Record<string, unknown>[];
    expect(row).toMatchObject({
      Name: 'Account 0',
      Owner: {
        attributes: { type: 'User' },
        Name: 'Morgan Reyes',
        Email: 'morgan.reyes@csops-demo.example',
      },
      Csops_CSM__r: null,
    });
  });

  it('refuses a string compared with a number field, as Salesforce does', () => {
    const store = orgWith([{ arr: 1 }]);
    expect(() => query(store, "SELECT Name FROM Account WHERE Csops_ARR__c = '1'")).toThrow(
      /must be of type currency/,
    );
  });
});
