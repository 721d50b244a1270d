import type { FieldDef, SObjectDef } from './model/field.js';
import { fieldOf } from './model/sobjects.js';
import { normaliseId } from './ids.js';
import { sobjectOfId } from './model/sobjects.js';
import type { FieldValue } from './store.js';
import type { SfErrorItem } from './errors.js';

/** Salesforce's wire form of a moment: milliseconds and `+0000`. */
export function sfDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

export class FieldProblem extends Error {
  constructor(readonly item: SfErrorItem) {
    super(item.message);
  }
}

const problem = (errorCode: string, message: string, fields: string[]) =>
  new FieldProblem({ errorCode, message, fields });

const TEXT = new Set(['string', 'textarea', 'picklist', 'email', 'url', 'phone']);
const NUMERIC = new Set(['double', 'int', 'currency', 'percent']);

/** Checks and converts one incoming value to what the org keeps, refusing as Salesforce does. */
export function coerce(def: FieldDef, raw: unknown, exists: (id: string) => boolean): FieldValue {
  if (raw === null || raw === undefined || raw === '') {
    if (def.type === 'boolean')
      throw problem(
        'INVALID_TYPE_ON_FIELD_IN_RECORD',
        `${def.label}: value not of required type: ${String(raw)}`,
        [def.name],
      );
    return null;
  }
  if (TEXT.has(def.type)) {
    if (typeof raw === 'object') throw parser(def, raw);
    const s = String(raw);
    if (s.length > def.length)
      throw problem(
        'STRING_TOO_LONG',
        `${def.label}: data value too large: ${s.slice(0, 40)} (max length=${def.length})`,
        [def.name],
      );
    if (def.type === 'picklist' && def.custom && !def.picklistValues.some((v) => v.value === s))
      throw problem(
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        `${def.label}: bad value for restricted picklist field: ${s}`,
        [def.name],
      );
    return s;
  }
  if (NUMERIC.has(def.type)) {
    const n =
      typeof raw === 'number'
        ? raw
        : typeof raw === 'string' && raw.trim() !== ''
          ? Number(raw)
          : NaN;
    if (!Number.isFinite(n)) throw parser(def, raw);
    if (def.type === 'int' && !Number.isInteger(n)) throw parser(def, raw);
    if (def.precision > 0 && Math.abs(Math.trunc(n)).toString().length > def.precision - def.scale)
      throw problem(
        'NUMBER_OUTSIDE_VALID_RANGE',
        `${def.label}: value outside of valid range on numeric field: ${n}`,
        [def.name],
      );
    return n;
  }
  if (def.type === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw parser(def, raw);
  }
  if (def.type === 'date') {
    const s = String(raw);
    const m = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(s);
    if (typeof raw !== 'string' || !m || Number.isNaN(Date.parse(m[1]!))) throw parser(def, raw);
    return m[1]!;
  }
  if (def.type === 'datetime') {
    const ms =
      typeof raw === 'string' ? Date.parse(raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : NaN;
    if (Number.isNaN(ms)) throw parser(def, raw);
    return sfDateTime(ms);
  }
  if (def.type === 'reference') {
    const id = typeof raw === 'string' ? normaliseId(raw) : undefined;
    if (!id)
      throw problem('MALFORMED_ID', `${def.label}: id value of incorrect type: ${String(raw)}`, [
        def.name,
      ]);
    const target = sobjectOfId(id);
    if (!target || !def.referenceTo.includes(target.name) || !exists(id))
      throw problem('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [def.name]);
    return id;
  }
  throw parser(def, raw);
}

function parser(def: FieldDef, raw: unknown): FieldProblem {
  const kind =
    typeof raw === 'string'
      ? 'VALUE_STRING'
      : typeof raw === 'number'
        ? 'VALUE_NUMBER_INT'
        : typeof raw === 'boolean'
          ? 'VALUE_TRUE'
          : 'START_OBJECT';
  return problem(
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${def.soapType.replace(/^\w+:/, '')} from ${kind} value ${JSON.stringify(raw)} or request may be missing a required field`,
    [def.name],
  );
}

/** The fields of an incoming body, resolved against the describe: unknown and read-only ones refused. */
export function resolveInput(
  type: SObjectDef,
  body: Record<string, unknown>,
  mode: 'create' | 'update',
): { def: FieldDef; raw: unknown }[] {
  const out: { def: FieldDef; raw: unknown }[] = [];
  const locked: string[] = [];
  for (const [name, raw] of Object.entries(body)) {
    if (name === 'attributes') continue;
    if (name.toLowerCase() === 'id' && mode === 'update') continue;
    const def = fieldOf(type, name);
    if (!def)
      throw problem('INVALID_FIELD', `No such column '${name}' on sobject of type ${type.name}`, [
        name,
      ]);
    if (mode === 'create' ? !def.createable : !def.updateable) locked.push(def.name);
    else out.push({ def, raw });
  }
  if (locked.length)
    throw problem(
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to ${mode} fields: ${locked.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      locked,
    );
  return out;
}
