import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedPortal } from '../seed/index.js';
import { createRecords } from './records.js';
import { checkQuery, runSearch } from './search.js';
import type { SearchQuery } from './search.js';

const store = seedPortal('empty', 1, new Date('2026-01-01T00:00:00Z'));
const companies = store.objectType('companies')!;
createRecords(
  store,
  companies,
  Array.from({ length: 137 }, (_, i) => ({
    properties: { name: `Account ${i}`, numberofemployees: String((i * 37) % 50) },
  })),
  '2026-01-01T00:00:00.000Z',
);

describe('search paging', () => {
  it('visits every match exactly once, in sort order, whatever the page size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom('ASCENDING', 'DESCENDING'),
        fc.integer({ min: 0, max: 49 }),
        (limit, direction, floor) => {
          const base: SearchQuery = {
            filterGroups: [
              {
                filters: [
                  { propertyName: 'numberofemployees', operator: 'GTE', value: String(floor) },
                ],
              },
            ],
            sorts: [{ propertyName: 'numberofemployees', direction }],
            limit,
            after: 0,
          };
          checkQuery(store, companies, base);
          const seen: number[] = [];
          let after: number | undefined = 0;
          let total = -1;
          while (after !== undefined) {
            const page = runSearch(store, companies, { ...base, after });
            total = page.total;
            seen.push(...page.page.map((r) => Number(r.properties.numberofemployees)));
            after = page.nextAfter;
          }
          expect(seen).toHaveLength(total);
          expect(seen.every((n) => n >= floor)).toBe(true);
          const sorted = [...seen].sort((a, b) => (direction === 'ASCENDING' ? a - b : b - a));
          expect(seen).toEqual(sorted);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the 10,000-result cap', () => {
  it('serves nothing past the 10,000th result and refuses paging beyond it with a 400', () => {
    const big = seedPortal('empty', 1, new Date('2026-01-01T00:00:00Z'));
    const type = big.objectType('companies')!;
    for (let b = 0; b < 101; b++) {
      const inputs = Array.from({ length: 100 }, (_, i) => ({
        properties: { name: `C${b}-${i}` },
      }));
      createRecords(big, type, inputs, '2026-01-01T00:00:00.000Z');
    }
    const q: SearchQuery = { filterGroups: [], sorts: [], limit: 200, after: 9_900 };
    checkQuery(big, type, q);
    const page = runSearch(big, type, q);
    expect(page.total).toBe(10_100);
    expect(page.page).toHaveLength(100);
    expect(page.nextAfter).toBe(10_000);
    expect(() => checkQuery(big, type, { ...q, after: 10_000 })).toThrow(/limited to 10000/);
  });
});
