import { SalesforceError, invalidType, recordNotFound, sfError } from '../errors.js';
import { fields, parseBody } from '../input.js';
import { normaliseId } from '../ids.js';
import type { SObjectDef } from '../model/field.js';
import { fieldOf, sobject } from '../model/sobjects.js';
import type { SfRecord, SfStore } from '../store.js';
import { FieldProblem } from '../values.js';

/** What the routes share: the org, the clock, and the org's API usage for `limits`. */
export interface ApiContext {
  store: SfStore;
  now: () => Date;
  usage: () => { used: number; max: number };
}

export const base = (version: string) => `/services/data/${version}`;
export const urlFor = (version: string) => (type: string, id: string) =>
  `${base(version)}/sobjects/${type}/${id}`;

export function typeOf(name: string): SObjectDef {
  const t = sobject(name);
  if (!t) throw invalidType(name);
  return t;
}

export function writableType(name: string): SObjectDef {
  const t = typeOf(name);
  if (t.name.endsWith('__mdt'))
    throw sfError(
      400,
      'INVALID_TYPE_FOR_OPERATION',
      `entity type ${t.name} does not support this operation`,
    );
  return t;
}

/** A record of `type` by a 15- or 18-character id, or Salesforce's 404. */
export function recordOf(store: SfStore, type: SObjectDef, raw: string): SfRecord {
  const id = normaliseId(raw);
  const r = id ? store.get(type.name, id) : undefined;
  if (!r) throw recordNotFound();
  return r;
}

export function objectBody(body: unknown): Record<string, unknown> {
  return parseBody(fields, body);
}

/** A record shaped for GET: `attributes`, then the asked fields (all when none asked). */
export function shapeRecord(
  type: SObjectDef,
  r: SfRecord,
  version: string,
  fieldList?: string | null,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: { type: type.name, url: urlFor(version)(type.name, r.Id) },
  };
  const names = fieldList
    ? fieldList.split(',').map((n) => {
        const f = fieldOf(type, n.trim());
        if (!f)
          throw sfError(
            400,
            'INVALID_FIELD',
            `No such column '${n.trim()}' on sobject of type ${type.name}`,
          );
        return f.name;
      })
    : type.fields.map((f) => f.name);
  for (const n of names) out[n] = r[n] ?? null;
  return out;
}

/** A refused write as the single-record endpoints answer it. */
export function asError(err: unknown): SalesforceError {
  if (err instanceof FieldProblem) return new SalesforceError(400, [err.item]);
  throw err;
}
