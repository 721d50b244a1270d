import {
  conflict,
  HubSpotError,
  invalidPropertyValues,
  notFound,
  validationError,
} from '../errors.js';
import type { InvalidValue } from '../errors.js';
import type { CrmStore } from '../store/store.js';
import type { Change, CrmRecord } from '../store/types.js';
import { associationTypesBetween } from './association-types.js';
import type { ObjectType } from './object-types.js';
import { normaliseValue } from './values.js';

export interface AssociationInput {
  toId: string;
  typeIds: number[];
}

export interface CreateInput {
  properties: Record<string, unknown>;
  associations?: AssociationInput[];
}

export interface UpdateInput {
  id: string;
  properties: Record<string, unknown>;
}

/** Validates written properties; every problem is reported at once, as HubSpot does. */
function checkProperties(
  store: CrmStore,
  type: ObjectType,
  input: Record<string, unknown>,
  creating: boolean,
): Record<string, string> {
  const out: Record<string, string> = {};
  const invalid: InvalidValue[] = [];
  for (const [name, raw] of Object.entries(input)) {
    const def = store.property(type.objectTypeId, name);
    if (!def || def.archived) {
      invalid.push({
        name,
        error: 'PROPERTY_DOESNT_EXIST',
        message: `Property "${name}" does not exist`,
      });
      continue;
    }
    if (def.readOnlyValue && !(creating && name === type.createdProperty)) {
      invalid.push({
        name,
        error: 'READ_ONLY_VALUE',
        message: `${name} is a read only property; its value cannot be set.`,
      });
      continue;
    }
    const v = normaliseValue(def, raw);
    if (!v.ok) invalid.push({ name, error: v.error, message: v.message });
    else if (OWNER_PROPERTIES.has(name) && v.value !== '' && !isOwner(store, v.value)) {
      invalid.push({
        name,
        error: 'INVALID_OWNER_ID',
        message: `${v.value} is not a valid owner id`,
      });
    } else out[name] = v.value;
  }
  if (invalid.length) throw invalidPropertyValues(invalid);
  return out;
}

/** HubSpot's owner properties: a value must be the id of an active owner of the portal. */
const OWNER_PROPERTIES = new Set(['hubspot_owner_id']);

function isOwner(store: CrmStore, id: string): boolean {
  return store.ownerList().some((o) => o.id === id && !o.archived);
}

/** Properties the CRM derives itself, kept consistent on every write. */
function derive(
  type: ObjectType,
  props: Record<string, string>,
  before: Record<string, string> | undefined,
  now: string,
): void {
  if (type.name === 'tasks') {
    const completed = props.hs_task_status === 'COMPLETED';
    const wasCompleted = before?.hs_task_status === 'COMPLETED';
    // Completing stamps the moment; a task completed again keeps its first stamp; reopening clears it.
    if (!completed) props.hs_task_completion_date = '';
    else if (!wasCompleted || !props.hs_task_completion_date) props.hs_task_completion_date = now;
  } else if (type.name === 'deals') {
    const stage = props.dealstage ?? '';
    props.hs_is_closed = String(stage === 'closedwon' || stage === 'closedlost');
    props.hs_is_closed_won = String(stage === 'closedwon');
  } else if (type.name === 'tickets') {
    props.hs_is_closed = String(props.hs_pipeline_stage === '4');
  }
}

function uniqueConflict(
  type: ObjectType,
  prop: string,
  value: string,
  existingId: string,
): HubSpotError {
  const what = type.label.charAt(0) + type.label.slice(1).toLowerCase();
  if (type.name === 'contacts' && prop === 'email') {
    return conflict(`Contact already exists. Existing ID: ${existingId}`, {
      id: [existingId],
      propertyName: [prop],
    });
  }
  return conflict(
    `${what} with ${prop} "${value}" already exists; ${prop} must be unique. Existing ID: ${existingId}`,
    { id: [existingId], propertyName: [prop], value: [value] },
  );
}

/** Refuses values a `hasUniqueValue` property already holds on another record (or earlier in the same batch). */
function checkUnique(
  store: CrmStore,
  type: ObjectType,
  writes: { id?: string; props: Record<string, string> }[],
): void {
  const uniqueProps = [...store.properties(type.objectTypeId).values()].filter(
    (p) => p.hasUniqueValue && !p.archived,
  );
  for (const def of uniqueProps) {
    // value → the write holding it: a record id, or the input's place for a record not made yet.
    const inBatch = new Map<string, string>();
    for (const [i, w] of writes.entries()) {
      const who = w.id ?? `input ${i}`;
      const value = w.props[def.name];
      if (!value) continue;
      const existing = store.findByUnique(type.objectTypeId, def.name, value);
      if (existing && existing.id !== w.id)
        throw uniqueConflict(type, def.name, value, existing.id);
      const earlier = inBatch.get(value);
      if (earlier !== undefined && earlier !== who) {
        // Two inputs of one batch claim the same value: one of them would be the duplicate.
        throw conflict(
          `${def.name} "${value}" appears in more than one input of the batch; ${def.name} must be unique`,
          { propertyName: [def.name], value: [value] },
        );
      }
      inBatch.set(value, who);
    }
  }
}

function associationChanges(
  store: CrmStore,
  from: ObjectType,
  fromId: string,
  to: ObjectType,
  toId: string,
  typeIds: number[],
): Change {
  const known = associationTypesBetween(from, to);
  const inverse = typeIds.map((id) => known.find((k) => k.typeId === id)?.inverseTypeId ?? id);
  const keep = new Set([
    ...store.associationTypeIds(from.objectTypeId, fromId, to.objectTypeId, toId),
    ...typeIds,
  ]);
  const keepInverse = new Set([
    ...store.associationTypeIds(to.objectTypeId, toId, from.objectTypeId, fromId),
    ...inverse,
  ]);
  return {
    k: 'assoc',
    f: from.objectTypeId,
    fi: fromId,
    t: to.objectTypeId,
    ti: toId,
    ty: [...keep],
    inv: [...keepInverse],
  };
}

/** Resolves an association type id to the object type it points at, the way v3 create bodies name it. */
function targetTypeFor(
  store: CrmStore,
  from: ObjectType,
  typeId: number,
  toId: string,
): ObjectType | undefined {
  for (const candidate of store.objectTypes()) {
    if (!associationTypesBetween(from, candidate).some((t) => t.typeId === typeId)) continue;
    if (store.getRecord(candidate.objectTypeId, toId)) return candidate;
  }
  return undefined;
}

export function createRecords(
  store: CrmStore,
  type: ObjectType,
  inputs: CreateInput[],
  now: string,
): CrmRecord[] {
  const prepared = inputs.map((input) => ({
    props: checkProperties(store, type, input.properties, true),
    input,
  }));
  checkUnique(store, type, prepared);
  // Associations are resolved before anything is written, so a bad one leaves nothing behind.
  const links = prepared.map(({ input }) =>
    (input.associations ?? []).map((a) => {
      const target = a.typeIds.length
        ? targetTypeFor(store, type, a.typeIds[0]!, a.toId)
        : undefined;
      if (!target) {
        throw validationError(
          `Could not associate to object ${a.toId} with association type ${a.typeIds.join(', ')}: the type is not valid from ${type.name}, or the object does not exist`,
        );
      }
      return { target, a };
    }),
  );
  const changes: Change[] = [];
  const created: CrmRecord[] = [];
  prepared.forEach(({ props }, i) => {
    const id = store.allocateId();
    const created_ = props[type.createdProperty] || now;
    const properties: Record<string, string> = {
      ...props,
      [type.createdProperty]: created_,
      hs_lastmodifieddate: now,
      hs_object_id: id,
    };
    derive(type, properties, undefined, now);
    const record: CrmRecord = {
      id,
      properties,
      createdAt: created_,
      updatedAt: now,
      archived: false,
    };
    created.push(record);
    changes.push({ k: 'rec', t: type.objectTypeId, r: record });
    for (const { target, a } of links[i]!) {
      changes.push(associationChanges(store, type, id, target, a.toId, a.typeIds));
    }
  });
  store.commit(changes);
  return created;
}

/** Finds the record an update or read names, by id or by a unique `idProperty`. */
export function resolveRecord(
  store: CrmStore,
  type: ObjectType,
  id: string,
  idProperty?: string,
): CrmRecord | undefined {
  const r =
    idProperty && idProperty !== 'hs_object_id'
      ? store.findByProperty(type.objectTypeId, idProperty, id)
      : store.getRecord(type.objectTypeId, id);
  return r && !r.archived ? r : undefined;
}

export function checkIdProperty(
  store: CrmStore,
  type: ObjectType,
  idProperty: string | undefined,
): void {
  if (!idProperty || idProperty === 'hs_object_id') return;
  const def = store.property(type.objectTypeId, idProperty);
  if (!def?.hasUniqueValue) {
    throw validationError(`${idProperty} is not a unique identifier property for ${type.name}`);
  }
}

export function updateRecords(
  store: CrmStore,
  type: ObjectType,
  inputs: UpdateInput[],
  now: string,
  idProperty?: string,
): CrmRecord[] {
  checkIdProperty(store, type, idProperty);
  const missing: string[] = [];
  const prepared = inputs.map((input) => {
    const existing = resolveRecord(store, type, input.id, idProperty);
    if (!existing) missing.push(input.id);
    return { existing, props: checkProperties(store, type, input.properties, false) };
  });
  if (missing.length) {
    throw new HubSpotError(inputs.length === 1 ? 404 : 400, {
      status: 'error',
      message:
        inputs.length === 1
          ? `resource not found`
          : `Could not update some ${type.label} objects, they may be deleted or not exist: ${missing.join(', ')}`,
      category: 'OBJECT_NOT_FOUND',
      context: { ids: missing },
    });
  }
  checkUnique(
    store,
    type,
    prepared.map((p) => ({ id: p.existing!.id, props: p.props })),
  );
  const updated = prepared.map(({ existing, props }) => {
    const properties = { ...existing!.properties, ...props, hs_lastmodifieddate: now };
    derive(type, properties, existing!.properties, now);
    return { ...existing!, properties, updatedAt: now };
  });
  store.commit(updated.map((r) => ({ k: 'rec', t: type.objectTypeId, r })));
  return updated;
}

export function archiveRecord(store: CrmStore, type: ObjectType, id: string, now: string): void {
  const existing = store.getRecord(type.objectTypeId, id);
  // HubSpot answers 204 for an id that is already gone: archiving is idempotent.
  if (!existing || existing.archived) return;
  store.commit([
    {
      k: 'rec',
      t: type.objectTypeId,
      r: { ...existing, archived: true, archivedAt: now, updatedAt: now },
    },
  ]);
}

export function requireRecord(
  store: CrmStore,
  type: ObjectType,
  id: string,
  idProperty?: string,
): CrmRecord {
  checkIdProperty(store, type, idProperty);
  const r = resolveRecord(store, type, id, idProperty);
  if (!r) throw notFound(`Object not found.  objectId are usually numeric.`);
  return r;
}

/** The properties a response shows: the defaults plus those asked for, null where unset. */
export function viewProperties(
  type: ObjectType,
  record: CrmRecord,
  requested: string[] | undefined,
): Record<string, string | null> {
  // Asked-for properties replace the defaults, but the id and timestamps always come back.
  const names =
    requested && requested.length
      ? [...requested, type.createdProperty, 'hs_lastmodifieddate', 'hs_object_id']
      : type.defaultProperties;
  const out: Record<string, string | null> = {};
  for (const name of names) {
    const v = record.properties[name];
    out[name] = v === undefined || v === '' ? null : v;
  }
  return out;
}
