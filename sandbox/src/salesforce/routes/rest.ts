import { sfError } from '../errors.js';
import { SOBJECTS, fieldOf } from '../model/sobjects.js';
import { createRecord, deleteRecord, updateRecord, upsertRecord } from '../records.js';
import type { SfRouter } from '../router.js';
import { SoqlError } from '../soql/ast.js';
import { runQuery } from '../soql/evaluate.js';
import { parseSoql } from '../soql/parse.js';
import { describeSObject, globalEntry } from '../describe.js';
import type { ApiContext } from './context.js';
import {
  asError,
  base,
  objectBody,
  recordOf,
  shapeRecord,
  typeOf,
  urlFor,
  writableType,
} from './context.js';

const DEFAULT_BATCH = 2000;
/** Open query cursors kept at once; the oldest is dropped past this, as an expired locator. */
const MAX_CURSORS = 50;

/** sObject resources, SOQL query with paging, limits. */
export function registerRestRoutes(router: SfRouter, ctx: ApiContext): void {
  const V = '/services/data/{version}';
  const cursors = new Map<
    string,
    { rows: Record<string, unknown>[]; totalSize: number; batch: number }
  >();
  let cursorSerial = 0;

  router.add('GET', V, (req) => {
    const b = base(req.params.version!);
    return {
      status: 200,
      body: Object.fromEntries(
        ['sobjects', 'query', 'queryAll', 'limits', 'composite', 'ui-api'].map((k) => [
          k,
          `${b}/${k}`,
        ]),
      ),
    };
  });

  router.add('GET', `${V}/limits`, () => {
    const { used, max } = ctx.usage();
    return {
      status: 200,
      body: {
        DailyApiRequests: { Max: max, Remaining: Math.max(0, max - used) },
        DailyBulkApiBatches: { Max: 15_000, Remaining: 15_000 },
        DataStorageMB: { Max: 5, Remaining: 5 },
        SingleEmail: { Max: 15, Remaining: 15 },
      },
    };
  });

  router.add('GET', `${V}/sobjects`, (req) => ({
    status: 200,
    body: {
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: [...SOBJECTS.values()].map((t) => globalEntry(t, base(req.params.version!))),
    },
  }));

  router.add('GET', `${V}/sobjects/{type}/describe`, (req) => ({
    status: 200,
    body: describeSObject(typeOf(req.params.type!), base(req.params.version!)),
  }));

  router.add('GET', `${V}/sobjects/{type}`, (req) => {
    const t = typeOf(req.params.type!);
    return {
      status: 200,
      body: { objectDescribe: globalEntry(t, base(req.params.version!)), recentItems: [] },
    };
  });

  router.add('POST', `${V}/sobjects/{type}`, (req) => {
    const t = writableType(req.params.type!);
    try {
      const r = createRecord(ctx, t, objectBody(req.body));
      return { status: 201, body: { id: r.Id, success: true, errors: [] } };
    } catch (err) {
      throw asError(err);
    }
  });

  router.add('GET', `${V}/sobjects/{type}/{id}`, (req) => {
    const t = typeOf(req.params.type!);
    const r = recordOf(ctx.store, t, req.params.id!);
    return { status: 200, body: shapeRecord(t, r, req.params.version!, req.query.get('fields')) };
  });

  router.add('PATCH', `${V}/sobjects/{type}/{id}`, (req) => {
    const t = writableType(req.params.type!);
    const r = recordOf(ctx.store, t, req.params.id!);
    try {
      updateRecord(ctx, t, r.Id, objectBody(req.body));
    } catch (err) {
      throw asError(err);
    }
    return { status: 204 };
  });

  router.add('DELETE', `${V}/sobjects/{type}/{id}`, (req) => {
    const t = writableType(req.params.type!);
    const r = recordOf(ctx.store, t, req.params.id!);
    deleteRecord(ctx, t, r.Id);
    return { status: 204 };
  });

  router.add('GET', `${V}/sobjects/{type}/{field}/{value}`, (req) => {
    const t = typeOf(req.params.type!);
    const f = fieldOf(t, req.params.field!);
    if (!f?.externalId && !f?.idLookup)
      throw sfError(
        404,
        'NOT_FOUND',
        `Provided external ID field does not exist or is not accessible: ${req.params.field}`,
      );
    const r = ctx.store.findUnique(t.name, f.name, req.params.value!);
    if (!r) throw sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
    return { status: 200, body: shapeRecord(t, r, req.params.version!, req.query.get('fields')) };
  });

  router.add('PATCH', `${V}/sobjects/{type}/{field}/{value}`, (req) => {
    const t = writableType(req.params.type!);
    try {
      const { record, created } = upsertRecord(
        ctx,
        t,
        req.params.field!,
        req.params.value!,
        objectBody(req.body),
      );
      return {
        status: created ? 201 : 200,
        body: { id: record.Id, success: true, errors: [], created },
      };
    } catch (err) {
      throw asError(err);
    }
  });

  const query = (req: Parameters<Parameters<SfRouter['add']>[2]>[0]) => {
    const soql = req.query.get('q');
    if (!soql) throw sfError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
    let rows;
    try {
      rows = runQuery(ctx.store, parseSoql(soql), ctx.now(), urlFor(req.params.version!));
    } catch (err) {
      if (err instanceof SoqlError) throw sfError(400, err.errorCode, err.message);
      throw err;
    }
    const batch = batchSize(req.headers['sforce-query-options']);
    return page(req.params.version!, { rows: rows.rows, totalSize: rows.totalSize, batch }, 0);
  };
  router.add('GET', `${V}/query`, query);
  router.add('GET', `${V}/queryAll`, query);

  const more = (req: Parameters<Parameters<SfRouter['add']>[2]>[0]) => {
    const m = /^(.+)-(\d+)$/.exec(req.params.locator!);
    const cursor = m ? cursors.get(m[1]!) : undefined;
    if (!m || !cursor) throw sfError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    return page(req.params.version!, cursor, Number(m[2]), m[1]);
  };
  router.add('GET', `${V}/query/{locator}`, more);
  router.add('GET', `${V}/queryAll/{locator}`, more);

  function page(
    version: string,
    cursor: { rows: Record<string, unknown>[]; totalSize: number; batch: number },
    from: number,
    id?: string,
  ) {
    const records = cursor.rows.slice(from, from + cursor.batch);
    const next = from + cursor.batch;
    const done = next >= cursor.rows.length;
    let cursorId = id;
    if (done && id) cursors.delete(id);
    if (!done && !cursorId) {
      cursorId = `01g5g0000${String(++cursorSerial).padStart(9, '0')}`;
      cursors.set(cursorId, cursor);
      if (cursors.size > MAX_CURSORS) cursors.delete(cursors.keys().next().value!);
    }
    return {
      status: 200,
      body: {
        totalSize: cursor.totalSize,
        done,
        ...(done ? {} : { nextRecordsUrl: `${base(version)}/query/${cursorId}-${next}` }),
        records,
      },
    };
  }
}

/** `Sforce-Query-Options: batchSize=N`: Salesforce takes 200 to 2000 and treats it as a hint. */
function batchSize(header: string | undefined): number {
  const m = /batchSize\s*=\s*(\d+)/i.exec(header ?? '');
  if (!m) return DEFAULT_BATCH;
  return Math.min(2000, Math.max(200, Number(m[1])));
}
