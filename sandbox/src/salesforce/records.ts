import type { SObjectDef } from './model/field.js';
import { fieldOf, sobjectOfId } from './model/sobjects.js';
import type { SfRecord, SfStore } from './store.js';
import { FieldProblem, coerce, resolveInput, sfDateTime } from './values.js';

/** What a write is done as: the org, and the clock the system fields read. */
export interface WriteContext {
  store: SfStore;
  now: () => Date;
}

const problem = (errorCode: string, message: string, fields: string[] = []) =>
  new FieldProblem({ errorCode, message, fields });

/** Fields Salesforce derives from others on every save. */
function derive(type: string, r: SfRecord, at: string): void {
  if (type === 'Contact' || type === 'User')
    r.Name = [r.FirstName, r.LastName].filter((v) => typeof v === 'string' && v !== '').join(' ');
  if (type === 'Opportunity') {
    r.IsClosed = r.StageName === 'Closed Won' || r.StageName === 'Closed Lost';
    r.IsWon = r.StageName === 'Closed Won';
  }
  if (type === 'Task') r.IsClosed = r.Status === 'Completed';
  if (type === 'Case') {
    const closed = r.Status === 'Closed';
    if (closed && !r.IsClosed) r.ClosedDate = at;
    if (!closed) r.ClosedDate = null;
    r.IsClosed = closed;
  }
}

function exists(store: SfStore) {
  return (id: string) => {
    const t = sobjectOfId(id);
    return t !== undefined && store.get(t.name, id) !== undefined;
  };
}

function checkUnique(ctx: WriteContext, type: SObjectDef, r: SfRecord): void {
  for (const f of type.fields) {
    const v = r[f.name];
    if (!f.unique || typeof v !== 'string' || v === '') continue;
    const holder = ctx.store.findUnique(type.name, f.name, v);
    if (holder && holder.Id !== r.Id)
      throw problem(
        'DUPLICATE_VALUE',
        `duplicate value found: ${f.name} duplicates value on record with id: ${holder.Id}`,
      );
  }
}

/** Creates a record from a request body; throws FieldProblem with Salesforce's error when refused. */
/** `system` sets fields the API never lets a caller write (a seeded history's CreatedDate). */
export function createRecord(
  ctx: WriteContext,
  type: SObjectDef,
  body: Record<string, unknown>,
  system: Partial<SfRecord> = {},
): SfRecord {
  const at = sfDateTime(ctx.now().getTime());
  const r = { Id: '' } as SfRecord;
  for (const f of type.fields) if (f.createable || f.type === 'boolean') r[f.name] = f.defaultValue;
  for (const { def, raw } of resolveInput(type, body, 'create'))
    r[def.name] = coerce(def, raw, exists(ctx.store));
  const owner = fieldOf(type, 'OwnerId');
  if (owner && !r.OwnerId) r.OwnerId = ctx.store.meta.apiUserId;
  const missing = type.fields
    .filter(
      (f) =>
        f.createable &&
        !f.nillable &&
        f.type !== 'boolean' &&
        (r[f.name] === null || r[f.name] === undefined),
    )
    .map((f) => f.name);
  if (missing.length)
    throw problem(
      'REQUIRED_FIELD_MISSING',
      `Required fields are missing: [${missing.join(', ')}]`,
      missing,
    );
  Object.assign(r, {
    IsDeleted: false,
    CreatedDate: at,
    CreatedById: ctx.store.meta.apiUserId,
    LastModifiedDate: at,
    LastModifiedById: ctx.store.meta.apiUserId,
    SystemModstamp: at,
    ...system,
  });
  derive(type.name, r, at);
  r.Id = ctx.store.allocateId(type.name);
  checkUnique(ctx, type, r);
  ctx.store.put(type.name, r);
  return r;
}

export function updateRecord(
  ctx: WriteContext,
  type: SObjectDef,
  id: string,
  body: Record<string, unknown>,
): SfRecord {
  const before = ctx.store.get(type.name, id);
  if (!before) throw problem('ENTITY_IS_DELETED', 'entity is deleted');
  const at = sfDateTime(ctx.now().getTime());
  const r = { ...before };
  for (const { def, raw } of resolveInput(type, body, 'update'))
    r[def.name] = coerce(def, raw, exists(ctx.store));
  const cleared = type.fields
    .filter((f) => f.updateable && !f.nillable && f.type !== 'boolean' && r[f.name] === null)
    .map((f) => f.name);
  if (cleared.length)
    throw problem(
      'REQUIRED_FIELD_MISSING',
      `Required fields are missing: [${cleared.join(', ')}]`,
      cleared,
    );
  Object.assign(r, {
    LastModifiedDate: at,
    LastModifiedById: ctx.store.meta.apiUserId,
    SystemModstamp: at,
  });
  derive(type.name, r, at);
  checkUnique(ctx, type, r);
  ctx.store.put(type.name, r);
  return r;
}

/** Upsert by an external id field: updates the one match, creates when none, refuses when several. */
export function upsertRecord(
  ctx: WriteContext,
  type: SObjectDef,
  fieldName: string,
  value: string,
  body: Record<string, unknown>,
): { record: SfRecord; created: boolean } {
  const def = fieldOf(type, fieldName);
  if (!def || !(def.externalId || def.idLookup))
    throw problem(
      'INVALID_FIELD',
      `Provided external ID field does not exist or is not accessible: ${fieldName}`,
    );
  const rest = Object.fromEntries(
    Object.entries(body).filter(([k]) => k.toLowerCase() !== def.name.toLowerCase()),
  );
  if (def.name === 'Id') {
    if (value && ctx.store.get(type.name, value))
      return { record: updateRecord(ctx, type, value, rest), created: false };
    if (value)
      throw problem(
        'NOT_FOUND',
        'Provided external ID field does not exist or is not accessible: Id',
      );
    return { record: createRecord(ctx, type, rest), created: true };
  }
  const matches = ctx.store.list(type.name).filter((r) => {
    const v = r[def.name];
    return (
      typeof v === 'string' &&
      (def.caseSensitive ? v === value : v.toLowerCase() === value.toLowerCase())
    );
  });
  if (matches.length > 1)
    throw problem(
      'DUPLICATE_EXTERNAL_ID',
      `${def.name}: more than one record found for external id field: ${matches.map((m) => m.Id).join(', ')}`,
      [def.name],
    );
  if (matches.length === 1)
    return { record: updateRecord(ctx, type, matches[0]!.Id, rest), created: false };
  return { record: createRecord(ctx, type, { ...rest, [def.name]: value }), created: true };
}

export function deleteRecord(ctx: WriteContext, type: SObjectDef, id: string): void {
  if (!ctx.store.get(type.name, id)) throw problem('ENTITY_IS_DELETED', 'entity is deleted');
  ctx.store.remove(type.name, id);
}
