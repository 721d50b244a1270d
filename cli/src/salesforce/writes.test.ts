import type { Connection } from '@jsforce/jsforce-node';
import { describe, expect, it } from 'vitest';
import { OrgClient } from './org-client.js';
import { OrgReader } from './reads.js';
import { createTasks, updateAll } from './writes.js';

const KEY = 'Csops_Action_Key__c';

/**
 * An org whose first Task create is saved but answered with a 503, as a lost answer looks.
 * It keeps the Tasks it holds by key.
 */
function lossyOrg() {
  const saved: string[] = [];
  let creates = 0;
  const conn = {
    limitInfo: {},
    creates: () => creates,
    saved,
    async request(req: { method: string; url: string; body?: string }) {
      const body = req.body ? JSON.parse(req.body) : undefined;
      if (req.url.endsWith('/composite/sobjects') && req.method === 'POST') {
        creates++;
        const records = body.records as Record<string, string>[];
        for (const r of records) saved.push(r[KEY]!);
        if (creates === 1) throw { errorCode: 'SERVER_UNAVAILABLE', message: 'lost' };
        return records.map((_, i) => ({ id: `00T${i}`, success: true, errors: [] }));
      }
      if (req.url.endsWith('/composite')) {
        return {
          compositeResponse: body.compositeRequest.map((s: { referenceId: string }) => ({
            referenceId: s.referenceId,
            httpStatusCode: 200,
            body: {
              totalSize: saved.length,
              done: true,
              records: saved.map((k) => ({ Id: 'x', [KEY]: k })),
            },
          })),
        };
      }
      if (req.method === 'PATCH') {
        return (body.records as unknown[]).map((_, i) =>
          i === 0
            ? {
                success: false,
                errors: [{ statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: 'bad owner' }],
              }
            : { id: 'x', success: true, errors: [] },
        );
      }
      throw new Error(`unexpected ${req.method} ${req.url}`);
    },
  };
  const client = new OrgClient(conn as unknown as Connection, {
    budgetShare: 1,
    sleep: async () => {},
  });
  return { conn, client, reader: new OrgReader(client, '66.0') };
}

const task = (key: string) => ({
  accountId: '001000000000001AAA',
  key,
  record: { attributes: { type: 'Task' }, Subject: key, [KEY]: key },
});

describe('collection writes', () => {
  it('reads the keys back before retrying a create whose answer was lost, and sends none twice', async () => {
    const { conn, client, reader } = lossyOrg();
    const outcomes = await createTasks(client, reader, '66.0', KEY, [task('k1'), task('k2')]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(conn.creates()).toBe(1);
    expect(conn.saved).toEqual(['k1', 'k2']);
  });

  it('reports a record Salesforce refused against its Account and saves the rest', async () => {
    const { client } = lossyOrg();
    const outcomes = await updateAll(client, '66.0', [
      { accountId: 'a1', record: { attributes: { type: 'Account' }, Id: 'a1' } },
      { accountId: 'a2', record: { attributes: { type: 'Account' }, Id: 'a2' } },
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([false, true]);
    expect(outcomes[0]!.error).toBe('FIELD_INTEGRITY_EXCEPTION: bad owner');
  });
});
