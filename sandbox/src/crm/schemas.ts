import { alreadyExists, validationError } from '../errors.js';
import type { CrmStore } from '../store/store.js';
import type { Change, SchemaDef } from '../store/types.js';
import { newProperty } from './definitions.js';
import type { PropertyInput } from './definitions.js';
import { customObjectType } from './object-types.js';
import { customObjectBaseProperties } from './standard-properties.js';

export interface SchemaInput {
  name: string;
  labels: { singular?: string; plural?: string };
  description?: string;
  primaryDisplayProperty?: string;
  requiredProperties: string[];
  searchableProperties?: string[];
  secondaryDisplayProperties?: string[];
  associatedObjects: string[];
  properties: (Omit<PropertyInput, 'groupName'> & { groupName?: string })[];
}

/** Defines a custom object with its properties, the way POST /crm/v3/schemas does. */
export function createSchema(store: CrmStore, input: SchemaInput, at: string): SchemaDef {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(input.name)) {
    throw validationError(
      `Object name "${input.name}" must start with a letter and hold only letters, digits and underscores`,
    );
  }
  if (store.objectType(input.name) || store.schemaList().some((s) => s.name === input.name)) {
    throw alreadyExists(`Object type with name ${input.name} already exists`);
  }
  const names = new Set(input.properties.map((p) => p.name));
  for (const required of [
    ...input.requiredProperties,
    ...(input.primaryDisplayProperty ? [input.primaryDisplayProperty] : []),
  ]) {
    if (!names.has(required))
      throw validationError(
        `Property ${required} is named by the schema but not defined in its properties`,
      );
  }
  for (const target of input.associatedObjects) {
    if (!store.objectType(target))
      throw validationError(`Unknown object type in associatedObjects: ${target}`);
  }
  const id = store.allocateId();
  const schema: SchemaDef = {
    id,
    objectTypeId: `2-${id}`,
    name: input.name,
    fullyQualifiedName: `p${store.meta.portalId}_${input.name}`,
    labels: input.labels,
    description: input.description,
    primaryDisplayProperty: input.primaryDisplayProperty,
    requiredProperties: input.requiredProperties,
    searchableProperties: input.searchableProperties ?? [],
    secondaryDisplayProperties: input.secondaryDisplayProperties ?? [],
    associatedObjects: input.associatedObjects,
    createdAt: at,
    updatedAt: at,
    archived: false,
  };
  const type = customObjectType(
    schema.objectTypeId,
    schema.name,
    schema.fullyQualifiedName,
    schema.primaryDisplayProperty,
    schema.searchableProperties,
  );
  const group = {
    name: `${input.name.toLowerCase()}_information`,
    label: `${input.labels.singular ?? input.name} information`,
    displayOrder: 0,
    archived: false,
  };
  // The schema and its group go in first so its properties validate against them.
  const changes: Change[] = [
    { k: 'schema', s: schema },
    { k: 'group', t: schema.objectTypeId, g: group },
    ...customObjectBaseProperties(at).map((p) => ({
      k: 'prop' as const,
      t: schema.objectTypeId,
      p: { ...p, groupName: group.name },
    })),
  ];
  for (const c of changes) store.apply(c);
  const props = input.properties.map((p) =>
    newProperty(store, type, { ...p, groupName: p.groupName ?? group.name }, at),
  );
  store.commit([
    ...changes,
    ...props.map((p) => ({ k: 'prop' as const, t: schema.objectTypeId, p })),
  ]);
  return schema;
}

export function findSchema(store: CrmStore, ref: string): SchemaDef | undefined {
  const type = store.objectType(ref);
  return type?.custom ? store.schema(type.objectTypeId) : undefined;
}
