import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceSandbox } from '../index.js';
import type { RunningSalesforceSandbox } from '../index.js';

let sf: RunningSalesforceSandbox;
beforeAll(async () => {
  sf = await startSalesforceSandbox({ port: 0, seed: 'empty' });
});
afterAll(() => sf.close());

const call = async (method: string, path: string, body?: string, type = 'application/json') => {
  const res = await fetch(`${sf.url}/services/data/v${sf.version}/jobs/ingest${path}`, {
    method,
    headers: { Authorization: `Bearer ${sf.accessToken}`, 'Content-Type': type },
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    limit: res.headers.get('sforce-limit-info'),
    text,
    json: () => JSON.parse(text) as Record<string, unknown>,
  };
};

async function runJob(spec: Record<string, unknown>, data: string) {
  const { id } = (await call('POST', '', JSON.stringify(spec))).json() as { id: string };
  expect((await call('PUT', `/${id}/batches`, data, 'text/csv')).status).toBe(201);
  await call('PATCH', `/${id}`, JSON.stringify({ state: 'UploadComplete' }));
  return id;
}

describe('Bulk API 2.0 ingest', () => {
  it('reads quoted fields, embedded line breaks and CRLF endings, and lists each refused row with its error', async () => {
    const id = await runJob(
      { object: 'Account', operation: 'insert', lineEnding: 'CRLF' },
      'Name,Csops_ARR__c,Description\r\n' +
        '"Alpha, Inc",100,"said ""hi""\r\nthen left"\r\n' +
        ',5,no name\r\n' +
        'Beta,not a number,x\r\n',
    );
    const info = (await call('GET', `/${id}`)).json();
    expect(info).toMatchObject({
      state: 'JobComplete',
      numberRecordsProcessed: 3,
      numberRecordsFailed: 2,
    });
    const ok = parse((await call('GET', `/${id}/successfulResults`)).text, { columns: true });
    expect(ok).toEqual([
      expect.objectContaining({
        sf__Created: 'true',
        Name: 'Alpha, Inc',
        Description: 'said "hi"\r\nthen left',
      }),
    ]);
    const failed = parse((await call('GET', `/${id}/failedResults`)).text, {
      columns: true,
    }) as Record<string, string>[];
    expect(failed.map((f) => [f.Name, f.sf__Error!.split(':')[0]])).toEqual([
      ['', 'REQUIRED_FIELD_MISSING'],
      ['Beta', 'JSON_PARSER_ERROR'],
    ]);
  });

  it('updates by Id, clearing a field sent as #N/A', async () => {
    const first = await runJob(
      { object: 'Account', operation: 'insert' },
      'Name,Csops_Segment__c\nUpsert Me,smb\n',
    );
    const [row] = parse((await call('GET', `/${first}/successfulResults`)).text, {
      columns: true,
    }) as Record<string, string>[];
    const id = await runJob(
      { object: 'Account', operation: 'update' },
      `Id,Csops_Segment__c\n${row!.sf__Id},#N/A\n`,
    );
    expect((await call('GET', `/${id}`)).json()).toMatchObject({ numberRecordsFailed: 0 });
    const read = await fetch(
      `${sf.url}/services/data/v${sf.version}/sobjects/Account/${row!.sf__Id}`,
      {
        headers: { Authorization: `Bearer ${sf.accessToken}` },
      },
    );
    expect(((await read.json()) as Record<string, unknown>).Csops_Segment__c).toBeNull();
  });

  it('refuses an upload to a closed job, an unknown operation and results of an open job, counting each call', async () => {
    const id = await runJob({ object: 'Account', operation: 'insert' }, 'Name\nClosed Co\n');
    const late = await call('PUT', `/${id}/batches`, 'Name\nToo Late\n', 'text/csv');
    expect(late.status).toBe(409);
    expect(late.limit).toMatch(/^api-usage=\d+\/\d+$/);
    const bad = await call('POST', '', JSON.stringify({ object: 'Account', operation: 'merge' }));
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('operation');
    const open = (
      await call('POST', '', JSON.stringify({ object: 'Account', operation: 'insert' }))
    ).json();
    expect((await call('GET', `/${String(open.id)}/successfulResults`)).status).toBe(400);
    const aborted = (
      await call('POST', '', JSON.stringify({ object: 'Account', operation: 'insert' }))
    ).json();
    await call('PUT', `/${String(aborted.id)}/batches`, 'Name\nNever Co\n', 'text/csv');
    await call('PATCH', `/${String(aborted.id)}`, JSON.stringify({ state: 'Aborted' }));
    expect((await call('GET', `/${String(aborted.id)}/unprocessedrecords`)).text).toBe(
      'Name\nNever Co\n',
    );
    const upsert = await call(
      'POST',
      '',
      JSON.stringify({ object: 'Account', operation: 'upsert', externalIdFieldName: 'Name' }),
    );
    expect(upsert.status).toBe(400);
  });
});
