import { z } from 'zod';
import type { BatchResponseProperty } from '@hubspot/api-client/lib/codegen/crm/properties/models/BatchResponseProperty.js';
import type { CollectionResponsePropertyGroupNoPaging } from '@hubspot/api-client/lib/codegen/crm/properties/models/CollectionResponsePropertyGroupNoPaging.js';
import type { CollectionResponsePropertyNoPaging } from '@hubspot/api-client/lib/codegen/crm/properties/models/CollectionResponsePropertyNoPaging.js';
import type { Property } from '@hubspot/api-client/lib/codegen/crm/properties/models/Property.js';
import type { PropertyGroup } from '@hubspot/api-client/lib/codegen/crm/properties/models/PropertyGroup.js';
import { BatchResponsePropertyStatusEnum } from '@hubspot/api-client/lib/codegen/crm/properties/models/BatchResponseProperty.js';
import {
  createGroup,
  createProperties,
  requireProperty,
  updateProperty,
} from '../crm/definitions.js';
import { notFound } from '../errors.js';
import { boolParam, parseInput } from '../http/input.js';
import type { Router } from '../http/router.js';
import type { CrmStore } from '../store/store.js';
import type { PropertyDef, PropertyGroupDef } from '../store/types.js';
import { API, modelReply } from '../wire.js';
import { checkBatchSize, date, requireType } from './common.js';

const PROPERTY_TYPES = ['string', 'number', 'date', 'datetime', 'enumeration', 'bool'] as const;
const FIELD_TYPES = [
  'textarea',
  'text',
  'date',
  'file',
  'number',
  'select',
  'radio',
  'checkbox',
  'booleancheckbox',
  'calculation_equation',
  'html',
  'phonenumber',
] as const;

export const optionInput = z.object({
  label: z.string().min(1),
  value: z.string(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
  description: z.string().optional(),
});

export const propertyCreate = z.object({
  name: z.string().min(1),
  label: z.string().min(1),
  type: z.enum(PROPERTY_TYPES),
  fieldType: z.enum(FIELD_TYPES),
  groupName: z.string().min(1),
  description: z.string().optional(),
  options: z.array(optionInput).optional(),
  displayOrder: z.number().int().optional(),
  hasUniqueValue: z.boolean().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
});
const propertyUpdate = propertyCreate.omit({ name: true }).partial();
const groupCreate = z.object({
  name: z.string().min(1),
  label: z.string().min(1),
  displayOrder: z.number().int().optional(),
});

export function toProperty(p: PropertyDef): Property {
  return {
    name: p.name,
    label: p.label,
    type: p.type,
    fieldType: p.fieldType,
    groupName: p.groupName,
    description: p.description,
    options: p.options,
    displayOrder: p.displayOrder,
    hasUniqueValue: p.hasUniqueValue,
    hidden: p.hidden,
    formField: p.formField,
    hubspotDefined: p.hubspotDefined,
    calculated: p.calculated,
    externalOptions: false,
    archived: p.archived,
    createdAt: date(p.createdAt),
    updatedAt: date(p.updatedAt),
    modificationMetadata: {
      archivable: !p.hubspotDefined,
      readOnlyDefinition: p.hubspotDefined,
      readOnlyValue: p.readOnlyValue,
    },
  };
}

function toGroup(g: PropertyGroupDef): PropertyGroup {
  return { name: g.name, label: g.label, displayOrder: g.displayOrder, archived: g.archived };
}

export function registerPropertyRoutes(router: Router, store: CrmStore, now: () => Date): void {
  const P = '/crm/v3/properties/{objectType}';

  router.add('GET', `${P}/groups`, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    const model: CollectionResponsePropertyGroupNoPaging = {
      results: [...store.propertyGroups(type.objectTypeId).values()]
        .filter((g) => !g.archived)
        .map(toGroup),
    };
    return modelReply(200, API.properties, 'CollectionResponsePropertyGroupNoPaging', model);
  });

  router.add('POST', `${P}/groups`, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    const body = parseInput(groupCreate, ctx.body, 'PropertyGroupCreate');
    return modelReply(
      201,
      API.properties,
      'PropertyGroup',
      toGroup(createGroup(store, type, body)),
    );
  });

  router.add('GET', `${P}/groups/{groupName}`, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    const g = store.propertyGroups(type.objectTypeId).get(ctx.params.groupName!);
    if (!g || g.archived) throw notFound(`Property group ${ctx.params.groupName} does not exist`);
    return modelReply(200, API.properties, 'PropertyGroup', toGroup(g));
  });

  router.add('POST', `${P}/batch/create`, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    const started = now();
    const body = parseInput(
      z.object({ inputs: z.array(propertyCreate) }),
      ctx.body,
      'BatchInputPropertyCreate',
    );
    checkBatchSize(body.inputs.length);
    const created = createProperties(store, type, body.inputs, started.toISOString());
    const model: BatchResponseProperty = {
      status: BatchResponsePropertyStatusEnum.Complete,
      results: created.map(toProperty),
      startedAt: started,
      completedAt: now(),
    };
    return modelReply(201, API.properties, 'BatchResponseProperty', model);
  });

  router.add('POST', `${P}/batch/read`, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    const started = now();
    const body = parseInput(
      z.object({ inputs: z.array(z.object({ name: z.string() })) }),
      ctx.body,
      'BatchReadInputPropertyName',
    );
    const found = body.inputs
      .map((i) => store.property(type.objectTypeId, i.name))
      .filter((p): p is PropertyDef => !!p && !p.archived);
    const model: BatchResponseProperty = {
      status: BatchResponsePropertyStatusEnum.Complete,
      results: found.map(toProperty),
      startedAt: started,
      completedAt: now(),
    };
    return modelReply(200, API.properties, 'BatchResponseProperty', model);
  });

  router.add('GET', P, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    const archived = boolParam(ctx.query, 'archived');
    const model: CollectionResponsePropertyNoPaging = {
      results: [...store.properties(type.objectTypeId).values()]
        .filter((p) => p.archived === archived)
        .map(toProperty),
    };
    return modelReply(200, API.properties, 'CollectionResponsePropertyNoPaging', model);
  });

  router.add('POST', P, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    const body = parseInput(propertyCreate, ctx.body, 'PropertyCreate');
    const [created] = createProperties(store, type, [body], now().toISOString());
    return modelReply(201, API.properties, 'Property', toProperty(created!));
  });

  router.add('GET', `${P}/{propertyName}`, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    return modelReply(
      200,
      API.properties,
      'Property',
      toProperty(requireProperty(store, type, ctx.params.propertyName!)),
    );
  });

  router.add('PATCH', `${P}/{propertyName}`, (ctx) => {
    const type = requireType(store, ctx.params.objectType!);
    const body = parseInput(propertyUpdate, ctx.body, 'PropertyUpdate');
    const updated = updateProperty(
      store,
      type,
      ctx.params.propertyName!,
      body,
      now().toISOString(),
    );
    return modelReply(200, API.properties, 'Property', toProperty(updated));
  });
}
