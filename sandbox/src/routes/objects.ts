import { z } from 'zod';
import type { BatchResponseSimplePublicObject } from '@hubspot/api-client/lib/codegen/crm/objects/models/BatchResponseSimplePublicObject.js';
import type { BatchResponseSimplePublicObjectWithErrors } from '@hubspot/api-client/lib/codegen/crm/objects/models/BatchResponseSimplePublicObjectWithErrors.js';
import type { CollectionResponseAssociatedId } from '@hubspot/api-client/lib/codegen/crm/objects/models/CollectionResponseAssociatedId.js';
import type { CollectionResponseSimplePublicObjectWithAssociationsForwardPaging } from '@hubspot/api-client/lib/codegen/crm/objects/models/CollectionResponseSimplePublicObjectWithAssociationsForwardPaging.js';
import type { CollectionResponseWithTotalSimplePublicObjectForwardPaging } from '@hubspot/api-client/lib/codegen/crm/objects/models/CollectionResponseWithTotalSimplePublicObjectForwardPaging.js';
import type { SimplePublicObject } from '@hubspot/api-client/lib/codegen/crm/objects/models/SimplePublicObject.js';
import type { SimplePublicObjectWithAssociations } from '@hubspot/api-client/lib/codegen/crm/objects/models/SimplePublicObjectWithAssociations.js';
import { BatchResponseSimplePublicObjectStatusEnum } from '@hubspot/api-client/lib/codegen/crm/objects/models/BatchResponseSimplePublicObject.js';
import { BatchResponseSimplePublicObjectWithErrorsStatusEnum } from '@hubspot/api-client/lib/codegen/crm/objects/models/BatchResponseSimplePublicObjectWithErrors.js';
import { associationTypeName } from '../crm/association-types.js';
import type { ObjectType } from '../crm/object-types.js';
import {
  archiveRecord,
  checkIdProperty,
  createRecords,
  requireRecord,
  resolveRecord,
  updateRecords,
  viewProperties,
} from '../crm/records.js';
import { OPERATORS, checkQuery, runSearch, SEARCH_LIMITS } from '../crm/search.js';
import type { SearchQuery } from '../crm/search.js';
import { validationError } from '../errors.js';
import { boolParam, intParam, listParam, parseInput } from '../http/input.js';
import type { Router } from '../http/router.js';
import type { CrmStore } from '../store/store.js';
import type { CrmRecord } from '../store/types.js';
import { API, modelReply, noContent } from '../wire.js';
import { checkBatchSize, date, idString, propertyValues, requireType } from './common.js';

const associationSpec = z.object({
  associationCategory: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']),
  associationTypeId: z.number().int(),
});
const associationsForObject = z.array(
  z.object({ to: z.object({ id: idString }), types: z.array(associationSpec).min(1) }),
);
const createBody = z.object({
  properties: propertyValues,
  associations: associationsForObject.optional(),
});
const updateBody = z.object({ properties: propertyValues });
const batchCreateBody = z.object({ inputs: z.array(createBody) });
const batchUpdateBody = z.object({
  inputs: z.array(
    z.object({ id: idString, properties: propertyValues, idProperty: z.string().optional() }),
  ),
});
const batchReadBody = z.object({
  inputs: z.array(z.object({ id: idString })),
  properties: z.array(z.string()).optional(),
  propertiesWithHistory: z.array(z.string()).optional(),
  idProperty: z.string().optional(),
});
const batchArchiveBody = z.object({ inputs: z.array(z.object({ id: idString })) });

const sortInput = z.union([
  z
    .string()
    .min(1)
    .transform((s) =>
      s.startsWith('-')
        ? { propertyName: s.slice(1), direction: 'DESCENDING' as const }
        : { propertyName: s, direction: 'ASCENDING' as const },
    ),
  z.object({
    propertyName: z.string().min(1),
    direction: z.enum(['ASCENDING', 'DESCENDING']).default('ASCENDING'),
  }),
]);
const filterInput = z.object({
  propertyName: z.string().min(1),
  operator: z.enum(OPERATORS),
  value: z.union([z.string(), z.number(), z.boolean()]).transform(String).optional(),
  highValue: z.union([z.string(), z.number()]).transform(String).optional(),
  values: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
});
const searchBody = z.object({
  filterGroups: z.array(z.object({ filters: z.array(filterInput) })).default([]),
  sorts: z.array(sortInput).default([]),
  query: z.string().optional(),
  properties: z.array(z.string()).optional(),
  limit: z.number().int().min(0).default(10),
  after: z.union([z.string(), z.number()]).transform(String).optional(),
});

function toObject(
  type: ObjectType,
  r: CrmRecord,
  properties: string[] | undefined,
): SimplePublicObject {
  return {
    id: r.id,
    properties: viewProperties(type, r, properties),
    createdAt: date(r.createdAt),
    updatedAt: date(r.updatedAt),
    archived: r.archived,
    archivedAt: r.archivedAt ? date(r.archivedAt) : undefined,
  };
}

function withAssociations(
  store: CrmStore,
  type: ObjectType,
  r: CrmRecord,
  properties: string[] | undefined,
  associations: string[] | undefined,
): SimplePublicObjectWithAssociations {
  const out: SimplePublicObjectWithAssociations = toObject(type, r, properties);
  if (!associations) return out;
  const map: Record<string, CollectionResponseAssociatedId> = {};
  for (const ref of associations) {
    const target = store.objectType(ref);
    if (!target) continue;
    const results = [...store.associations(type.objectTypeId, r.id, target.objectTypeId)].flatMap(
      ([id, typeIds]) =>
        typeIds.map((typeId) => ({ id, type: associationTypeName(type, target, typeId) })),
    );
    if (results.length) map[target.name] = { results };
  }
  if (Object.keys(map).length) out.associations = map;
  return out;
}

function batchResult(
  results: SimplePublicObject[],
  started: Date,
  now: Date,
): BatchResponseSimplePublicObject {
  return {
    status: BatchResponseSimplePublicObjectStatusEnum.Complete,
    results,
    startedAt: started,
    completedAt: now,
  };
}

export function registerObjectRoutes(router: Router, store: CrmStore, now: () => Date): void {
  const O = '/crm/v3/objects/{objectType}';

  router.add('POST', `${O}/search`, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    if (JSON.stringify(ctx.body ?? {}).length > SEARCH_LIMITS.maxBodyChars) {
      throw validationError(
        `Search request bodies are limited to ${SEARCH_LIMITS.maxBodyChars} characters`,
      );
    }
    const body = parseInput(searchBody, ctx.body ?? {}, 'PublicObjectSearchRequest');
    const after = body.after === undefined || body.after === '' ? 0 : Number(body.after);
    if (!Number.isInteger(after) || after < 0)
      throw validationError(
        `after must be a paging cursor from a previous page (was ${body.after})`,
      );
    const query: SearchQuery = {
      filterGroups: body.filterGroups,
      sorts: body.sorts,
      query: body.query,
      limit: body.limit === 0 ? 10 : body.limit,
      after,
    };
    checkQuery(store, type, query);
    const found = runSearch(store, type, query);
    const model: CollectionResponseWithTotalSimplePublicObjectForwardPaging = {
      total: found.total,
      results: found.page.map((r) => toObject(type, r, body.properties)),
      paging:
        found.nextAfter !== undefined ? { next: { after: String(found.nextAfter) } } : undefined,
    };
    return modelReply(
      200,
      API.objects,
      'CollectionResponseWithTotalSimplePublicObjectForwardPaging',
      model,
    );
  });

  router.add('POST', `${O}/batch/read`, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    const started = now();
    const body = parseInput(batchReadBody, ctx.body, 'BatchReadInputSimplePublicObjectId');
    checkBatchSize(body.inputs.length);
    checkIdProperty(store, type, body.idProperty);
    const archived = boolParam(ctx.query, 'archived');
    const results: SimplePublicObject[] = [];
    const missing: string[] = [];
    for (const { id } of body.inputs) {
      const r = archived
        ? store.getRecord(type.objectTypeId, id)
        : resolveRecord(store, type, id, body.idProperty);
      if (r && r.archived === archived) results.push(toObject(type, r, body.properties));
      else missing.push(id);
    }
    if (!missing.length)
      return modelReply(
        200,
        API.objects,
        'BatchResponseSimplePublicObject',
        batchResult(results, started, now()),
      );
    const model: BatchResponseSimplePublicObjectWithErrors = {
      status: BatchResponseSimplePublicObjectWithErrorsStatusEnum.Complete,
      results,
      numErrors: 1,
      errors: [
        {
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message: `Could not get some ${type.label} objects, they may be deleted or not exist. Check that ids are valid.`,
          context: { ids: missing },
          errors: [],
          links: {},
        },
      ],
      startedAt: started,
      completedAt: now(),
    };
    return modelReply(207, API.objects, 'BatchResponseSimplePublicObjectWithErrors', model);
  });

  router.add('POST', `${O}/batch/create`, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    const started = now();
    const body = parseInput(
      batchCreateBody,
      ctx.body,
      'BatchInputSimplePublicObjectBatchInputForCreate',
    );
    checkBatchSize(body.inputs.length);
    const created = createRecords(
      store,
      type,
      body.inputs.map(toCreateInput),
      started.toISOString(),
    );
    return modelReply(
      201,
      API.objects,
      'BatchResponseSimplePublicObject',
      batchResult(
        created.map((r) => toObject(type, r, undefined)),
        started,
        now(),
      ),
    );
  });

  router.add('POST', `${O}/batch/update`, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    const started = now();
    const body = parseInput(batchUpdateBody, ctx.body, 'BatchInputSimplePublicObjectBatchInput');
    checkBatchSize(body.inputs.length);
    const idProperty = body.inputs.find((i) => i.idProperty)?.idProperty;
    const updated = updateRecords(store, type, body.inputs, started.toISOString(), idProperty);
    return modelReply(
      200,
      API.objects,
      'BatchResponseSimplePublicObject',
      batchResult(
        updated.map((r) => toObject(type, r, Object.keys(r.properties))),
        started,
        now(),
      ),
    );
  });

  router.add('POST', `${O}/batch/archive`, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    const body = parseInput(batchArchiveBody, ctx.body, 'BatchInputSimplePublicObjectId');
    checkBatchSize(body.inputs.length);
    const at = now().toISOString();
    for (const { id } of body.inputs) archiveRecord(store, type, id, at);
    return noContent();
  });

  router.add('GET', O, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    const limit = intParam(ctx.query, 'limit', 10, 100);
    const after = ctx.query.get('after');
    const archived = boolParam(ctx.query, 'archived');
    const properties = listParam(ctx.query, 'properties');
    const associations = listParam(ctx.query, 'associations');
    const all = store.listRecords(type.objectTypeId);
    // The cursor is the id to start from, so records created meanwhile never shift a page.
    const start = after ? all.findIndex((r) => Number(r.id) >= Number(after)) : 0;
    const page: CrmRecord[] = [];
    let next: string | undefined;
    for (let i = start < 0 ? all.length : start; i < all.length; i++) {
      const r = all[i]!;
      if (r.archived !== archived) continue;
      if (page.length === limit) {
        next = r.id;
        break;
      }
      page.push(r);
    }
    const model: CollectionResponseSimplePublicObjectWithAssociationsForwardPaging = {
      results: page.map((r) => withAssociations(store, type, r, properties, associations)),
      paging: next ? { next: { after: next, link: `?after=${next}` } } : undefined,
    };
    return modelReply(
      200,
      API.objects,
      'CollectionResponseSimplePublicObjectWithAssociationsForwardPaging',
      model,
    );
  });

  router.add('POST', O, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    const body = parseInput(createBody, ctx.body, 'SimplePublicObjectInputForCreate');
    const [created] = createRecords(store, type, [toCreateInput(body)], now().toISOString());
    return modelReply(201, API.objects, 'SimplePublicObject', toObject(type, created!, undefined));
  });

  router.add('GET', `${O}/{objectId}`, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    const idProperty = ctx.query.get('idProperty') ?? undefined;
    const r = requireRecord(store, type, ctx.params.objectId!, idProperty);
    const model = withAssociations(
      store,
      type,
      r,
      listParam(ctx.query, 'properties'),
      listParam(ctx.query, 'associations'),
    );
    return modelReply(200, API.objects, 'SimplePublicObjectWithAssociations', model);
  });

  router.add('PATCH', `${O}/{objectId}`, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    const body = parseInput(updateBody, ctx.body, 'SimplePublicObjectInput');
    const idProperty = ctx.query.get('idProperty') ?? undefined;
    const [updated] = updateRecords(
      store,
      type,
      [{ id: ctx.params.objectId!, properties: body.properties }],
      now().toISOString(),
      idProperty,
    );
    return modelReply(
      200,
      API.objects,
      'SimplePublicObject',
      toObject(type, updated!, Object.keys(updated!.properties)),
    );
  });

  router.add('DELETE', `${O}/{objectId}`, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    archiveRecord(store, type, ctx.params.objectId!, now().toISOString());
    return noContent();
  });
}

function toCreateInput(body: z.output<typeof createBody>) {
  return {
    properties: body.properties,
    associations: body.associations?.map((a) => ({
      toId: a.to.id,
      typeIds: a.types.map((t) => t.associationTypeId),
    })),
  };
}
