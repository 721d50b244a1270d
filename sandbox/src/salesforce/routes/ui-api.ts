import { sfError } from '../errors.js';
import type { SObjectDef } from '../model/field.js';
import { fieldOf, relationshipOf, sobject, sobjectOfId } from '../model/sobjects.js';
import { objectInfo } from '../describe.js';
import { createRecord, updateRecord } from '../records.js';
import type { SfRouter } from '../router.js';
import type { SfRecord, SfStore } from '../store.js';
import type { ApiContext } from './context.js';
import { parseBody, uiCreateSchema, uiUpdateSchema } from '../input.js';
import { asError, recordOf, typeOf, writableType } from './context.js';

/** Related lists csops reads from an Account: the child object and the field pointing at the parent. */
const RELATED_LISTS: Record<string, { child: string; field: string }> = {
  Contacts: { child: 'Contact', field: 'AccountId' },
  Opportunities: { child: 'Opportunity', field: 'AccountId' },
  Cases: { child: 'Case', field: 'AccountId' },
  Events: { child: 'Event', field: 'WhatId' },
  Tasks: { child: 'Task', field: 'WhatId' },
  OpenActivities: { child: 'Task', field: 'WhatId' },
};

const MAX_PAGE = 1999;

type UiField = { displayValue: string | null; value: unknown };

/** The Lightning Data Service record shape (getRecord, createRecord, updateRecord answer it). */
function uiRecord(
  store: SfStore,
  type: SObjectDef,
  r: SfRecord,
  paths: string[][],
): Record<string, unknown> {
  const fields: Record<string, UiField> = {};
  for (const path of paths) put(fields, type, r, path);
  return {
    apiName: type.name,
    childRelationships: {},
    eTag: `${r.Id}:${String(r.SystemModstamp)}`,
    fields,
    id: r.Id,
    lastModifiedById: r.LastModifiedById ?? null,
    lastModifiedDate: r.LastModifiedDate ?? null,
    recordTypeId: null,
    recordTypeInfo: null,
    systemModstamp: r.SystemModstamp ?? null,
    weakEtag: Date.parse(String(r.SystemModstamp).replace('+0000', 'Z')) || 0,
  };

  function put(into: Record<string, UiField>, t: SObjectDef, rec: SfRecord, path: string[]): void {
    if (path.length === 1) {
      const f = fieldOf(t, path[0]!)!;
      const value = rec[f.name] ?? null;
      const label =
        f.type === 'picklist' ? f.picklistValues.find((v) => v.value === value)?.label : undefined;
      into[f.name] = { displayValue: label ?? null, value };
      return;
    }
    const hop = relationshipOf(t, path[0]!)!;
    const id = rec[hop.name];
    const target = typeof id === 'string' ? sobjectOfId(id) : undefined;
    const child = target && typeof id === 'string' ? store.get(target.name, id) : undefined;
    const key = hop.relationshipName!;
    if (!child || !target) {
      into[key] = { displayValue: null, value: null };
      return;
    }
    const existing = into[key]?.value as { fields: Record<string, UiField> } | undefined;
    const nested =
      existing ?? (uiRecord(store, target, child, []) as { fields: Record<string, UiField> });
    put(nested.fields, target, child, path.slice(1));
    into[key] = { displayValue: typeof child.Name === 'string' ? child.Name : null, value: nested };
  }
}

/**
 * `Account.Name,Account.Owner.Name` → paths on `type`. Required fields the object lacks are refused;
 * optional ones are dropped, as Lightning Data Service does for fields the user cannot see.
 */
function fieldPaths(
  type: SObjectDef,
  required: string | null,
  optional: string | null,
): string[][] {
  const out: string[][] = [];
  const resolve = (qualified: string, must: boolean) => {
    const [objectName, ...rest] = qualified.trim().split('.');
    if (!objectName || objectName.toLowerCase() !== type.name.toLowerCase() || rest.length === 0) {
      if (must)
        throw sfError(
          400,
          'INVALID_FIELD',
          `${qualified} is not a field of ${type.name}: give fields as ${type.name}.FieldName`,
        );
      return;
    }
    let t: SObjectDef | undefined = type;
    for (const rel of rest.slice(0, -1)) {
      const hop = relationshipOf(t, rel);
      t = hop ? sobject(hop.referenceTo[0]!) : undefined;
      if (!t) break;
    }
    if (!t || !fieldOf(t, rest[rest.length - 1]!)) {
      if (must)
        throw sfError(400, 'INVALID_FIELD', `What you requested was not found: ${qualified}`);
      return;
    }
    out.push(rest);
  };
  for (const f of (required ?? '').split(',').filter(Boolean)) resolve(f, true);
  for (const f of (optional ?? '').split(',').filter(Boolean)) resolve(f, false);
  if (!required && !optional) return type.fields.map((f) => [f.name]);
  return out;
}

/** The UI API resources the Lightning components' wire adapters and record functions call. */
export function registerUiApiRoutes(router: SfRouter, ctx: ApiContext): void {
  const U = '/services/data/{version}/ui-api';

  router.add('GET', `${U}/object-info/{type}`, (req) => ({
    status: 200,
    body: objectInfo(typeOf(req.params.type!)),
  }));

  router.add('GET', `${U}/records/{id}`, (req) => {
    const type = sobjectOfId(req.params.id!);
    if (!type) throw sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const r = recordOf(ctx.store, type, req.params.id!);
    const paths = fieldPaths(type, req.query.get('fields'), req.query.get('optionalFields'));
    return { status: 200, body: uiRecord(ctx.store, type, r, paths) };
  });

  router.add('POST', `${U}/records`, (req) => {
    const b = parseBody(uiCreateSchema, req.body);
    const type = writableType(b.apiName);
    try {
      const r = createRecord(ctx, type, b.fields);
      return {
        status: 201,
        body: uiRecord(
          ctx.store,
          type,
          r,
          Object.keys(b.fields)
            .map((f) => [f])
            .concat([['Id']]),
        ),
      };
    } catch (err) {
      throw asError(err);
    }
  });

  router.add('PATCH', `${U}/records/{id}`, (req) => {
    const type = sobjectOfId(req.params.id!);
    if (!type) throw sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const before = recordOf(ctx.store, writableType(type.name), req.params.id!);
    const { fields } = parseBody(uiUpdateSchema, req.body);
    try {
      const r = updateRecord(ctx, type, before.Id, fields);
      return {
        status: 200,
        body: uiRecord(
          ctx.store,
          type,
          r,
          Object.keys(fields)
            .filter((f) => f !== 'Id')
            .map((f) => [f])
            .concat([['Id']]),
        ),
      };
    } catch (err) {
      throw asError(err);
    }
  });

  router.add('GET', `${U}/related-list-records/{parentId}/{relatedListId}`, (req) => {
    const list = RELATED_LISTS[req.params.relatedListId!];
    if (!list)
      throw sfError(404, 'NOT_FOUND', `Related list ${req.params.relatedListId} is not available`);
    const parentType = sobjectOfId(req.params.parentId!);
    if (!parentType) throw sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const parent = recordOf(ctx.store, parentType, req.params.parentId!);
    const child = sobject(list.child)!;
    const paths = fieldPaths(child, req.query.get('fields'), req.query.get('optionalFields'));
    const pageSize = Math.min(MAX_PAGE, Math.max(1, Number(req.query.get('pageSize') ?? 50) || 50));
    let rows = ctx.store.list(child.name).filter((r) => r[list.field] === parent.Id);
    for (const s of (req.query.get('sortBy') ?? '').split(',').filter(Boolean).reverse()) {
      const desc = s.startsWith('-');
      const name = s.replace(/^-/, '').split('.').pop()!;
      const f = fieldOf(child, name);
      if (!f) throw sfError(400, 'INVALID_FIELD', `Cannot sort by ${s}`);
      rows = [...rows].sort((a, b) => {
        const x = a[f.name] ?? '';
        const y = b[f.name] ?? '';
        return (x < y ? -1 : x > y ? 1 : 0) * (desc ? -1 : 1);
      });
    }
    const page = rows.slice(0, pageSize);
    return {
      status: 200,
      body: {
        count: page.length,
        currentPageToken: '0',
        currentPageUrl: null,
        fields: (req.query.get('fields') ?? '').split(',').filter(Boolean),
        optionalFields: (req.query.get('optionalFields') ?? '').split(',').filter(Boolean),
        listReference: {
          inContextOfRecordId: parent.Id,
          parentObjectApiName: parentType.name,
          relatedListId: req.params.relatedListId,
          fieldApiName: list.field,
        },
        nextPageToken: rows.length > pageSize ? String(pageSize) : null,
        nextPageUrl: null,
        pageSize,
        parentRecordId: parent.Id,
        previousPageToken: null,
        previousPageUrl: null,
        records: page.map((r) => uiRecord(ctx.store, child, r, paths)),
        sortBy: (req.query.get('sortBy') ?? '').split(',').filter(Boolean),
      },
    };
  });
}
