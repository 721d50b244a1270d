import { Connection } from '@jsforce/jsforce-node';
import { startSalesforceSandbox } from '@csops/sandbox/salesforce';
import type { RunningSalesforceSandbox } from '@csops/sandbox/salesforce';
import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, toCsv } from './bulk.js';
import { OrgClient } from './org-client.js';
import { OrgReader } from './reads.js';
import { createTaskSet, updateSets } from './write-sets.js';
import type { Write } from './writes.js';

const KEY = 'Csops_Action_Key__c';
const open: RunningSalesforceSandbox[] = [];
afterEach(async () => {
  for (const sb of open.splice(0)) await sb.close();
});

async function org() {
  const sb = await startSalesforceSandbox({ port: 0, seed: 'empty' });
  open.push(sb);
  const conn = new Connection({
    instanceUrl: sb.instanceUrl,
    accessToken: sb.accessToken,
    version: sb.version,
  });
  const client = new OrgClient(conn, { budgetShare: 1, sleep: async () => {} });
  const ids: string[] = [];
  for (const name of ['Acme', 'Birch', 'Cobalt']) {
    const r = (await conn.sobject('Account').create({ Name: name })) as { id: string };
    ids.push(r.id);
  }
  return { sb, conn, client, reader: new OrgReader(client, sb.version), ids };
}

const jobs = (sb: RunningSalesforceSandbox) =>
  sb.stats().byRoute['POST /services/data/{version}/jobs/ingest'] ?? 0;

/** Result write-backs, the second of them refused by the org (a band outside the picklist). */
const results = (ids: string[]): Write[] =>
  ids.map((id, i) => ({
    accountId: id,
    record: {
      attributes: { type: 'Account' },
      Id: id,
      Csops_Health_Score__c: 40 + i,
      Csops_Health_Band__c: i === 1 ? 'purple' : 'yellow',
      Description: 'usage, "NPS"\nand support',
    },
  }));

const task = (accountId: string, key: string): Write => ({
  accountId,
  key,
  record: { attributes: { type: 'Task' }, WhatId: accountId, Subject: `Step ${key}`, [KEY]: key },
});

describe('write sets', () => {
  it('reports the same outcome per Account through a Bulk job as through collections', async () => {
    const viaCollections = await org();
    const viaBulk = await org();
    const collections = await updateSets(
      viaCollections.client,
      viaCollections.sb.version,
      [results(viaCollections.ids)],
      1_000,
    );
    const bulk = await updateSets(viaBulk.client, viaBulk.sb.version, [results(viaBulk.ids)], 1);
    expect(jobs(viaCollections.sb)).toBe(0);
    expect(jobs(viaBulk.sb)).toBe(1);
    const shape = (o: typeof bulk, ids: string[]) =>
      o.map((x) => [ids.indexOf(x.write.accountId), x.ok, x.error]);
    expect(shape(bulk, viaBulk.ids)).toEqual(shape(collections, viaCollections.ids));
    expect(bulk[1]).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: /),
    });
    const read = async (s: typeof viaBulk) =>
      (
        await s.conn.query<Record<string, unknown>>(
          'SELECT Name, Csops_Health_Score__c, Csops_Health_Band__c, Description FROM Account ORDER BY Name',
        )
      ).records.map(({ attributes: _, ...r }) => r);
    expect(await read(viaBulk)).toEqual(await read(viaCollections));
  });

  it('creates Tasks in one job, and after a job that stopped reads the keys back so no step gets two Tasks', async () => {
    const { sb, conn, client, reader, ids } = await org();
    const creates = ids.map((id, i) => task(id, `k${i}`));
    const done = await createTaskSet(client, reader, sb.version, KEY, creates, 2);
    expect(done.every((o) => o.ok)).toBe(true);
    expect(jobs(sb)).toBe(1);

    // A job that stopped part-way: its first Task was saved, then the upload was refused.
    const more = ids.map((id, i) => task(id, `m${i}`));
    await conn.sobject('Task').create({ ...more[0]!.record, attributes: undefined });
    const real = client.bulk2;
    Object.defineProperty(client, 'bulk2', {
      get: () => ({
        createJob: (o: Parameters<typeof real.createJob>[0]) => {
          const job = real.createJob(o);
          job.uploadData = () => Promise.reject(new Error('upload refused'));
          return job;
        },
      }),
    });
    const again = await createTaskSet(client, reader, sb.version, KEY, more, 2);
    expect(again.map((o) => o.ok)).toEqual([true, true, true]);
    const keys = (
      await conn.query<{ Csops_Action_Key__c: string }>(`SELECT ${KEY} FROM Task ORDER BY ${KEY}`)
    ).records.map((r) => r.Csops_Action_Key__c);
    expect(keys).toEqual(['k0', 'k1', 'k2', 'm0', 'm1', 'm2']);
  });

  it('writes CSV Salesforce reads back as sent, and reads its errors in the collections’ words', () => {
    expect(
      toCsv([
        { attributes: {}, Id: 'a', Note: 'x, "y"\nz' },
        { Id: 'b', Gone: null },
      ]),
    ).toBe('Id,Note,Gone\na,"x, ""y""\nz",\nb,,#N/A\n');
    expect(errorOf('REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --')).toBe(
      'REQUIRED_FIELD_MISSING: Required fields are missing: [Name]',
    );
  });
});
