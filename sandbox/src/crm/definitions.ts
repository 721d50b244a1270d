import { alreadyExists, notFound, validationError } from '../errors.js';
import type { CrmStore } from '../store/store.js';
import type { Change, PropertyDef, PropertyGroupDef, PropertyType } from '../store/types.js';
import type { ObjectType } from './object-types.js';

export interface PropertyInput {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName?: string;
  description?: string;
  options?: {
    label: string;
    value: string;
    displayOrder?: number;
    hidden?: boolean;
    description?: string;
  }[];
  displayOrder?: number;
  hasUniqueValue?: boolean;
  hidden?: boolean;
  formField?: boolean;
}

const NAME = /^[a-z][a-z0-9_]*$/;

const BOOL_OPTIONS: NonNullable<PropertyInput['options']> = [
  { label: 'Yes', value: 'true', displayOrder: 0, hidden: false },
  { label: 'No', value: 'false', displayOrder: 1, hidden: false },
];

/** Builds a property definition, refusing what HubSpot refuses (bad name, unknown group, options missing). */
export function newProperty(
  store: CrmStore,
  type: ObjectType,
  input: PropertyInput,
  at: string,
  groupOptional = false,
): PropertyDef {
  if (!NAME.test(input.name)) {
    throw validationError(
      `Property name "${input.name}" must start with a letter and hold only lowercase letters, digits and underscores`,
    );
  }
  if (store.property(type.objectTypeId, input.name)) {
    throw alreadyExists(`Property named '${input.name}' already exists.`);
  }
  const groupName = input.groupName ?? '';
  if (!(groupOptional && !groupName) && !store.propertyGroups(type.objectTypeId).has(groupName)) {
    throw validationError(`Property group '${groupName}' does not exist on ${type.name}`);
  }
  const options =
    input.type === 'bool' && !input.options?.length ? BOOL_OPTIONS : (input.options ?? []);
  if (input.type === 'enumeration' && !options.length) {
    throw validationError(`Enumeration property '${input.name}' needs at least one option`);
  }
  if (input.hasUniqueValue && input.type !== 'string' && input.type !== 'number') {
    throw validationError(
      `Only string and number properties can require unique values (${input.name} is ${input.type})`,
    );
  }
  return {
    name: input.name,
    label: input.label,
    type: input.type,
    fieldType: input.fieldType,
    groupName,
    description: input.description ?? '',
    options: options.map((o, i) => ({
      label: o.label,
      value: o.value,
      displayOrder: o.displayOrder ?? i,
      hidden: o.hidden ?? false,
      description: o.description,
    })),
    displayOrder: input.displayOrder ?? -1,
    hasUniqueValue: input.hasUniqueValue ?? false,
    hidden: input.hidden ?? false,
    formField: input.formField ?? true,
    hubspotDefined: false,
    readOnlyValue: false,
    calculated: false,
    createdAt: at,
    updatedAt: at,
    archived: false,
  };
}

export function createProperties(
  store: CrmStore,
  type: ObjectType,
  inputs: PropertyInput[],
  at: string,
): PropertyDef[] {
  const seen = new Set<string>();
  const defs = inputs.map((input) => {
    if (seen.has(input.name))
      throw validationError(`Property '${input.name}' appears twice in the batch`);
    seen.add(input.name);
    return newProperty(store, type, input, at);
  });
  store.commit(defs.map((p) => ({ k: 'prop', t: type.objectTypeId, p }) satisfies Change));
  return defs;
}

export function requireProperty(store: CrmStore, type: ObjectType, name: string): PropertyDef {
  const def = store.property(type.objectTypeId, name);
  if (!def || def.archived) throw notFound(`Property ${name} does not exist`);
  return def;
}

export function updateProperty(
  store: CrmStore,
  type: ObjectType,
  name: string,
  patch: Partial<Omit<PropertyInput, 'name'>>,
  at: string,
): PropertyDef {
  const def = requireProperty(store, type, name);
  if (def.hubspotDefined && (patch.type || patch.fieldType)) {
    throw validationError(`${name} is defined by HubSpot; its type cannot be changed`);
  }
  if (patch.groupName && !store.propertyGroups(type.objectTypeId).has(patch.groupName)) {
    throw validationError(`Property group '${patch.groupName}' does not exist on ${type.name}`);
  }
  const updated: PropertyDef = {
    ...def,
    ...Object.fromEntries(
      Object.entries(patch).filter(([k, v]) => v !== undefined && k !== 'options'),
    ),
    options: patch.options
      ? patch.options.map((o, i) => ({
          label: o.label,
          value: o.value,
          displayOrder: o.displayOrder ?? i,
          hidden: o.hidden ?? false,
          description: o.description,
        }))
      : def.options,
    updatedAt: at,
  };
  store.commit([{ k: 'prop', t: type.objectTypeId, p: updated }]);
  return updated;
}

export function createGroup(
  store: CrmStore,
  type: ObjectType,
  input: Omit<PropertyGroupDef, 'archived' | 'displayOrder'> & { displayOrder?: number },
): PropertyGroupDef {
  if (!NAME.test(input.name))
    throw validationError(
      `Group name "${input.name}" must be lowercase letters, digits and underscores`,
    );
  if (store.propertyGroups(type.objectTypeId).has(input.name)) {
    throw alreadyExists(`A property group named '${input.name}' already exists.`);
  }
  const group: PropertyGroupDef = {
    name: input.name,
    label: input.label,
    displayOrder: input.displayOrder ?? -1,
    archived: false,
  };
  store.commit([{ k: 'group', t: type.objectTypeId, g: group }]);
  return group;
}
