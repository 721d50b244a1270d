import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relatedByAccount, toLds } from './records.js';

const CASES = { relatedListId: 'Cases', fields: [], sortBy: ['-Case.CreatedDate'] };

describe('related records as the Account page reads them', () => {
  it('gives each Account its own rows, newest first, at most a page of them', () => {
    const row = fc.record({
      Id: fc.string({ minLength: 1, maxLength: 6 }),
      AccountId: fc.constantFrom('a1', 'a2', 'a3'),
      CreatedDate: fc
        .integer({ min: 0, max: 2_000_000_000_000 })
        .map((ms) => new Date(ms).toISOString()),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        (rows, size) => {
          const lists = relatedByAccount(rows, 'AccountId', CASES, size);
          for (const [account, list] of lists) {
            const own = rows.filter((r) => r.AccountId === account);
            const dates = list.records.map((r) => String(r.fields.CreatedDate!.value));
            expect(list.records.length).toBe(Math.min(size, own.length));
            expect(dates).toEqual([...dates].sort().reverse());
            const newest = own
              .map((r) => r.CreatedDate)
              .sort()
              .reverse()
              .slice(0, size);
            expect(dates).toEqual(newest);
          }
        },
      ),
    );
  });

  it('reads a query row as a Lightning record: its id, and each field by name', () => {
    expect(
      toLds({ attributes: { type: 'Account' }, Id: '001A', Name: 'Acme', Owner: { Name: 'x' } }),
    ).toEqual({ id: '001A', fields: { Id: { value: '001A' }, Name: { value: 'Acme' } } });
  });
});
