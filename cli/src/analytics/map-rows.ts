import {
  accountSnapshotSchema,
  addDays,
  outcomeSchema,
  type HistoricalRecord,
  type OutcomeStatus,
} from '@csops/core';
import type { Mapping, Source } from './mapping-schema.js';
import { SNAPSHOT_FIELDS, type FieldKind } from './snapshot-fields.js';
import type { TableRow } from './read-table.js';

/** A rejected row: where it is, which field, which column, and why. */
export interface RowError {
  location: string;
  field: string;
  column?: string;
  message: string;
}

export interface MappedHistory {
  read: number;
  records: HistoricalRecord[];
  rejected: { location: string; errors: RowError[] }[];
}

const MONTH_DAYS = 30.4375;
type Value = string | number | boolean | null | undefined;

class FieldError extends Error {
  constructor(
    message: string,
    readonly column?: string,
  ) {
    super(message);
  }
}

/** Columns a mapping reads, so a missing column is reported once, before any row. */
export function mappedColumns(mapping: Mapping): { field: string; column: string }[] {
  const out: { field: string; column: string }[] = [];
  const visit = (field: string, s: Source | undefined) => {
    if (!s) return;
    if ('column' in s) out.push({ field, column: s.column });
    if ('countOf' in s) s.countOf.forEach((column) => out.push({ field, column }));
    if ('offsetFromAsOf' in s) out.push({ field, column: s.offsetFromAsOf.column });
  };
  visit('accountId', mapping.accountId);
  visit('name', mapping.name);
  visit('asOf', mapping.asOf);
  for (const [field, s] of Object.entries(mapping.fields)) visit(field, s);
  visit('outcome.status', mapping.outcome.status);
  visit('outcome.arrBefore', mapping.outcome.arrBefore);
  visit('outcome.arrAfter', mapping.outcome.arrAfter);
  return out;
}

/** Maps every row; a bad row is rejected with every problem it has, never silently dropped. */
export function mapRows(rows: readonly TableRow[], mapping: Mapping): MappedHistory {
  const records: HistoricalRecord[] = [];
  const rejected: MappedHistory['rejected'] = [];
  for (const row of rows) {
    const result = mapRow(row, mapping);
    if ('errors' in result) rejected.push({ location: row.location, errors: result.errors });
    else records.push(result.record);
  }
  return { read: rows.length, records, rejected };
}

/** Maps one row onto a snapshot with its outcome, or every problem it has. */
export function mapRow(
  row: TableRow,
  mapping: Mapping,
): { record: HistoricalRecord } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const at = row.location;
  if (row.problem) errors.push({ location: at, field: '(row)', message: `the row ${row.problem}` });
  const line = Number(/\d+/.exec(at)?.[0]);

  const read = (field: string, source: Source | undefined, kind: FieldKind, asOf?: string) => {
    if (!source) return undefined;
    try {
      return convert(resolve(source, row, asOf), kind, source);
    } catch (e) {
      const err = e as FieldError;
      errors.push({
        location: at,
        field,
        column: err.column ?? columnOf(source),
        message: err.message,
      });
      return undefined;
    }
  };

  const asOf = read('asOf', mapping.asOf, 'date') as string | undefined;
  const snapshot: Record<string, unknown> = {
    accountId: read('accountId', mapping.accountId, 'string'),
    asOf,
  };
  const name = read('name', mapping.name, 'string');
  if (name !== undefined) snapshot.name = name;
  for (const [field, source] of Object.entries(mapping.fields)) {
    const kind = SNAPSHOT_FIELDS.get(field) ?? 'string';
    if ('offsetFromAsOf' in source && asOf === undefined) continue; // asOf's own error says why
    const value = read(field, source, kind, asOf);
    if (value !== undefined) setPath(snapshot, field, value);
  }

  const parsed = accountSnapshotSchema.safeParse(snapshot);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.');
      // A field already reported (e.g. unreadable) is not reported twice.
      if (errors.some((e) => e.field === field)) continue;
      errors.push({
        location: at,
        field,
        column: columnOf(mapping.fields[field] ?? sourceFor(mapping, field)),
        message: issue.message,
      });
    }
  }

  const status = read('outcome.status', mapping.outcome.status, 'string') as string | undefined;
  if (status !== undefined && !['renewed', 'contracted', 'churned'].includes(status)) {
    errors.push({
      location: at,
      field: 'outcome.status',
      column: columnOf(mapping.outcome.status),
      message: `"${status}" is not renewed, contracted or churned (add it to the value map)`,
    });
  }
  const arrBefore =
    (read('outcome.arrBefore', mapping.outcome.arrBefore, 'number') as number | undefined) ??
    (snapshot.arr as number | undefined);
  let arrAfter = read('outcome.arrAfter', mapping.outcome.arrAfter, 'number') as number | undefined;
  // An unreadable ARR has been reported already; "no ARR" would only repeat it.
  const arrReported = errors.some((e) => e.field === 'arr' || e.field === 'outcome.arrBefore');
  if (arrBefore === undefined && !arrReported) {
    errors.push({
      location: at,
      field: 'outcome.arrBefore',
      message: 'no ARR before the outcome: map "arr" or "outcome.arrBefore"',
    });
  }
  if (arrAfter === undefined && arrBefore !== undefined && mapping.outcome.arrAfter === undefined) {
    if (status === 'churned') arrAfter = 0;
    else if (status === 'renewed') arrAfter = arrBefore;
    else if (status === 'contracted') {
      errors.push({
        location: at,
        field: 'outcome.arrAfter',
        message: 'a contracted account needs its ARR after: map "outcome.arrAfter"',
      });
    }
  }
  if (errors.length > 0) return { errors };
  const outcome = outcomeSchema.safeParse({ status: status as OutcomeStatus, arrBefore, arrAfter });
  if (!outcome.success) {
    return {
      errors: outcome.error.issues.map((issue) => ({
        location: at,
        field: `outcome.${issue.path.map(String).join('.')}`,
        message: issue.message,
      })),
    };
  }
  if (!parsed.success) return { errors };
  return {
    record: {
      snapshot: parsed.data,
      outcome: outcome.data,
      ...(Number.isFinite(line) ? { line } : {}),
    },
  };
}

function sourceFor(mapping: Mapping, field: string): Source | undefined {
  if (field === 'accountId') return mapping.accountId;
  if (field === 'asOf') return mapping.asOf;
  if (field === 'name') return mapping.name;
  return undefined;
}

function columnOf(source: Source | undefined): string | undefined {
  if (!source) return undefined;
  if ('column' in source) return source.column;
  if ('offsetFromAsOf' in source) return source.offsetFromAsOf.column;
  if ('countOf' in source) return source.countOf.join('+');
  return undefined;
}

function cell(row: TableRow, column: string): Value {
  // A JSON record may leave a key out: that is "not observed" (CSV columns are checked up front).
  const v = row.cells[column];
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw new FieldError(`column "${column}" holds ${JSON.stringify(v)}, not a plain value`, column);
}

/** The raw value a source yields for a row, value maps and scaling applied. */
function resolve(source: Source, row: TableRow, asOf: string | undefined): Value {
  if ('constant' in source) return source.constant;
  if ('countOf' in source) {
    let n = 0;
    for (const column of source.countOf) {
      const v = String(cell(row, column) ?? '').trim();
      const hit = source.equals
        ? source.equals.includes(v)
        : source.notEquals
          ? !source.notEquals.includes(v)
          : v !== '';
      if (hit) n++;
    }
    return n;
  }
  if ('offsetFromAsOf' in source) {
    const { column, unit, direction } = source.offsetFromAsOf;
    const raw = cell(row, column);
    if (raw === undefined || String(raw).trim() === '') return undefined;
    const n = toNumber(raw, column);
    if (asOf === undefined) return undefined;
    const sign = direction === 'before' ? -1 : 1;
    if (unit === 'days') return addDays(asOf, sign * n);
    // Whole months step the calendar (2020-01-01 less 12 months is 2019-01-01); a fraction adds average days.
    const whole = Math.trunc(n);
    const date = new Date(asOf);
    date.setUTCMonth(date.getUTCMonth() + sign * whole);
    return addDays(date.toISOString(), sign * (n - whole) * MONTH_DAYS);
  }
  const raw = cell(row, source.column);
  const text = typeof raw === 'string' ? raw.trim() : raw;
  if (text === undefined || text === '' || (source.blank ?? []).includes(String(text))) {
    return undefined;
  }
  let value: Value = text;
  if (source.values) {
    const key = String(text);
    if (Object.hasOwn(source.values, key)) value = source.values[key];
    else if (source.otherwise !== undefined) value = source.otherwise;
    else {
      throw new FieldError(
        `"${key}" is not in the value map (known: ${Object.keys(source.values).join(', ')})`,
        source.column,
      );
    }
  }
  if (value === null) return undefined;
  if (source.multiply !== undefined) value = toNumber(value, source.column) * source.multiply;
  return value;
}

function toNumber(v: Value, column?: string): number {
  if (typeof v === 'number') return v;
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : NaN;
  if (!Number.isFinite(n)) throw new FieldError(`"${String(v)}" is not a number`, column);
  return n;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 't']);
const FALSE = new Set(['false', 'no', 'n', '0', 'f']);

function convert(v: Value, kind: FieldKind, source: Source): Value {
  if (v === undefined || v === null) return undefined;
  const column = columnOf(source);
  switch (kind) {
    case 'number':
      return toNumber(v, column);
    case 'boolean': {
      if (typeof v === 'boolean') return v;
      const t = String(v).trim().toLowerCase();
      if (TRUE.has(t)) return true;
      if (FALSE.has(t)) return false;
      throw new FieldError(`"${String(v)}" is not yes/no (map it with "values")`, column);
    }
    case 'date':
      return toIsoDate(String(v), column);
    case 'string':
      return String(v);
  }
}

/** Accepts 2024-05-01, 2024-05-01 13:00:00 and full ISO datetimes; dates without a zone are UTC. */
function toIsoDate(v: string, column?: string): string {
  const t = v.trim();
  const withT = /^\d{4}-\d{2}-\d{2}$/.test(t)
    ? `${t}T00:00:00Z`
    : /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(t)
      ? `${t.replace(' ', 'T')}Z`
      : t;
  const ms = Date.parse(withT);
  if (!Number.isFinite(ms) || !/^\d{4}-\d{2}-\d{2}/.test(t)) {
    throw new FieldError(`"${v}" is not a date (use YYYY-MM-DD or an ISO date-time)`, column);
  }
  return new Date(ms).toISOString();
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node = (node[part] ??= {}) as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}
