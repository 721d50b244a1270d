import { z } from 'zod';
import type { CollectionResponseObjectSchemaNoPaging } from '@hubspot/api-client/lib/codegen/crm/schemas/models/CollectionResponseObjectSchemaNoPaging.js';
import type { ObjectSchema } from '@hubspot/api-client/lib/codegen/crm/schemas/models/ObjectSchema.js';
import { createSchema, findSchema } from '../crm/schemas.js';
import { notFound } from '../errors.js';
import { parseInput } from '../http/input.js';
import type { Router } from '../http/router.js';
import type { CrmStore } from '../store/store.js';
import type { SchemaDef } from '../store/types.js';
import { API, modelReply } from '../wire.js';
import { date } from './common.js';
import { propertyCreate, toProperty } from './properties.js';

const schemaEgg = z.object({
  name: z.string().min(1),
  labels: z.object({ singular: z.string().optional(), plural: z.string().optional() }),
  description: z.string().optional(),
  primaryDisplayProperty: z.string().optional(),
  requiredProperties: z.array(z.string()),
  searchableProperties: z.array(z.string()).optional(),
  secondaryDisplayProperties: z.array(z.string()).optional(),
  associatedObjects: z.array(z.string()).default([]),
  properties: z.array(propertyCreate.extend({ groupName: z.string().optional() })),
});

function toSchema(store: CrmStore, s: SchemaDef): ObjectSchema {
  return {
    id: s.id,
    objectTypeId: s.objectTypeId,
    name: s.name,
    fullyQualifiedName: s.fullyQualifiedName,
    labels: s.labels,
    description: s.description,
    primaryDisplayProperty: s.primaryDisplayProperty,
    requiredProperties: s.requiredProperties,
    searchableProperties: s.searchableProperties,
    secondaryDisplayProperties: s.secondaryDisplayProperties,
    archived: s.archived,
    createdAt: date(s.createdAt),
    updatedAt: date(s.updatedAt),
    associations: [],
    properties: [...store.properties(s.objectTypeId).values()].map(toProperty),
  };
}

/** The client calls /crm-object-schemas/v3/schemas; HubSpot also serves /crm/v3/schemas. */
export function registerSchemaRoutes(router: Router, store: CrmStore, now: () => Date): void {
  for (const base of ['/crm-object-schemas/v3/schemas', '/crm/v3/schemas']) {
    router.add('GET', base, () => {
      const model: CollectionResponseObjectSchemaNoPaging = {
        results: store
          .schemaList()
          .filter((s) => !s.archived)
          .map((s) => toSchema(store, s)),
      };
      return modelReply(200, API.schemas, 'CollectionResponseObjectSchemaNoPaging', model);
    });
    router.add('POST', base, (ctx) => {
      const body = parseInput(schemaEgg, ctx.body, 'ObjectSchemaEgg');
      const schema = createSchema(store, body, now().toISOString());
      return modelReply(201, API.schemas, 'ObjectSchema', toSchema(store, schema));
    });
    router.add('GET', `${base}/{objectType}`, (ctx) => {
      const schema = findSchema(store, ctx.params.objectType!);
      if (!schema || schema.archived)
        throw notFound(`Unable to find object type ${ctx.params.objectType}`);
      return modelReply(200, API.schemas, 'ObjectSchema', toSchema(store, schema));
    });
  }
}
