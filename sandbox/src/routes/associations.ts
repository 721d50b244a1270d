import { z } from 'zod';
import type { BatchResponseLabelsBetweenObjectPair } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/BatchResponseLabelsBetweenObjectPair.js';
import type { BatchResponsePublicAssociationMultiWithLabel } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/BatchResponsePublicAssociationMultiWithLabel.js';
import type { BatchResponsePublicAssociationMultiWithLabelWithErrors } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/BatchResponsePublicAssociationMultiWithLabelWithErrors.js';
import type { BatchResponsePublicDefaultAssociation } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/BatchResponsePublicDefaultAssociation.js';
import type { CollectionResponseMultiAssociatedObjectWithLabelForwardPaging } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/CollectionResponseMultiAssociatedObjectWithLabelForwardPaging.js';
import type { LabelsBetweenObjectPair } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/LabelsBetweenObjectPair.js';
import type { MultiAssociatedObjectWithLabel } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/MultiAssociatedObjectWithLabel.js';
import type { PublicAssociationMultiWithLabel } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/PublicAssociationMultiWithLabel.js';
import type { PublicDefaultAssociation } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/PublicDefaultAssociation.js';
import type { StandardError } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/StandardError.js';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/AssociationSpec.js';
import { AssociationSpecWithLabelCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/AssociationSpecWithLabel.js';
import { BatchResponseLabelsBetweenObjectPairStatusEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/BatchResponseLabelsBetweenObjectPair.js';
import { BatchResponsePublicAssociationMultiWithLabelStatusEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/BatchResponsePublicAssociationMultiWithLabel.js';
import { BatchResponsePublicAssociationMultiWithLabelWithErrorsStatusEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/BatchResponsePublicAssociationMultiWithLabelWithErrors.js';
import { BatchResponsePublicDefaultAssociationStatusEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/BatchResponsePublicDefaultAssociation.js';
import { defaultAssociationTypes, labelOf } from '../crm/association-types.js';
import { linkChange, unlinkChange } from '../crm/associations.js';
import type { ObjectType } from '../crm/object-types.js';
import { intParam, parseInput } from '../http/input.js';
import type { Router } from '../http/router.js';
import type { CrmStore } from '../store/store.js';
import { API, modelReply, noContent } from '../wire.js';
import { checkBatchSize, idString, requireType } from './common.js';

/** Associations v4 batch read takes up to 1,000 ids; batch writes up to 2,000 (HubSpot's limits). */
const READ_LIMIT = 1_000;
const WRITE_LIMIT = 2_000;
const PAGE_LIMIT = 500;

const batchReadBody = z.object({
  inputs: z.array(z.object({ id: idString, after: z.string().optional() })),
});
const pairBody = z.object({
  inputs: z.array(z.object({ from: z.object({ id: idString }), to: z.object({ id: idString }) })),
});
const spec = z.object({
  associationCategory: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']),
  associationTypeId: z.number().int(),
});
const batchCreateBody = z.object({
  inputs: z.array(
    z.object({
      from: z.object({ id: idString }),
      to: z.object({ id: idString }),
      types: z.array(spec).min(1),
    }),
  ),
});
const specList = z.array(spec).min(1);

function associated(
  store: CrmStore,
  from: ObjectType,
  fromId: string,
  to: ObjectType,
): MultiAssociatedObjectWithLabel[] {
  return [...store.associations(from.objectTypeId, fromId, to.objectTypeId)]
    .filter(([toId]) => !store.getRecord(to.objectTypeId, toId)?.archived)
    .map(([toId, typeIds]) => ({
      toObjectId: toId,
      associationTypes: typeIds.map((typeId) => ({
        typeId,
        label: labelOf(from, to, typeId),
        category: AssociationSpecWithLabelCategoryEnum.HubspotDefined,
      })),
    }));
}

function page<T>(
  items: T[],
  after: string | undefined,
  limit: number,
): { items: T[]; next?: string } {
  const start = after ? Number(after) || 0 : 0;
  const next = start + limit < items.length ? String(start + limit) : undefined;
  return { items: items.slice(start, start + limit), next };
}

function defaultResults(
  from: ObjectType,
  to: ObjectType,
  pairs: { fromId: string; toId: string }[],
): PublicDefaultAssociation[] {
  return pairs.flatMap(({ fromId, toId }) =>
    defaultAssociationTypes(from, to).map((t) => ({
      _from: { id: fromId },
      to: { id: toId },
      associationSpec: {
        associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined,
        associationTypeId: t.typeId,
      },
    })),
  );
}

export function registerAssociationRoutes(router: Router, store: CrmStore, now: () => Date): void {
  router.add('POST', '/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/read', (ctx) => {
    const from = requireType(store, ctx.params.fromObjectType!);
    const to = requireType(store, ctx.params.toObjectType!);
    const started = now();
    const body = parseInput(
      batchReadBody,
      ctx.body,
      'BatchInputPublicFetchAssociationsBatchRequest',
    );
    checkBatchSize(body.inputs.length, READ_LIMIT);
    const results: PublicAssociationMultiWithLabel[] = [];
    const errors: StandardError[] = [];
    for (const input of body.inputs) {
      const all = associated(store, from, input.id, to);
      if (!all.length) {
        errors.push({
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
          message: `${from.name} ${input.id} has no associated ${to.name}.`,
          context: { fromObjectId: [input.id] },
          errors: [],
          links: {},
        });
        continue;
      }
      const p = page(all, input.after, PAGE_LIMIT);
      results.push({
        _from: { id: input.id },
        to: p.items,
        paging: p.next ? { next: { after: p.next } } : undefined,
      });
    }
    if (!errors.length) {
      const model: BatchResponsePublicAssociationMultiWithLabel = {
        status: BatchResponsePublicAssociationMultiWithLabelStatusEnum.Complete,
        results,
        startedAt: started,
        completedAt: now(),
      };
      return modelReply(
        200,
        API.associations,
        'BatchResponsePublicAssociationMultiWithLabel',
        model,
      );
    }
    const model: BatchResponsePublicAssociationMultiWithLabelWithErrors = {
      status: BatchResponsePublicAssociationMultiWithLabelWithErrorsStatusEnum.Complete,
      results,
      errors,
      numErrors: errors.length,
      startedAt: started,
      completedAt: now(),
    };
    return modelReply(
      207,
      API.associations,
      'BatchResponsePublicAssociationMultiWithLabelWithErrors',
      model,
    );
  });

  router.add(
    'POST',
    '/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/associate/default',
    (ctx) => {
      const from = requireType(store, ctx.params.fromObjectType!);
      const to = requireType(store, ctx.params.toObjectType!);
      const started = now();
      const body = parseInput(pairBody, ctx.body, 'BatchInputPublicDefaultAssociationMultiPost');
      checkBatchSize(body.inputs.length, WRITE_LIMIT);
      const changes = body.inputs.map((i) =>
        linkChange(store, from, i.from.id, to, i.to.id, 'default'),
      );
      store.commit(changes);
      const model: BatchResponsePublicDefaultAssociation = {
        status: BatchResponsePublicDefaultAssociationStatusEnum.Complete,
        results: defaultResults(
          from,
          to,
          body.inputs.map((i) => ({ fromId: i.from.id, toId: i.to.id })),
        ),
        startedAt: started,
        completedAt: now(),
      };
      return modelReply(200, API.associations, 'BatchResponsePublicDefaultAssociation', model);
    },
  );

  router.add('POST', '/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/create', (ctx) => {
    const from = requireType(store, ctx.params.fromObjectType!);
    const to = requireType(store, ctx.params.toObjectType!);
    const started = now();
    const body = parseInput(batchCreateBody, ctx.body, 'BatchInputPublicAssociationMultiPost');
    checkBatchSize(body.inputs.length, WRITE_LIMIT);
    const changes = body.inputs.map((i) =>
      linkChange(
        store,
        from,
        i.from.id,
        to,
        i.to.id,
        i.types.map((t) => t.associationTypeId),
      ),
    );
    store.commit(changes);
    const model: BatchResponseLabelsBetweenObjectPair = {
      status: BatchResponseLabelsBetweenObjectPairStatusEnum.Complete,
      results: body.inputs.map((i) =>
        labelsBetween(
          from,
          i.from.id,
          to,
          i.to.id,
          i.types.map((t) => t.associationTypeId),
        ),
      ),
      startedAt: started,
      completedAt: now(),
    };
    return modelReply(201, API.associations, 'BatchResponseLabelsBetweenObjectPair', model);
  });

  router.add(
    'PUT',
    '/crm/v4/objects/{fromObjectType}/{fromObjectId}/associations/default/{toObjectType}/{toObjectId}',
    (ctx) => {
      const from = requireType(store, ctx.params.fromObjectType!);
      const to = requireType(store, ctx.params.toObjectType!);
      const started = now();
      const change = linkChange(
        store,
        from,
        ctx.params.fromObjectId!,
        to,
        ctx.params.toObjectId!,
        'default',
      );
      store.commit([change]);
      const model: BatchResponsePublicDefaultAssociation = {
        status: BatchResponsePublicDefaultAssociationStatusEnum.Complete,
        results: defaultResults(from, to, [
          { fromId: ctx.params.fromObjectId!, toId: ctx.params.toObjectId! },
        ]),
        startedAt: started,
        completedAt: now(),
      };
      return modelReply(200, API.associations, 'BatchResponsePublicDefaultAssociation', model);
    },
  );

  router.add(
    'GET',
    '/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}',
    (ctx) => {
      const from = requireType(store, ctx.params.objectType!);
      const to = requireType(store, ctx.params.toObjectType!);
      const limit = intParam(ctx.query, 'limit', PAGE_LIMIT, PAGE_LIMIT);
      const p = page(
        associated(store, from, ctx.params.objectId!, to),
        ctx.query.get('after') ?? undefined,
        limit,
      );
      const model: CollectionResponseMultiAssociatedObjectWithLabelForwardPaging = {
        results: p.items,
        paging: p.next ? { next: { after: p.next } } : undefined,
      };
      return modelReply(
        200,
        API.associations,
        'CollectionResponseMultiAssociatedObjectWithLabelForwardPaging',
        model,
      );
    },
  );

  router.add(
    'PUT',
    '/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}',
    (ctx) => {
      const from = requireType(store, ctx.params.objectType!);
      const to = requireType(store, ctx.params.toObjectType!);
      const types = parseInput(specList, ctx.body, 'Array<AssociationSpec>').map(
        (t) => t.associationTypeId,
      );
      store.commit([
        linkChange(store, from, ctx.params.objectId!, to, ctx.params.toObjectId!, types),
      ]);
      return modelReply(
        201,
        API.associations,
        'LabelsBetweenObjectPair',
        labelsBetween(from, ctx.params.objectId!, to, ctx.params.toObjectId!, types),
      );
    },
  );

  router.add(
    'DELETE',
    '/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}',
    (ctx) => {
      const from = requireType(store, ctx.params.objectType!);
      const to = requireType(store, ctx.params.toObjectType!);
      store.commit([unlinkChange(from, ctx.params.objectId!, to, ctx.params.toObjectId!)]);
      return noContent();
    },
  );
}

function labelsBetween(
  from: ObjectType,
  fromId: string,
  to: ObjectType,
  toId: string,
  typeIds: number[],
): LabelsBetweenObjectPair {
  return {
    fromObjectTypeId: from.objectTypeId,
    fromObjectId: fromId,
    toObjectTypeId: to.objectTypeId,
    toObjectId: toId,
    labels: typeIds.map((t) => labelOf(from, to, t)).filter((l): l is string => l !== undefined),
  };
}
