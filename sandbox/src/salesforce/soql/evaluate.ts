import { normaliseId } from '../ids.js';
import type { FieldDef, SObjectDef } from '../model/field.js';
import { fieldOf, relationshipOf, sobject, sobjectOfId } from '../model/sobjects.js';
import type { FieldValue, SfRecord, SfStore } from '../store.js';
import { SoqlError } from './ast.js';
import type { Condition, Literal, SoqlQuery } from './ast.js';

const DAY = 86_400_000;

/** A field path resolved against the describe: reference hops, then the field read. */
interface Resolved {
  hops: FieldDef[];
  field: FieldDef;
  /** The output spelling: relationship names then the field, canonical case. */
  names: string[];
}

function noColumn(name: string, type: SObjectDef): SoqlError {
  return new SoqlError(
    'INVALID_FIELD',
    `No such column '${name}' on entity '${type.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

function resolvePath(root: SObjectDef, path: string[]): Resolved {
  // `Account.Name FROM Account` may be written with the object's own name first.
  const parts =
    path.length > 1 && path[0]!.toLowerCase() === root.name.toLowerCase() ? path.slice(1) : path;
  const hops: FieldDef[] = [];
  const names: string[] = [];
  let type = root;
  for (const rel of parts.slice(0, -1)) {
    const hop = relationshipOf(type, rel);
    if (!hop)
      throw new SoqlError(
        'INVALID_FIELD',
        `Didn't understand relationship '${rel}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    hops.push(hop);
    names.push(hop.relationshipName!);
    // Polymorphic lookups (What, Who) read the fields their first target shares.
    type = sobject(hop.referenceTo[0]!)!;
  }
  const last = parts[parts.length - 1]!;
  const field = fieldOf(type, last);
  if (!field) throw noColumn(last, type);
  names.push(field.name);
  return { hops, field, names };
}

function read(store: SfStore, r: SfRecord, p: Resolved): FieldValue {
  let current: SfRecord | undefined = r;
  for (const hop of p.hops) {
    const id: FieldValue | undefined = current[hop.name];
    if (typeof id !== 'string') return null;
    const t = sobjectOfId(id);
    current = t ? store.get(t.name, id) : undefined;
    if (!current) return null;
  }
  return current[p.field.name] ?? null;
}

/** Today's range and the others, in whole UTC days (the sandbox org's time zone is GMT). */
function dayRange(lit: Extract<Literal, { kind: 'dateLiteral' }>, now: Date): [number, number] {
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const n = lit.n ?? 0;
  const d = new Date(today);
  const weekStart = today - d.getUTCDay() * DAY;
  const month = (offset: number): [number, number] => [
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1),
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset + 1, 1),
  ];
  const year = (offset: number): [number, number] => [
    Date.UTC(d.getUTCFullYear() + offset, 0, 1),
    Date.UTC(d.getUTCFullYear() + offset + 1, 0, 1),
  ];
  switch (lit.name) {
    case 'YESTERDAY':
      return [today - DAY, today];
    case 'TODAY':
      return [today, today + DAY];
    case 'TOMORROW':
      return [today + DAY, today + 2 * DAY];
    case 'LAST_WEEK':
      return [weekStart - 7 * DAY, weekStart];
    case 'THIS_WEEK':
      return [weekStart, weekStart + 7 * DAY];
    case 'NEXT_WEEK':
      return [weekStart + 7 * DAY, weekStart + 14 * DAY];
    case 'LAST_MONTH':
      return month(-1);
    case 'THIS_MONTH':
      return month(0);
    case 'NEXT_MONTH':
      return month(1);
    case 'LAST_YEAR':
      return year(-1);
    case 'THIS_YEAR':
      return year(0);
    case 'NEXT_YEAR':
      return year(1);
    // Salesforce's LAST_N_DAYS:n runs from n days ago through the end of today.
    case 'LAST_N_DAYS':
      return [today - n * DAY, today + DAY];
    case 'NEXT_N_DAYS':
      return [today + DAY, today + (n + 1) * DAY];
    case 'N_DAYS_AGO':
      return [today - n * DAY, today - (n - 1) * DAY];
    default:
      throw new SoqlError('MALFORMED_QUERY', `unexpected date literal ${lit.name}`);
  }
}

type Comparable =
  | { kind: 'text'; v: string }
  | { kind: 'number'; v: number }
  | { kind: 'range'; from: number; to: number }
  | { kind: 'null' };

function isTemporal(f: FieldDef): boolean {
  return f.type === 'date' || f.type === 'datetime';
}

function toMs(v: string): number {
  return Date.parse(v.replace(/\+0000$/, 'Z'));
}

/** The field's value, on the scale the literal compares on. */
function fieldSide(f: FieldDef, v: FieldValue): Comparable {
  if (v === null || v === '') return { kind: 'null' };
  if (typeof v === 'boolean') return { kind: 'number', v: v ? 1 : 0 };
  if (typeof v === 'number') return { kind: 'number', v };
  if (isTemporal(f)) return { kind: 'number', v: toMs(v) };
  return { kind: 'text', v: v.toLowerCase() };
}

function literalSide(f: FieldDef, lit: Literal, now: Date): Comparable {
  const mismatch = () =>
    new SoqlError(
      'INVALID_FIELD',
      `value of filter criterion for field '${f.name}' must be of type ${f.type} and should not be enclosed in quotes`,
    );
  switch (lit.kind) {
    case 'null':
      return { kind: 'null' };
    case 'boolean':
      if (f.type !== 'boolean') throw mismatch();
      return { kind: 'number', v: lit.value ? 1 : 0 };
    case 'number':
      if (!['double', 'int', 'currency', 'percent'].includes(f.type)) throw mismatch();
      return { kind: 'number', v: lit.value };
    case 'date':
      if (!isTemporal(f)) throw mismatch();
      // A date compared with a datetime field covers that whole day.
      return f.type === 'datetime'
        ? { kind: 'range', from: Date.parse(lit.value), to: Date.parse(lit.value) + DAY }
        : { kind: 'number', v: Date.parse(lit.value) };
    case 'datetime':
      if (f.type !== 'datetime') throw mismatch();
      return { kind: 'number', v: lit.value };
    case 'dateLiteral': {
      if (!isTemporal(f)) throw mismatch();
      const [from, to] = dayRange(lit, now);
      return { kind: 'range', from, to };
    }
    case 'string':
      if (
        isTemporal(f) ||
        f.type === 'boolean' ||
        ['double', 'int', 'currency', 'percent'].includes(f.type)
      )
        throw mismatch();
      // A 15-character id matches its 18-character form.
      return {
        kind: 'text',
        v: (f.type === 'id' || f.type === 'reference'
          ? (normaliseId(lit.value) ?? lit.value)
          : lit.value
        ).toLowerCase(),
      };
  }
}

function compare(op: string, a: Comparable, b: Comparable): boolean {
  if (a.kind === 'null' || b.kind === 'null') {
    const same = a.kind === b.kind;
    return op === '=' ? same : op === '!=' ? !same : false;
  }
  if (b.kind === 'range') {
    const x = (a as { v: number }).v;
    switch (op) {
      case '=':
        return x >= b.from && x < b.to;
      case '!=':
        return x < b.from || x >= b.to;
      case '<':
        return x < b.from;
      case '<=':
        return x < b.to;
      case '>':
        return x >= b.to;
      default:
        return x >= b.from;
    }
  }
  const x = (a as { v: string | number }).v;
  const y = (b as { v: string | number }).v;
  switch (op) {
    case '=':
      return x === y;
    case '!=':
      return x !== y;
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}

function likeRegex(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length)
      out += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '%') out += '.*';
    else if (c === '_') out += '.';
    else out += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 'is');
}

type Predicate = (r: SfRecord) => boolean;

function compile(store: SfStore, type: SObjectDef, c: Condition, now: Date): Predicate {
  switch (c.kind) {
    case 'and': {
      const parts = c.parts.map((p) => compile(store, type, p, now));
      return (r) => parts.every((p) => p(r));
    }
    case 'or': {
      const parts = c.parts.map((p) => compile(store, type, p, now));
      return (r) => parts.some((p) => p(r));
    }
    case 'not': {
      const inner = compile(store, type, c.inner, now);
      return (r) => !inner(r);
    }
    case 'in': {
      const p = resolvePath(type, c.field);
      const values = c.values.map((v) => literalSide(p.field, v, now));
      return (r) => {
        const a = fieldSide(p.field, read(store, r, p));
        const hit = values.some((b) => compare('=', a, b));
        return c.negate ? !hit && a.kind !== 'null' : hit;
      };
    }
    case 'compare': {
      const p = resolvePath(type, c.field);
      if (c.op === 'like') {
        if (
          !['string', 'textarea', 'picklist', 'email', 'url', 'phone', 'id', 'reference'].includes(
            p.field.type,
          )
        )
          throw new SoqlError(
            'INVALID_FIELD',
            `invalid operator on id field: LIKE on ${p.field.name}`,
          );
        const re = likeRegex((c.value as { value: string }).value);
        return (r) => {
          const v = read(store, r, p);
          return typeof v === 'string' && re.test(v);
        };
      }
      const b = literalSide(p.field, c.value, now);
      return (r) => compare(c.op, fieldSide(p.field, read(store, r, p)), b);
    }
  }
}

function sortKey(f: FieldDef, v: FieldValue): string | number | null {
  if (v === null || v === '') return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  return isTemporal(f) ? toMs(v) : v.toLowerCase();
}

export interface QueryRows {
  type: SObjectDef;
  totalSize: number;
  /** The selected records in order, already shaped as the REST API returns them. */
  rows: Record<string, unknown>[];
}

/** Runs a parsed query over the org. */
export function runQuery(
  store: SfStore,
  q: SoqlQuery,
  now: Date,
  urlOf: (type: string, id: string) => string,
): QueryRows {
  const type = sobject(q.from);
  if (!type)
    throw new SoqlError(
      'INVALID_TYPE',
      `\nFROM ${q.from}\n     ^\nERROR at Row:1:Column:1\nsObject type '${q.from}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  const selected = q.fields.map((f) => resolvePath(type, f));
  const keep = q.where ? compile(store, type, q.where, now) : () => true;
  let records = store.list(type.name).filter(keep);
  if (q.orderBy.length) {
    const keys = q.orderBy.map((o) => ({ ...o, p: resolvePath(type, o.field) }));
    records = records
      .map((r) => ({ r, k: keys.map((o) => sortKey(o.p.field, read(store, r, o.p))) }))
      .sort((a, b) => {
        for (let i = 0; i < keys.length; i++) {
          const o = keys[i]!;
          const x = a.k[i]!;
          const y = b.k[i]!;
          if (x === y) continue;
          if (x === null) return o.nullsLast ? 1 : -1;
          if (y === null) return o.nullsLast ? -1 : 1;
          return (x < y ? -1 : 1) * (o.desc ? -1 : 1);
        }
        return 0;
      })
      .map((e) => e.r);
  }
  const start = q.offset ?? 0;
  records = records.slice(start, q.limit === undefined ? undefined : start + q.limit);
  if (q.count) return { type, totalSize: records.length, rows: [] };
  const rows = records.map((r) => shape(store, type, r, selected, urlOf));
  return { type, totalSize: rows.length, rows };
}

function shape(
  store: SfStore,
  type: SObjectDef,
  r: SfRecord,
  selected: Resolved[],
  urlOf: (type: string, id: string) => string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: { type: type.name, url: urlOf(type.name, r.Id) },
  };
  for (const p of selected) place(out, r, p.hops, p.field);
  return out;

  /** Writes one selected path into `into`, nesting a parent record under its relationship name. */
  function place(
    into: Record<string, unknown>,
    source: SfRecord,
    hops: FieldDef[],
    field: FieldDef,
  ): void {
    const [hop, ...rest] = hops;
    if (!hop) {
      into[field.name] = source[field.name] ?? null;
      return;
    }
    const id = source[hop.name];
    const parentType = typeof id === 'string' ? sobjectOfId(id) : undefined;
    const parent =
      parentType && typeof id === 'string' ? store.get(parentType.name, id) : undefined;
    const key = hop.relationshipName!;
    if (!parent || !parentType) {
      // A relationship with no record on the other end comes back as null, not an object.
      into[key] ??= null;
      return;
    }
    const nested = (into[key] ??= {
      attributes: { type: parentType.name, url: urlOf(parentType.name, parent.Id) },
    }) as Record<string, unknown>;
    place(nested, parent, rest, field);
  }
}
