import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mappingSchema } from './mapping-schema.js';
import { mapRows } from './map-rows.js';
import { tableRows } from './testing.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const mapping = mappingSchema.parse(JSON.parse(fixture('accounts-mapping.json')));

describe('mapping an export onto snapshots with outcomes', () => {
  let history: ReturnType<typeof mapRows>;
  beforeAll(async () => {
    history = mapRows(await tableRows(fixture('accounts.csv')), mapping);
  });

  it('never drops a row: accepted plus rejected equals read', () => {
    expect(history.read).toBe(8);
    expect(history.records.length + history.rejected.length).toBe(8);
    expect(history.records.map((r) => r.snapshot.accountId)).toEqual([
      'A1',
      'A2',
      'A3',
      'A4',
      'A5',
    ]);
  });

  it('reports each bad row by its line, field and column', () => {
    const byLine = Object.fromEntries(history.rejected.map((r) => [r.location, r.errors]));
    expect(byLine['line 7']).toEqual([
      expect.objectContaining({
        field: 'asOf',
        column: 'snapshot_date',
        message: expect.stringContaining('not a date'),
      }),
    ]);
    expect(byLine['line 8']).toEqual([
      expect.objectContaining({
        field: 'outcome.status',
        column: 'status',
        message: expect.stringContaining('"Paused"'),
      }),
    ]);
    // One row, two problems: both are reported.
    expect(byLine['line 9']!.map((e) => e.field).sort()).toEqual(['arr', 'contract.termMonths']);
  });

  it('applies value maps, dates and quoted fields', () => {
    const a4 = history.records.find((r) => r.snapshot.accountId === 'A4')!;
    expect(a4.snapshot.name).toBe('Dune, Inc.');
    expect(a4.snapshot.contract?.termMonths).toBe(1);
    expect(a4.snapshot.contract?.renewalDate).toBeUndefined();
    expect(a4.snapshot.support).toBeUndefined();
    const a1 = history.records[0]!;
    expect(a1.snapshot.asOf).toBe('2024-01-01T00:00:00.000Z');
    expect(a1.outcome).toEqual({ status: 'renewed', arrBefore: 120_000, arrAfter: 132_000 });
    expect(a1.line).toBe(2);
  });

  it('derives dates from asOf, counts matching columns and scales values', async () => {
    const m = mappingSchema.parse({
      accountId: { column: 'id' },
      asOf: { constant: '2020-01-01' },
      fields: {
        arr: { column: 'monthly', multiply: 12 },
        'contract.startDate': {
          offsetFromAsOf: { column: 'tenure', unit: 'months', direction: 'before' },
        },
        'usage.featuresAdopted': { countOf: ['a', 'b', 'c'], equals: ['Yes'] },
        'usage.featuresLicensed': { countOf: ['a', 'b', 'c'], notEquals: ['n/a'] },
      },
      outcome: { status: { column: 'churn', values: { Yes: 'churned', No: 'renewed' } } },
    });
    const out = mapRows(
      await tableRows('id,monthly,tenure,a,b,c,churn\nX,10.5,12,Yes,No,n/a,Yes\n', 'csv'),
      m,
    );
    const r = out.records[0]!;
    expect(r.snapshot.arr).toBeCloseTo(126, 10);
    expect(r.snapshot.usage).toEqual({ featuresAdopted: 1, featuresLicensed: 2 });
    expect(r.snapshot.contract?.startDate?.slice(0, 10)).toBe('2019-01-01');
    expect(r.outcome).toEqual({ status: 'churned', arrBefore: 126, arrAfter: 0 });
  });

  it('reads JSON exports and names records by position', async () => {
    const json = JSON.stringify([
      {
        id: 'J1',
        company: 'Jade',
        snapshot_date: '2024-01-01',
        arr: 100,
        arr_after: 100,
        status: 'Renewed',
        seats: 5,
        active_users: 4,
        plan: 'Annual',
      },
      {
        id: 'J2',
        company: 'Kelp',
        snapshot_date: '2024-01-01',
        arr: -5,
        arr_after: 0,
        status: 'Churned',
        seats: 5,
        active_users: 4,
        plan: 'Annual',
      },
      'not an object',
    ]);
    const out = mapRows(await tableRows(json, 'json'), mapping);
    expect(out.records).toHaveLength(1);
    expect(out.rejected.map((r) => r.location)).toEqual(['record 2', 'record 3']);
    expect(out.rejected[0]!.errors[0]).toMatchObject({ field: 'arr', column: 'arr' });
  });

  it('rejects a row with too few fields instead of guessing', async () => {
    const out = mapRows(
      await tableRows('id,company,snapshot_date\nZ,Zed\n', 'csv'),
      mappingSchema.parse({
        accountId: { column: 'id' },
        asOf: { constant: '2024-01-01' },
        fields: {},
        outcome: { status: { constant: 'renewed' }, arrBefore: { constant: 1 } },
      }),
    );
    expect(out.rejected[0]!.errors[0]!.message).toContain('has 2 fields where the header has 3');
  });
});

describe('mapping file validation', () => {
  it('names the unknown snapshot field', () => {
    const r = mappingSchema.safeParse({
      ...JSON.parse(fixture('accounts-mapping.json')),
      fields: { 'contract.termMonth': { column: 'plan' } },
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['fields', 'contract.termMonth']);
    expect(r.error!.issues[0]!.message).toContain('not a snapshot field');
  });

  it('names a source with an unknown key', () => {
    const r = mappingSchema.safeParse({
      ...JSON.parse(fixture('accounts-mapping.json')),
      accountId: { colum: 'id' },
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['accountId']);
  });
});
