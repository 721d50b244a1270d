// Bulk API 2.0 ingest for a write set large enough that one job costs fewer API calls than
// sObject Collections. Each record's outcome is read back from the job's successful and failed
// results and reported against its Account exactly as a collection call's would be.
import { COLLECTION_SIZE } from './writes.js';
import type { Write, WriteOutcome } from './writes.js';
import { ApiBudgetSpent } from './org-client.js';
import type { OrgClient } from './org-client.js';

/**
 * Polls one job is expected to take. Salesforce processes a job of a few thousand rows within
 * seconds, and the polls back off from FIRST_POLL_MS (0.5 s, 1 s, 2 s), so three cover 3.5 s.
 */
export const EXPECTED_POLLS = 3;
/** Create the job, upload its CSV, mark it UploadComplete, the polls, then both result sets. */
export const BULK_JOB_CALLS = 3 + EXPECTED_POLLS + 2;
/**
 * Collections take ceil(n / 200) calls for n records, a job BULK_JOB_CALLS (8) whatever n: the job
 * is cheaper once ceil(n / 200) > 8, that is from 8 × 200 + 1 = 1,601 records in one write set.
 */
export const BULK_FROM = BULK_JOB_CALLS * COLLECTION_SIZE + 1;

const FIRST_POLL_MS = 500;
const MAX_POLL_MS = 10_000;
/** A job still running after this long is left to Salesforce; the run stops and says so. */
const POLL_TIMEOUT_MS = 15 * 60_000;
/** A Bulk API 2.0 CSV value that sets a field to null; an empty value leaves it as it is. */
const NULL_VALUE = '#N/A';

/** The job ended before it ran (or Salesforce stopped it): nothing more of it will be written. */
export class BulkJobStopped extends Error {}

type ResultRow = Record<string, unknown>;

function csvValue(v: unknown): string {
  if (v === null) return NULL_VALUE;
  if (v === undefined) return '';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One header for every record's fields: a field a record lacks is sent empty, left unchanged. */
export function toCsv(records: Record<string, unknown>[]): string {
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))].filter(
    (k) => k !== 'attributes',
  );
  const lines = [columns, ...records.map((r) => columns.map((c) => r[c]))];
  return lines.map((l) => l.map(csvValue).join(',') + '\n').join('');
}

/** `CODE:message:fields --` as Salesforce writes sf__Error, in the collections' `CODE: message`. */
export function errorOf(sfError: unknown): string {
  const text = typeof sfError === 'string' ? sfError : '';
  const m = /^([A-Za-z_]+):([\s\S]*?)(?::[^:]*--)?$/.exec(text.trim());
  return m ? `${m[1]}: ${m[2]}` : text || 'no result returned';
}

export interface IngestResults {
  successful: ResultRow[];
  failed: ResultRow[];
}

/**
 * Runs one ingest job; BulkJobStopped when the job stopped before it ran, or Salesforce stopped it.
 * jsforce retries a job's GET and PUT calls on 5xx by itself (its request options are not exposed
 * for bulk2), so those retries are outside `client.calls`; the first attempt of each is counted.
 */
export async function ingest(
  client: OrgClient,
  object: string,
  operation: 'insert' | 'update',
  records: Record<string, unknown>[],
): Promise<IngestResults> {
  const job = client.bulk2.createJob({ object, operation, lineEnding: 'LF' });
  const stop = async (cause: unknown): Promise<never> => {
    if (cause instanceof ApiBudgetSpent) throw cause;
    if (job.id) await client.step(() => job.abort(), false).catch(() => undefined);
    throw new BulkJobStopped(`the ${object} ${operation} job did not start: ${String(cause)}`);
  };
  try {
    await client.step(() => job.open(), false);
    await client.step(() => job.uploadData(toCsv(records)), false);
  } catch (error) {
    return stop(error);
  }
  try {
    await client.step(() => job.close(), false);
  } catch (error) {
    if (error instanceof ApiBudgetSpent) throw error;
    // The answer may be lost after Salesforce took the close: only an Open job has not started.
    const info = await client.step(() => job.check(), true);
    if (info.state === 'Open') return stop(error);
  }
  const started = Date.now();
  for (let wait = FIRST_POLL_MS; ; wait = Math.min(wait * 2, MAX_POLL_MS)) {
    const info = await client.step(() => job.check(), true);
    if (info.state === 'JobComplete') break;
    if (info.state === 'Failed' || info.state === 'Aborted')
      throw new BulkJobStopped(
        `the ${object} ${operation} job ${job.id} ended ${info.state}${info.errorMessage ? `: ${info.errorMessage}` : ''}`,
      );
    if (Date.now() - started > POLL_TIMEOUT_MS)
      throw new Error(
        `the ${object} ${operation} job ${job.id} is still ${info.state} after ${POLL_TIMEOUT_MS / 60_000} minutes; run again once Salesforce has finished it`,
      );
    await client.sleep(wait);
  }
  const successful = await client.step(() => job.getSuccessfulResults(), true);
  const failed = await client.step(() => job.getFailedResults(), true);
  return { successful, failed };
}

/**
 * Each write's outcome, found in the job's results by `keyOf` (the Id of an update, the action key
 * of a Task create); a write in neither list was not processed and is reported so.
 */
export function outcomesOf(
  writes: Write[],
  results: IngestResults,
  keyOf: (record: Record<string, unknown>) => unknown,
): WriteOutcome[] {
  const ok = new Set(results.successful.map((r) => String(keyOf(r))));
  const failed = new Map(results.failed.map((r) => [String(keyOf(r)), r.sf__Error]));
  return writes.map((w) => {
    const key = String(keyOf(w.record));
    if (ok.has(key)) return { write: w, ok: true };
    const error = failed.get(key);
    return {
      write: w,
      ok: false,
      error: error === undefined ? 'not processed by the Bulk API job' : errorOf(error),
    };
  });
}
