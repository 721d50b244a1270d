import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAccount } from '../evaluation/evaluate.js';
import type { PreviousHealth } from '../health/types.js';
import { defaultSettings } from '../settings/defaults.js';
import { snapshotAt } from '../snapshot/arbitrary.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { addDays } from '../time/time.js';
import { LEDGER_STATUSES } from '../vocabulary/keys.js';
import type { LedgerEntry, LedgerPlan } from './ledger.js';

const settings = defaultSettings();
const AS_OF = Date.UTC(2026, 10, 2, 9);

const previousArb: fc.Arbitrary<PreviousHealth | undefined> = fc.option(
  fc.record({
    score: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
    band: fc.constantFrom('green', 'yellow', 'red' as const),
    asOf: fc.constant(new Date(AS_OF - 7 * 86_400_000).toISOString()),
  }),
  { nil: undefined },
);

function plan(
  snapshot: AccountSnapshot,
  previous: PreviousHealth | undefined,
  ledger: LedgerEntry[],
) {
  return evaluateAccount(snapshot, settings, { previous, ledger }).ledger as LedgerPlan;
}

function applied(entries: readonly LedgerEntry[], p: LedgerPlan): LedgerEntry[] {
  const closed = new Set(p.close.map((c) => c.key));
  return [
    ...entries.map((e) => (closed.has(e.key) ? { ...e, status: 'skipped' as const } : e)),
    ...p.create.map((a) => ({ key: a.key, status: 'open' as const, triggeredAt: a.triggeredAt })),
  ];
}

/** An account, and what the CRM already holds for it: some of its due steps, in any status. */
const caseArb = fc
  .tuple(snapshotAt(AS_OF), previousArb, fc.array(fc.constantFrom(...LEDGER_STATUSES)))
  .map(([snapshot, previous, statuses]) => {
    const due = evaluateAccount(snapshot, settings, { previous }).actions;
    const ledger: LedgerEntry[] = due.flatMap((a, i) => {
      const status = statuses[i];
      return status === undefined ? [] : [{ key: a.key, status, triggeredAt: a.triggeredAt }];
    });
    return { snapshot, previous, ledger };
  });

describe('the playbook ledger, for any account and any CRM state', () => {
  it('finds nothing to do on a second run after the first was carried out', () => {
    fc.assert(
      fc.property(caseArb, ({ snapshot, previous, ledger }) => {
        const first = plan(snapshot, previous, ledger);
        const second = plan(snapshot, previous, applied(ledger, first));
        expect(second.create).toEqual([]);
        expect(second.close).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never creates or closes a step recorded done or skipped', () => {
    fc.assert(
      fc.property(caseArb, ({ snapshot, previous, ledger }) => {
        const closed = new Set(ledger.filter((e) => e.status !== 'open').map((e) => e.key));
        const p = plan(snapshot, previous, ledger);
        for (const a of p.create) expect(closed.has(a.key)).toBe(false);
        for (const c of p.close) expect(closed.has(c.key)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('creates each key once, and no escalation before its time, run day after day', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.integer({ min: 1, max: 10 }),
        ({ snapshot, previous, ledger }, days) => {
          let crm = ledger;
          const created = new Set(ledger.map((e) => e.key));
          for (let d = 0; d <= days; d++) {
            const asOf = addDays(snapshot.asOf, d);
            // A retried run of the same day plans exactly the same writes.
            const p = plan({ ...snapshot, asOf }, previous, crm);
            expect(plan({ ...snapshot, asOf }, previous, crm)).toEqual(p);
            for (const a of p.create) {
              expect(created.has(a.key)).toBe(false);
              created.add(a.key);
              if (a.type === 'escalation')
                expect(Date.parse(a.dueAt)).toBeLessThanOrEqual(Date.parse(asOf));
            }
            for (const w of p.waiting)
              expect(Date.parse(w.dueAt)).toBeGreaterThan(Date.parse(asOf));
            crm = applied(crm, p);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
