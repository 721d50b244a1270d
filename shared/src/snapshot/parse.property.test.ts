import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotArb } from './arbitrary.js';
import { parseLooseSnapshot, parseSnapshot } from './parse.js';
import { accountSnapshotSchema } from './schema.js';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const SEGMENT_LABELS: Record<string, string> = {
  enterprise: 'Enterprise',
  mid_market: 'Mid-Market',
  smb: 'SMB',
};

/** Writes a snapshot the way a CRM export would: every value as text. */
function asCrmText(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return JSON.stringify(value);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asCrmText(v, k)]));
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return value;
    if (key === 'csat') return `${value}%`;
    return Number.isSafeInteger(value) ? ` ${grouped.format(value)} ` : String(value);
  }
  if (typeof value === 'string') {
    if (key === 'segment') return SEGMENT_LABELS[value] ?? value;
    // Dates as epoch milliseconds, as some HubSpot date properties arrive.
    if (key === 'asOf' || key.endsWith('At') || key.endsWith('Date'))
      return String(Date.parse(value));
  }
  return value;
}

describe('snapshot parsing properties', () => {
  it('reads any valid snapshot back unchanged, strictly and loosely', () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const strict = parseSnapshot(snapshot);
        expect(strict).toEqual({ success: true, data: snapshot });
        expect(parseLooseSnapshot(snapshot)).toEqual({ snapshot, issues: [] });
      }),
    );
  });

  it('reads the CRM text form of any valid snapshot back to the same snapshot', () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const { snapshot: read, issues } = parseLooseSnapshot(asCrmText(snapshot));
        expect(issues).toEqual([]);
        expect(read).toEqual(snapshot);
      }),
    );
  });

  it('always returns a valid snapshot or none, whatever the input', () => {
    const junk = fc.oneof(
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(''),
      fc.constant('1,200'),
      fc.constant('Yes'),
      fc.constant('2025-02-30'),
    );
    const field = (inner: fc.Arbitrary<unknown>) => fc.oneof(inner, junk);
    const loose = fc.record(
      {
        accountId: field(fc.constant('acme')),
        asOf: field(fc.constant('2025-06-01')),
        arr: junk,
        segment: junk,
        usage: fc.oneof(
          junk,
          fc.dictionary(fc.constantFrom('activeUsers30d', 'lastActivityAt', 'x'), junk),
        ),
        billing: fc.oneof(junk, fc.dictionary(fc.constantFrom('autoPay', 'daysPastDue'), junk)),
        onboarding: fc.oneof(
          junk,
          fc.record({ milestones: fc.array(fc.oneof(junk, fc.object())) }),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(loose, (input) => {
        const { snapshot, issues } = parseLooseSnapshot(input);
        if (snapshot === null) {
          expect(issues.some((i) => ['accountId', 'asOf', '(root)'].includes(i.path))).toBe(true);
          return;
        }
        expect(accountSnapshotSchema.safeParse(snapshot).success).toBe(true);
        for (const issue of issues) expect(issue.message.length).toBeGreaterThan(0);
      }),
    );
  });
});
