import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSalesforce } from './harness.js';
import type { SfHarness } from './harness.js';

let sf: SfHarness;
beforeAll(async () => {
  sf = await openSalesforce({ seed: 'empty' });
});
afterAll(() => sf.sandbox.close());

const load = (
  operation: 'insert' | 'update' | 'upsert',
  input: Record<string, unknown>[],
  extra: { externalIdFieldName?: string } = {},
) =>
  sf.conn.bulk2.loadAndWaitForResults({
    object: 'Account',
    operation,
    input,
    pollInterval: 5,
    pollTimeout: 10_000,
    ...extra,
  });

describe('Bulk API 2.0 ingest through jsforce bulk2', () => {
  it('inserts rows with commas, quotes and line breaks, and refuses a row without a Name alone', async () => {
    const remaining = async () => (await sf.conn.limits()).DailyApiRequests!.Remaining;
    const left = await remaining();
    const before = sf.sandbox.stats().requests;
    const res = await load('insert', [
      { Name: 'Comma, Quote "and" Co', Csops_ARR__c: 12_000 },
      { Name: 'Two\nLines Ltd', Csops_ARR__c: 3_500 },
      { Name: null, Csops_ARR__c: 1 },
    ]);
    // Each call of the job counts against the API limit: create, upload, close, poll, 3 results.
    expect(sf.sandbox.stats().requests - before).toBe(7);
    expect(left - (await remaining())).toBe(8);
    expect(res.successfulResults).toHaveLength(2);
    expect(res.successfulResults.map((r) => r.sf__Created)).toEqual(['true', 'true']);
    expect(res.failedResults).toHaveLength(1);
    expect(res.failedResults[0]!.sf__Error).toMatch(/^REQUIRED_FIELD_MISSING:/);
    expect(res.unprocessedRecords).toHaveLength(0);
    const ids = res.successfulResults.map((r) => String(r.sf__Id));
    const kept = await sf.conn.query<{ Name: string; Csops_ARR__c: number }>(
      `SELECT Name, Csops_ARR__c FROM Account WHERE Id IN ('${ids.join("','")}') ORDER BY Name`,
    );
    expect(kept.records.map((r) => [r.Name, r.Csops_ARR__c])).toEqual([
      ['Comma, Quote "and" Co', 12_000],
      ['Two\nLines Ltd', 3_500],
    ]);
  });

  it('updates by Id, leaving unsent fields alone and refusing an Id of another object', async () => {
    const created = (await sf.conn
      .sobject('Account')
      .create({ Name: 'Bulk Target', Csops_ARR__c: 1_000, Csops_Segment__c: 'smb' })) as {
      id: string;
    };
    const res = await load('update', [
      { Id: created.id, Csops_ARR__c: 2_000 },
      { Id: '0035g0000000001AAA', Csops_ARR__c: 5 },
    ]);
    expect(res.successfulResults.map((r) => [r.sf__Id, r.sf__Created])).toEqual([
      [created.id, 'false'],
    ]);
    expect(res.failedResults).toHaveLength(1);
    expect(res.failedResults[0]!.sf__Error).toMatch(/^MALFORMED_ID:/);
    const read = (await sf.conn.sobject('Account').retrieve(created.id)) as Record<string, unknown>;
    expect(read).toMatchObject({ Csops_ARR__c: 2_000, Csops_Segment__c: 'smb' });
  });

  it('reports the job as Salesforce does while it is open, and refuses results before completion', async () => {
    const job = sf.conn.bulk2.createJob({ object: 'Account', operation: 'insert' });
    const opened = await job.open();
    expect(opened).toMatchObject({ state: 'Open', object: 'Account', contentType: 'CSV' });
    expect(opened.id).toMatch(/^750/);
    await expect(job.getSuccessfulResults()).rejects.toThrow(/INVALIDJOBSTATE|complete/);
    await job.abort();
    expect((await job.check()).state).toBe('Aborted');
  });
});
