// Generators of valid account snapshots for property tests: any subset of fields, extreme values,
// dates long before and after asOf. Not part of the published core (the barrel does not export it).
import fc from 'fast-check';
import type { AccountSnapshot } from './schema.js';

const YEAR_MS = 365.25 * 86_400_000;
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2040, 0, 1);

const iso = (ms: number): string => new Date(ms).toISOString();

/** Identifiers as CRMs issue them: never blank, no surrounding spaces. */
const idArb = fc
  .string({ minLength: 1, maxLength: 12 })
  .filter((s) => s.trim() === s && s.length > 0);

/** Small everyday counts most of the time, with zero and very large counts mixed in. */
export const countArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.nat({ max: 200 }) },
  { weight: 1, arbitrary: fc.nat({ max: 2_000_000_000 }) },
);

const boundedDouble = (min: number, max: number): fc.Arbitrary<number> =>
  fc.oneof(fc.constantFrom(min, max), fc.double({ min, max, noNaN: true }));

const partial = <T extends object>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) =>
  fc.record(model, { requiredKeys: [] });

/** A valid snapshot at the given moment; every field and group may be absent. */
export function snapshotAt(asOfMs: number): fc.Arbitrary<AccountSnapshot> {
  // Events from twenty years before asOf to two years after it, so clamping rules get exercised.
  const date = fc.integer({ min: asOfMs - 20 * YEAR_MS, max: asOfMs + 2 * YEAR_MS }).map(iso);
  const observedAt = fc.integer({ min: asOfMs - 3 * YEAR_MS, max: asOfMs }).map(iso);
  const milestone = fc.record(
    {
      key: idArb,
      name: fc.constant('Milestone'),
      dueAt: date,
      doneAt: date,
    },
    { requiredKeys: ['key', 'name'] },
  );
  return fc.record(
    {
      accountId: idArb,
      asOf: fc.constant(iso(asOfMs)),
      arr: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e9, noNaN: true })),
      segment: fc.constantFrom('enterprise' as const, 'mid_market' as const, 'smb' as const),
      contract: partial<NonNullable<AccountSnapshot['contract']>>({
        startDate: date,
        renewalDate: date,
        termMonths: fc.oneof(
          fc.constantFrom(1, 12, 24, 36),
          fc.double({ min: 0.01, max: 1200, noNaN: true }),
        ),
        licensedSeats: countArb,
        autoRenew: fc.boolean(),
        downgradeRequested: fc.boolean(),
        observedAt,
      }),
      usage: partial<NonNullable<AccountSnapshot['usage']>>({
        activeUsers30d: countArb,
        activeUsersPrior30d: countArb,
        featuresAdopted: countArb,
        featuresLicensed: countArb,
        lastActivityAt: date,
        observedAt,
      }),
      support: partial<NonNullable<AccountSnapshot['support']>>({
        openTickets: countArb,
        tickets30d: countArb,
        escalations90d: countArb,
        csat: boundedDouble(0, 100),
        observedAt,
      }),
      engagement: partial<NonNullable<AccountSnapshot['engagement']>>({
        lastExecutiveMeetingAt: date,
        championPresent: fc.boolean(),
        championLeftAt: date,
        meetings90d: countArb,
        observedAt,
      }),
      sentiment: partial<NonNullable<AccountSnapshot['sentiment']>>({
        npsLatest: boundedDouble(-100, 100),
        npsPrevious: boundedDouble(-100, 100),
        observedAt,
      }),
      billing: partial<NonNullable<AccountSnapshot['billing']>>({
        overdueInvoices: countArb,
        daysPastDue: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e5, noNaN: true })),
        failedPayments90d: countArb,
        autoPay: fc.boolean(),
        paperlessBilling: fc.boolean(),
        observedAt,
      }),
      onboarding: partial<NonNullable<AccountSnapshot['onboarding']>>({
        milestones: fc.array(milestone, { maxLength: 6 }),
        firstValueAt: date,
        observedAt,
      }),
    },
    { requiredKeys: ['accountId', 'asOf'] },
  );
}

/** A valid snapshot at any moment between 2000 and 2040. */
export const snapshotArb: fc.Arbitrary<AccountSnapshot> = fc
  .integer({ min: EARLIEST, max: LATEST })
  .chain(snapshotAt);
