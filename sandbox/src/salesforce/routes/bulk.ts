// Bulk API 2.0 ingest: create a job, upload its CSV, mark it UploadComplete, poll it, read its
// successful and failed records back as CSV. The org processes a job the moment it is marked
// UploadComplete, one save per row, each refused row kept with Salesforce's sf__Error.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { SalesforceError, sfError } from '../errors.js';
import { normaliseId, recordId } from '../ids.js';
import { fieldOf, sobjectOfId } from '../model/sobjects.js';
import type { SObjectDef } from '../model/field.js';
import { createRecord, deleteRecord, updateRecord, upsertRecord } from '../records.js';
import type { SfRouter } from '../router.js';
import { parseBody } from '../input.js';
import { FieldProblem } from '../values.js';
import type { ApiContext } from './context.js';
import { writableType } from './context.js';

/** A CSV value setting a field to null; an empty value leaves the field as it is. */
const NULL_VALUE = '#N/A';

const createJobSchema = z.object({
  object: z.string({ error: 'must name the object' }).min(1, 'must name the object'),
  operation: z.enum(['insert', 'update', 'upsert', 'delete'], {
    error: 'must be insert, update, upsert or delete',
  }),
  externalIdFieldName: z.string().min(1).optional(),
  contentType: z.literal('CSV', { error: 'must be CSV' }).default('CSV'),
  columnDelimiter: z.literal('COMMA', { error: 'only COMMA is supported' }).default('COMMA'),
  lineEnding: z.enum(['LF', 'CRLF'], { error: 'must be LF or CRLF' }).default('LF'),
});
const stateSchema = z.object({
  state: z.enum(['UploadComplete', 'Aborted'], { error: 'must be UploadComplete or Aborted' }),
});

type JobState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
type Row = Record<string, string>;

interface IngestJob {
  id: string;
  spec: z.output<typeof createJobSchema>;
  type: SObjectDef;
  state: JobState;
  createdDate: string;
  systemModstamp: string;
  apiVersion: number;
  uploads: string[];
  columns: string[];
  successes: { id: string; created: boolean; row: Row }[];
  failures: { id: string; error: string; row: Row }[];
  unprocessed: Row[];
  errorMessage?: string;
}

/** Bulk job ids carry the `750` key prefix of Salesforce's job records. */
const jobId = (n: number) => recordId('750', n);

/** One CSV field, quoted when it holds a comma, quote or line break. */
function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
function csv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',') + '\n').join('');
}

function sfErrorText(e: { errorCode: string; message: string; fields?: string[] }): string {
  return `${e.errorCode}:${e.message}:${(e.fields ?? []).join(',')} --`;
}

/** A CSV row as a write body: empty leaves a field alone, #N/A clears it, booleans by name. */
function bodyOf(type: SObjectDef, row: Row): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === '') continue;
    if (v === NULL_VALUE) {
      body[k] = null;
      continue;
    }
    const def = fieldOf(type, k);
    body[k] = def?.type === 'boolean' && /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : v;
  }
  return body;
}

export function registerBulkRoutes(router: SfRouter, ctx: ApiContext): void {
  const V = '/services/data/{version}/jobs/ingest';
  const jobs = new Map<string, IngestJob>();
  let serial = 0;

  const info = (j: IngestJob) => ({
    id: j.id,
    operation: j.spec.operation,
    object: j.type.name,
    createdById: ctx.store.meta.apiUserId,
    createdDate: j.createdDate,
    systemModstamp: j.systemModstamp,
    state: j.state,
    ...(j.spec.externalIdFieldName ? { externalIdFieldName: j.spec.externalIdFieldName } : {}),
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: j.apiVersion,
    jobType: 'V2Ingest',
    lineEnding: j.spec.lineEnding,
    columnDelimiter: j.spec.columnDelimiter,
    numberRecordsProcessed: j.successes.length + j.failures.length,
    numberRecordsFailed: j.failures.length,
    retries: 0,
    ...(j.errorMessage ? { errorMessage: j.errorMessage } : {}),
  });

  const jobOf = (raw: string): IngestJob => {
    const j = jobs.get(raw);
    if (!j) throw sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
    return j;
  };

  const touch = (j: IngestJob, state: JobState) => {
    j.state = state;
    j.systemModstamp = ctx.now().toISOString().replace('Z', '+0000');
  };

  const saveRow = (j: IngestJob, row: Row): { id: string; created: boolean } => {
    const body = bodyOf(j.type, row);
    const op = j.spec.operation;
    const idKey = Object.keys(body).find((k) => k.toLowerCase() === 'id');
    const rawId = idKey === undefined ? undefined : body[idKey];
    if (idKey !== undefined) delete body[idKey];
    const id = typeof rawId === 'string' ? normaliseId(rawId) : undefined;
    if (op === 'insert') {
      if (rawId !== undefined)
        throw new FieldProblem({
          errorCode: 'INVALID_FIELD',
          message: 'cannot specify Id in an insert call',
          fields: ['Id'],
        });
      return { id: createRecord(ctx, j.type, body).Id, created: true };
    }
    if (op === 'upsert') {
      const field = j.spec.externalIdFieldName!;
      const key = Object.keys(body).find((k) => k.toLowerCase() === field.toLowerCase());
      const value = key === undefined ? undefined : body[key];
      if (typeof value !== 'string')
        throw new FieldProblem({
          errorCode: 'MISSING_ARGUMENT',
          message: `${field} not specified`,
          fields: [field],
        });
      const { record, created } = upsertRecord(ctx, j.type, field, value, body);
      return { id: record.Id, created };
    }
    if (!id || sobjectOfId(id)?.name !== j.type.name)
      throw new FieldProblem({
        errorCode: 'MALFORMED_ID',
        message: `${j.type.name} ID: id value of incorrect type: ${String(rawId ?? '')}`,
        fields: ['Id'],
      });
    if (op === 'delete') {
      deleteRecord(ctx, j.type, id);
      return { id, created: false };
    }
    return { id: updateRecord(ctx, j.type, id, body).Id, created: false };
  };

  /** Every uploaded row, one save each: a refused row is undone alone and reported. */
  const rowsOf = (j: IngestJob): Row[] =>
    j.uploads.flatMap(
      (text) =>
        parse(text, {
          columns: (header: string[]) => {
            j.columns = header;
            return header;
          },
          skip_empty_lines: true,
        }) as Row[],
    );

  const processJob = (j: IngestJob) => {
    touch(j, 'InProgress');
    let rows: Row[];
    try {
      rows = rowsOf(j);
    } catch (err) {
      j.errorMessage = `InvalidBatch : Failed to parse CSV: ${(err as Error).message}`;
      touch(j, 'Failed');
      return;
    }
    for (const row of rows) {
      const mark = ctx.store.savepoint();
      try {
        j.successes.push({ ...saveRow(j, row), row });
      } catch (err) {
        ctx.store.rollback(mark);
        const item =
          err instanceof FieldProblem
            ? err.item
            : err instanceof SalesforceError
              ? err.errors[0]!
              : undefined;
        if (!item) throw err;
        const id = Object.entries(row).find(([k]) => k.toLowerCase() === 'id')?.[1] ?? '';
        j.failures.push({ id, error: sfErrorText(item), row });
      }
    }
    touch(j, 'JobComplete');
  };

  router.add('POST', V, (req) => {
    const spec = parseBody(createJobSchema, req.body);
    const type = writableType(spec.object);
    if (spec.operation === 'upsert') {
      const f = spec.externalIdFieldName ? fieldOf(type, spec.externalIdFieldName) : undefined;
      if (!f || !(f.externalId || f.idLookup))
        throw sfError(
          400,
          'InvalidJob',
          `InvalidJob : External ID was blank for ${type.name}. An External ID must be specified for upsert.`,
        );
    }
    const at = ctx.now().toISOString().replace('Z', '+0000');
    const j: IngestJob = {
      id: jobId(++serial),
      spec,
      type,
      state: 'Open',
      createdDate: at,
      systemModstamp: at,
      apiVersion: Number(req.params.version!.slice(1)),
      uploads: [],
      columns: [],
      successes: [],
      failures: [],
      unprocessed: [],
    };
    jobs.set(j.id, j);
    return { status: 200, body: info(j) };
  });

  router.add('GET', V, () => ({
    status: 200,
    body: { done: true, records: [...jobs.values()].map(info), nextRecordsUrl: null },
  }));

  router.add('PUT', `${V}/{id}/batches`, (req) => {
    const j = jobOf(req.params.id!);
    if (j.state !== 'Open')
      throw sfError(
        409,
        'INVALIDJOBSTATE',
        `Data can only be uploaded to a job in the Open state; job ${j.id} is ${j.state}`,
      );
    if (!(req.headers['content-type'] ?? '').startsWith('text/csv'))
      throw sfError(400, 'INVALIDCONTENTTYPE', 'Content-Type must be text/csv');
    if (typeof req.body !== 'string' || req.body.trim() === '')
      throw sfError(400, 'ClientInputError', 'The job data is empty');
    j.uploads.push(req.body);
    return { status: 201 };
  });

  router.add('PATCH', `${V}/{id}`, (req) => {
    const j = jobOf(req.params.id!);
    const { state } = parseBody(stateSchema, req.body);
    if (j.state !== 'Open')
      throw sfError(
        400,
        'INVALIDJOBSTATE',
        `Job ${j.id} is ${j.state}; only an Open job can be closed or aborted`,
      );
    if (state === 'Aborted') {
      // What was uploaded is never processed; Salesforce lists it as unprocessed.
      try {
        j.unprocessed = rowsOf(j);
      } catch {
        j.unprocessed = [];
      }
      touch(j, 'Aborted');
      return { status: 200, body: info(j) };
    }
    touch(j, 'UploadComplete');
    const answer = info(j);
    processJob(j);
    return { status: 200, body: answer };
  });

  router.add('GET', `${V}/{id}`, (req) => ({ status: 200, body: info(jobOf(req.params.id!)) }));

  router.add('DELETE', `${V}/{id}`, (req) => {
    const j = jobOf(req.params.id!);
    if (!['UploadComplete', 'JobComplete', 'Aborted', 'Failed'].includes(j.state))
      throw sfError(400, 'INVALIDJOBSTATE', `Job ${j.id} is ${j.state} and cannot be deleted`);
    jobs.delete(j.id);
    return { status: 204 };
  });

  const results = (
    pick: (j: IngestJob) => { lead: string[]; rows: { lead: string[]; row: Row }[] },
  ) => {
    return (req: { params: Record<string, string> }) => {
      const j = jobOf(req.params.id!);
      if (!['JobComplete', 'Failed', 'Aborted'].includes(j.state))
        throw sfError(
          400,
          'INVALIDJOBSTATE',
          `Results are available once job ${j.id} is complete; it is ${j.state}`,
        );
      const { lead, rows } = pick(j);
      const text = csv(
        [...lead, ...j.columns],
        rows.map((r) => [...r.lead, ...j.columns.map((c) => r.row[c] ?? '')]),
      );
      return { status: 200, body: text, headers: { 'Content-Type': 'text/csv' } };
    };
  };
  router.add(
    'GET',
    `${V}/{id}/successfulResults`,
    results((j) => ({
      lead: ['sf__Id', 'sf__Created'],
      rows: j.successes.map((s) => ({ lead: [s.id, String(s.created)], row: s.row })),
    })),
  );
  router.add(
    'GET',
    `${V}/{id}/failedResults`,
    results((j) => ({
      lead: ['sf__Id', 'sf__Error'],
      rows: j.failures.map((f) => ({ lead: [f.id, f.error], row: f.row })),
    })),
  );
  router.add(
    'GET',
    `${V}/{id}/unprocessedrecords`,
    results((j) => ({ lead: [], rows: j.unprocessed.map((row) => ({ lead: [], row })) })),
  );
}
