// Writes through sObject Collections, 200 records a call, allOrNone false: one refused record is
// reported against its Account and never holds back the rest.
import type { OrgClient, OrgRequest } from './org-client.js';
import { inList } from './soql.js';
import type { OrgReader } from './reads.js';

/** Salesforce's cap on records in one sObject Collections call. */
export const COLLECTION_SIZE = 200;

interface SaveResult {
  id?: string;
  success: boolean;
  errors?: { statusCode?: string; message?: string }[];
}

export interface Write {
  accountId: string;
  record: Record<string, unknown>;
  /** The action key of a Task to create: looked up again before a create is retried. */
  key?: string;
}

export interface WriteOutcome {
  write: Write;
  ok: boolean;
  error?: string;
}

function reason(r: SaveResult | undefined): string {
  const e = r?.errors?.[0];
  return e ? `${e.statusCode ?? 'ERROR'}: ${e.message ?? ''}` : 'no result returned';
}

export async function updateAll(client: OrgClient, version: string, writes: Write[]) {
  return saveAll(client, writes, (chunk) => ({
    method: 'PATCH',
    url: `/services/data/v${version}/composite/sobjects`,
    body: { allOrNone: false, records: chunk.map((w) => w.record) },
  }));
}

/**
 * Creates Tasks. Before a failed call is sent again, the keys are read back: a create that
 * Salesforce saved although its answer was lost is found, counted, and not sent twice.
 */
export async function createTasks(
  client: OrgClient,
  reader: OrgReader,
  version: string,
  keyField: string,
  writes: Write[],
): Promise<WriteOutcome[]> {
  const out: WriteOutcome[] = [];
  for (let i = 0; i < writes.length; i += COLLECTION_SIZE) {
    let pending = writes.slice(i, i + COLLECTION_SIZE);
    const request = (chunk: Write[]): OrgRequest => ({
      method: 'POST',
      url: `/services/data/v${version}/composite/sobjects`,
      body: { allOrNone: false, records: chunk.map((w) => w.record) },
    });
    const results = await client.request<SaveResult[]>(request(pending), async () => {
      const keys = pending.map((w) => w.key!).filter(Boolean);
      const found = await reader.queryAll({
        saved: `SELECT Id, ${keyField} FROM Task WHERE ${keyField} IN ${inList(keys)}`,
      });
      const there = new Set(found.saved!.map((r) => r[keyField]));
      for (const w of pending.filter((w) => there.has(w.key))) out.push({ write: w, ok: true });
      pending = pending.filter((w) => !there.has(w.key));
      return pending.length ? request(pending) : null;
    });
    pending.forEach((w, n) => {
      const r = results?.[n];
      out.push(r?.success ? { write: w, ok: true } : { write: w, ok: false, error: reason(r) });
    });
  }
  return out;
}

async function saveAll(
  client: OrgClient,
  writes: Write[],
  request: (chunk: Write[]) => OrgRequest,
): Promise<WriteOutcome[]> {
  const out: WriteOutcome[] = [];
  for (let i = 0; i < writes.length; i += COLLECTION_SIZE) {
    const chunk = writes.slice(i, i + COLLECTION_SIZE);
    const results = await client.request<SaveResult[]>(request(chunk));
    chunk.forEach((w, n) => {
      const r = results?.[n];
      out.push(r?.success ? { write: w, ok: true } : { write: w, ok: false, error: reason(r) });
    });
  }
  return out;
}
