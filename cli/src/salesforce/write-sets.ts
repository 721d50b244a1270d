// A page's writes by set (Account results, Task closes, Task creates): a set of `bulkFrom` records
// or more goes in one Bulk API 2.0 job, the smaller ones together in collections of 200.
import { BulkJobStopped, ingest, outcomesOf } from './bulk.js';
import type { OrgClient } from './org-client.js';
import type { OrgReader } from './reads.js';
import { inList } from './soql.js';
import { COLLECTION_SIZE, createTasks, updateAll } from './writes.js';
import type { Write, WriteOutcome } from './writes.js';

const idOf = (r: Record<string, unknown>) => r.Id ?? r.sf__Id;
const typeOf = (w: Write) => String((w.record.attributes as { type?: unknown }).type);

/** Updates, each set by itself in bulk when large enough. Updates repeat safely, so a job that
 * stopped before it ran is simply written again through collections. */
export async function updateSets(
  client: OrgClient,
  version: string,
  sets: Write[][],
  bulkFrom: number,
): Promise<WriteOutcome[]> {
  const out: WriteOutcome[] = [];
  const small: Write[] = [];
  for (const set of sets) {
    if (set.length < bulkFrom || !set.length) {
      small.push(...set);
      continue;
    }
    try {
      const results = await ingest(
        client,
        typeOf(set[0]!),
        'update',
        set.map((w) => w.record),
      );
      out.push(...outcomesOf(set, results, idOf));
    } catch (error) {
      if (!(error instanceof BulkJobStopped)) throw error;
      small.push(...set);
    }
  }
  out.push(...(await updateAll(client, version, small)));
  return out;
}

/**
 * Task creates, in bulk when large enough. A job that stopped part-way may have saved some Tasks:
 * their keys are read back first, and only the rest are created through collections, so no step
 * gets two Tasks.
 */
export async function createTaskSet(
  client: OrgClient,
  reader: OrgReader,
  version: string,
  keyField: string,
  writes: Write[],
  bulkFrom: number,
): Promise<WriteOutcome[]> {
  if (writes.length < bulkFrom || !writes.length)
    return createTasks(client, reader, version, keyField, writes);
  try {
    const results = await ingest(
      client,
      'Task',
      'insert',
      writes.map((w) => w.record),
    );
    return outcomesOf(writes, results, (r) => r[keyField]);
  } catch (error) {
    if (!(error instanceof BulkJobStopped)) throw error;
  }
  const saved = new Set<unknown>();
  for (let i = 0; i < writes.length; i += COLLECTION_SIZE) {
    const keys = writes.slice(i, i + COLLECTION_SIZE).map((w) => w.key!);
    const found = await reader.queryAll({
      saved: `SELECT Id, ${keyField} FROM Task WHERE ${keyField} IN ${inList(keys)}`,
    });
    for (const r of found.saved!) saved.add(r[keyField]);
  }
  const rest = writes.filter((w) => !saved.has(w.key));
  const created = await createTasks(client, reader, version, keyField, rest);
  return [
    ...writes.filter((w) => saved.has(w.key)).map((write) => ({ write, ok: true })),
    ...created,
  ];
}
