import { SalesforceError, sfError } from '../errors.js';
import type { SfErrorItem } from '../errors.js';
import { normaliseId } from '../ids.js';
import { sobjectOfId } from '../model/sobjects.js';
import { createRecord, deleteRecord, updateRecord, upsertRecord } from '../records.js';
import type { SfReply, SfRequest, SfRouter } from '../router.js';
import { batchSchema, collectionSchema, compositeSchema, parseBody } from '../input.js';
import { FieldProblem } from '../values.js';
import type { ApiContext } from './context.js';
import { shapeRecord, typeOf, writableType } from './context.js';

/** Salesforce's cap on records in one sObject Collections call. */
export const MAX_COLLECTION = 200;
/** And on subrequests in one composite request, and in one batch. */
export const MAX_SUBREQUESTS = 25;

type Dispatch = (
  method: string,
  url: string,
  body: unknown,
  headers: SfRequest['headers'],
) => SfReply;

interface SaveResult {
  id?: string;
  success: boolean;
  errors: { statusCode: string; message: string; fields: string[] }[];
  created?: boolean;
}

const ROLLED_BACK: SaveResult['errors'][number] = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message:
    'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

function failed(item: SfErrorItem): SaveResult {
  return {
    success: false,
    errors: [{ statusCode: item.errorCode, message: item.message, fields: item.fields ?? [] }],
  };
}

function collectionBody(body: unknown): { allOrNone: boolean; records: Record<string, unknown>[] } {
  const b = parseBody(collectionSchema, body);
  if (b.records.length > MAX_COLLECTION)
    throw sfError(
      400,
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${MAX_COLLECTION} records into this call`,
    );
  return { allOrNone: b.allOrNone === true, records: b.records };
}

/** sObject Collections, composite and composite/batch. */
export function registerCompositeRoutes(
  router: SfRouter,
  ctx: ApiContext,
  dispatch: Dispatch,
): void {
  const V = '/services/data/{version}';

  /** Runs one save per record; with allOrNone a single failure undoes every save of the call. */
  const saveEach = (
    allOrNone: boolean,
    records: Record<string, unknown>[],
    save: (r: Record<string, unknown>) => SaveResult,
  ) => {
    const mark = ctx.store.savepoint();
    const results = records.map((r) => {
      const inner = ctx.store.savepoint();
      try {
        return save(r);
      } catch (err) {
        ctx.store.rollback(inner);
        if (err instanceof FieldProblem) return failed(err.item);
        if (err instanceof SalesforceError) return failed(err.errors[0]!);
        throw err;
      }
    });
    if (allOrNone && results.some((r) => !r.success)) {
      ctx.store.rollback(mark);
      return results.map((r) =>
        r.success ? { id: r.id, success: false, errors: [ROLLED_BACK] } : r,
      );
    }
    return results;
  };

  const typeName = (r: Record<string, unknown>) => {
    const t = (r.attributes as { type?: unknown } | undefined)?.type;
    if (typeof t !== 'string')
      throw new FieldProblem({
        errorCode: 'INVALID_TYPE',
        message: 'When creating or updating records, every record needs attributes.type',
        fields: [],
      });
    return writableType(t);
  };

  router.add('POST', `${V}/composite/sobjects`, (req) => {
    const { allOrNone, records } = collectionBody(req.body);
    const results = saveEach(allOrNone, records, (r) => {
      if (idOf(r) !== undefined)
        throw new FieldProblem({
          errorCode: 'INVALID_FIELD',
          message: 'cannot specify Id in an insert call',
          fields: ['Id'],
        });
      const rec = createRecord(ctx, typeName(r), r);
      return { id: rec.Id, success: true, errors: [] };
    });
    return { status: 200, body: results };
  });

  router.add('PATCH', `${V}/composite/sobjects`, (req) => {
    const { allOrNone, records } = collectionBody(req.body);
    const results = saveEach(allOrNone, records, (r) => {
      const type = typeName(r);
      const raw = idOf(r);
      const id = typeof raw === 'string' ? normaliseId(raw) : undefined;
      if (!id || sobjectOfId(id)?.name !== type.name)
        throw new FieldProblem({
          errorCode: 'MALFORMED_ID',
          message: `Id in an update call must be the id of a ${type.name}`,
          fields: ['Id'],
        });
      const rec = updateRecord(ctx, type, id, r);
      return { id: rec.Id, success: true, errors: [] };
    });
    return { status: 200, body: results };
  });

  router.add('PATCH', `${V}/composite/sobjects/{type}/{field}`, (req) => {
    const type = writableType(req.params.type!);
    const { allOrNone, records } = collectionBody(req.body);
    const results = saveEach(allOrNone, records, (r) => {
      const key = Object.keys(r).find((k) => k.toLowerCase() === req.params.field!.toLowerCase());
      const value = key ? r[key] : undefined;
      if (typeof value !== 'string' || value === '')
        throw new FieldProblem({
          errorCode: 'MISSING_ARGUMENT',
          message: `${req.params.field} not specified`,
          fields: [],
        });
      const { record, created } = upsertRecord(ctx, type, req.params.field!, value, r);
      return { id: record.Id, success: true, errors: [], created };
    });
    return { status: 200, body: results };
  });

  router.add('DELETE', `${V}/composite/sobjects`, (req) => {
    const ids = (req.query.get('ids') ?? '').split(',').filter(Boolean);
    if (ids.length > MAX_COLLECTION)
      throw sfError(
        400,
        'EXCEEDED_ID_LIMIT',
        `record limit reached. cannot submit more than ${MAX_COLLECTION} records into this call`,
      );
    const results = saveEach(
      req.query.get('allOrNone') === 'true',
      ids.map((Id) => ({ Id })),
      (r) => {
        const id = normaliseId(r.Id as string);
        const type = id ? sobjectOfId(id) : undefined;
        if (!id || !type)
          throw new FieldProblem({
            errorCode: 'MALFORMED_ID',
            message: `malformed id ${String(r.Id)}`,
            fields: [],
          });
        deleteRecord(ctx, writableType(type.name), id);
        return { id, success: true, errors: [] };
      },
    );
    return { status: 200, body: results };
  });

  router.add('GET', `${V}/composite/sobjects/{type}`, (req) => {
    const type = typeOf(req.params.type!);
    const ids = (req.query.get('ids') ?? '').split(',').filter(Boolean);
    if (ids.length > 2000)
      throw sfError(
        400,
        'EXCEEDED_ID_LIMIT',
        'record limit reached. cannot submit more than 2000 records into this call',
      );
    const fields = req.query.get('fields');
    if (!fields) throw sfError(400, 'MISSING_ARGUMENT', 'fields not specified');
    return {
      status: 200,
      body: ids.map((raw) => {
        const id = normaliseId(raw);
        const r = id ? ctx.store.get(type.name, id) : undefined;
        return r ? shapeRecord(type, r, req.params.version!, fields) : null;
      }),
    };
  });

  router.add('POST', `${V}/composite`, (req) => {
    const b = parseBody(compositeSchema, req.body);
    const subs = b.compositeRequest;
    if (subs.length > MAX_SUBREQUESTS)
      throw sfError(
        400,
        'LIMIT_EXCEEDED',
        `Limit Exceeded: A maximum of ${MAX_SUBREQUESTS} subrequests are allowed per composite request`,
      );
    const allOrNone = b.allOrNone === true;
    const mark = ctx.store.savepoint();
    const refs = new Map<string, unknown>();
    const out: {
      body: unknown;
      httpHeaders: Record<string, string>;
      httpStatusCode: number;
      referenceId: string;
    }[] = [];
    let halted = false;
    const seen = new Set<string>();
    for (const { referenceId } of subs) {
      if (seen.has(referenceId))
        throw sfError(
          400,
          'JSON_PARSER_ERROR',
          `Duplicate referenceId provided in the request: ${referenceId}`,
          ['referenceId'],
        );
      seen.add(referenceId);
    }
    for (const raw of subs) {
      const { referenceId } = raw;
      if (halted) {
        out.push({
          body: [
            {
              errorCode: 'PROCESSING_HALTED',
              message:
                'The transaction was rolled back since another operation in the same transaction failed.',
            },
          ],
          httpHeaders: {},
          httpStatusCode: 400,
          referenceId,
        });
        continue;
      }
      let reply: SfReply;
      try {
        const url = substitute(raw.url, refs, true) as string;
        reply = dispatch(
          raw.method,
          url,
          substitute(raw.body, refs, false),
          lower(raw.httpHeaders),
        );
      } catch (err) {
        if (!(err instanceof SalesforceError)) throw err;
        reply = { status: err.status, body: err.errors };
      }
      out.push({
        body: reply.body ?? null,
        httpHeaders: reply.headers ?? {},
        httpStatusCode: reply.status,
        referenceId,
      });
      if (reply.status < 400) refs.set(referenceId, reply.body);
      else if (allOrNone) halted = true;
    }
    if (halted) {
      ctx.store.rollback(mark);
      // Earlier successes were undone too; Salesforce reports them as halted.
      for (const o of out)
        if (o.httpStatusCode < 400) {
          o.httpStatusCode = 400;
          o.body = [
            {
              errorCode: 'PROCESSING_HALTED',
              message:
                'The transaction was rolled back since another operation in the same transaction failed.',
            },
          ];
        }
    }
    return { status: 200, body: { compositeResponse: out } };
  });

  router.add('POST', `${V}/composite/batch`, (req) => {
    const b = parseBody(batchSchema, req.body);
    const subs = b.batchRequests;
    if (subs.length > MAX_SUBREQUESTS)
      throw sfError(
        400,
        'LIMIT_EXCEEDED',
        `Limit Exceeded: A maximum of ${MAX_SUBREQUESTS} subrequests are allowed per batch`,
      );
    let halted = false;
    let hasErrors = false;
    const results = subs.map((s) => {
      if (halted)
        return {
          statusCode: 412,
          result: [
            {
              errorCode: 'BATCH_PROCESSING_HALTED',
              message: 'Batch processing halted per request',
            },
          ],
        };
      let reply: SfReply;
      try {
        // Batch urls are relative to /services/data: `v66.0/sobjects/Account`.
        const url = `/services/data/${s.url.replace(/^\/?(services\/data\/)?/, '')}`;
        reply = dispatch(s.method, url, s.richInput, {});
      } catch (err) {
        if (!(err instanceof SalesforceError)) throw err;
        reply = { status: err.status, body: err.errors };
      }
      if (reply.status >= 400) {
        hasErrors = true;
        if (b.haltOnError) halted = true;
      }
      return { statusCode: reply.status, result: reply.body ?? null };
    });
    return { status: 200, body: { hasErrors, results } };
  });
}

/** Field names are case-insensitive: jsforce sends `id` where the docs write `Id`. */
function idOf(r: Record<string, unknown>): unknown {
  const key = Object.keys(r).find((k) => k.toLowerCase() === 'id');
  return key === undefined ? undefined : r[key];
}

function lower(h: Record<string, string> | undefined): SfRequest['headers'] {
  return Object.fromEntries(Object.entries(h ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Replaces `@{ref.path}` with what an earlier subrequest answered: `@{newAccount.id}`, `@{q.records[0].Id}`. */
function substitute(value: unknown, refs: Map<string, unknown>, inUrl: boolean): unknown {
  if (typeof value === 'string') {
    const whole = /^@\{([^}]+)\}$/.exec(value);
    if (whole && !inUrl) return lookup(whole[1]!, refs);
    return value.replace(/@\{([^}]+)\}/g, (_, expr: string) => {
      const v = lookup(expr, refs);
      return inUrl ? encodeURIComponent(String(v)) : String(v);
    });
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, refs, inUrl));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, substitute(v, refs, inUrl)]),
    );
  return value;
}

function lookup(expr: string, refs: Map<string, unknown>): unknown {
  const [ref, ...path] = expr.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '');
  if (!refs.has(ref!))
    throw sfError(
      400,
      'PROCESSING_HALTED',
      `Invalid reference specified. No value for ${expr} found in ${ref}. Provided referenceId ('${ref}') must be unique and refer to a previous subrequest that succeeded.`,
    );
  let v: unknown = refs.get(ref!);
  for (const p of path) {
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    if (v === undefined)
      throw sfError(
        400,
        'PROCESSING_HALTED',
        `Invalid reference specified. No value for ${expr} found in ${ref}.`,
      );
  }
  return v;
}
