import * as z from 'zod/mini';
import type { FieldIssue, Result } from '../result/result.js';
import { parseWith, safeParse } from '../result/zod.js';
import { accountSnapshotSchema, type AccountSnapshot } from './schema.js';

/** Strict: the snapshot must already match the schema exactly (JSON from our own faces). */
export function parseSnapshot(input: unknown): Result<AccountSnapshot> {
  return parseWith(accountSnapshotSchema, input);
}

export interface LooseSnapshot {
  /** Every valid field kept; null only when accountId or asOf is missing or invalid. */
  snapshot: AccountSnapshot | null;
  /** Every value that was dropped, by dotted path, with the reason. */
  issues: FieldIssue[];
}

// CRM exports say "missing" in many ways; all of them mean the field was not observed.
const isBlank = (raw: unknown): boolean =>
  raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

const shown = (raw: unknown): string =>
  typeof raw === 'string'
    ? JSON.stringify(raw)
    : raw instanceof Date
      ? raw.toString()
      : String(raw);

type Coerced = { ok: true; value: unknown } | { ok: false; message: string };
const coerced = (value: unknown): Coerced => ({ ok: true, value });
const refused = (message: string): Coerced => ({ ok: false, message });

// Thousands separators only in their proper places, so "1.200,50" is refused rather than misread.
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const GROUPED_NUMBER = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;

function toNumber(raw: unknown): Coerced {
  if (typeof raw === 'number')
    return Number.isFinite(raw) ? coerced(raw) : refused('must be a number');
  if (typeof raw !== 'string') return refused(`must be a number, got ${shown(raw)}`);
  const text = raw
    .trim()
    .replace(/^[$€£¥]/, '')
    .replace(/%$/, '')
    .trim();
  if (PLAIN_NUMBER.test(text)) return coerced(Number(text));
  if (GROUPED_NUMBER.test(text)) return coerced(Number(text.replaceAll(',', '')));
  return refused(`must be a number, got ${shown(raw)}`);
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on', 'checked']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', 'unchecked']);

function toBoolean(raw: unknown): Coerced {
  if (typeof raw === 'boolean') return coerced(raw);
  if (raw === 1 || raw === 0) return coerced(raw === 1);
  if (typeof raw === 'string') {
    const word = raw.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return coerced(true);
    if (FALSE_WORDS.has(word)) return coerced(false);
  }
  return refused(`must be yes or no (true/false), got ${shown(raw)}`);
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const EPOCH_MS = /^\d{11,}$/;
/** Epoch milliseconds before 1973 are far more likely a mistyped number than a real date. */
const EARLIEST_EPOCH_MS = 1e11;

const DATE_MESSAGE = 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time';

function fromEpochMs(ms: number, raw: unknown): Coerced {
  if (!Number.isFinite(ms) || ms < EARLIEST_EPOCH_MS)
    return refused(`${DATE_MESSAGE}, got ${shown(raw)}`);
  const date = new Date(ms);
  return Number.isNaN(date.getTime())
    ? refused(`${DATE_MESSAGE}, got ${shown(raw)}`)
    : coerced(date.toISOString());
}

/** Dates become ISO date-times in UTC unless they carry an offset; date-only means midnight UTC. */
function toDateTime(raw: unknown): Coerced {
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? refused(DATE_MESSAGE) : coerced(raw.toISOString());
  }
  if (typeof raw === 'number') return fromEpochMs(raw, raw);
  if (typeof raw !== 'string') return refused(`${DATE_MESSAGE}, got ${shown(raw)}`);
  const text = raw.trim();
  if (EPOCH_MS.test(text)) return fromEpochMs(Number(text), raw);
  const m = DATE_TIME.exec(text);
  if (m === null) return refused(`${DATE_MESSAGE}, got ${shown(raw)}`);
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', offset = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const realDay =
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day;
  if (!realDay || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return refused(`is not a real date or time: ${shown(raw)}`);
  }
  const zone =
    offset.toUpperCase() === 'Z'
      ? 'Z'
      : offset.includes(':')
        ? offset
        : `${offset.slice(0, 3)}:${offset.slice(3)}`;
  return coerced(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${zone}`);
}

const pickKey = (raw: string): string =>
  raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function toPicklist(raw: unknown, options: readonly string[]): Coerced {
  const value = typeof raw === 'string' ? pickKey(raw) : raw;
  if (typeof value === 'string' && options.includes(value)) return coerced(value);
  return refused(`${shown(raw)} is not an allowed value; allowed: ${options.join(', ')}`);
}

function toText(raw: unknown): Coerced {
  if (typeof raw === 'string') return coerced(raw.trim());
  if (typeof raw === 'number' && Number.isFinite(raw)) return coerced(String(raw));
  return refused(`must be text, got ${shown(raw)}`);
}

/** Zod's messages are for developers; an admin fixing a CRM field needs plain words. */
function plainMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return issue.exact ? `must be exactly ${issue.minimum} characters` : 'must not be empty';
      }
      return issue.inclusive
        ? `must be ${issue.minimum} or more`
        : `must be more than ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      return issue.inclusive
        ? `must be at most ${issue.maximum}`
        : `must be less than ${issue.maximum}`;
    case 'invalid_type':
      return issue.expected === 'int' ? 'must be a whole number' : `must be ${issue.expected}`;
    case 'invalid_format':
      return DATE_MESSAGE;
    default:
      return issue.message;
  }
}

/** Checks a coerced value against its field's own rules (whole number, range, length). */
function checkLeaf(schema: z.core.$ZodType, value: unknown, raw: unknown): Coerced {
  const result = safeParse(schema, value);
  if (result.success) return coerced(result.data);
  const first = result.error.issues[0];
  return refused(`${first === undefined ? 'is invalid' : plainMessage(first)}, got ${shown(raw)}`);
}

interface Walk {
  issues: FieldIssue[];
}

const join = (path: string[]): string => path.join('.') || '(root)';
const isRecord = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !(raw instanceof Date);

/** Sentinel for "not kept": blank, or refused with an issue already recorded. */
const DROPPED = Symbol('dropped');

function walk(schema: z.core.$ZodType, raw: unknown, path: string[], w: Walk): unknown {
  const inner = schema instanceof z.ZodMiniOptional ? schema._zod.def.innerType : schema;
  if (isBlank(raw)) return DROPPED;
  if (inner instanceof z.ZodMiniObject) return walkObject(inner, raw, path, w);
  if (inner instanceof z.ZodMiniArray) return walkArray(inner, raw, path, w);
  let result: Coerced;
  if (inner instanceof z.ZodMiniNumber) result = toNumber(raw);
  else if (inner instanceof z.ZodMiniBoolean) result = toBoolean(raw);
  else if (inner instanceof z.ZodMiniISODateTime) result = toDateTime(raw);
  else if (inner instanceof z.ZodMiniEnum)
    result = toPicklist(raw, Object.values(inner._zod.def.entries) as string[]);
  else if (inner instanceof z.ZodMiniString) {
    result = toText(raw);
    // Currency codes arrive in any case from CRMs ("usd"); ISO 4217 codes are upper case.
    if (result.ok && path[path.length - 1] === 'currency') {
      result = coerced(String(result.value).toUpperCase());
    }
  } else result = coerced(raw);
  if (result.ok) result = checkLeaf(inner, result.value, raw);
  if (!result.ok) {
    w.issues.push({ path: join(path), message: result.message });
    return DROPPED;
  }
  return result.value;
}

function walkObject(schema: z.ZodMiniObject, raw: unknown, path: string[], w: Walk): unknown {
  if (!isRecord(raw)) {
    w.issues.push({ path: join(path), message: `must be an object, got ${shown(raw)}` });
    return DROPPED;
  }
  const shape = schema.shape as Record<string, z.core.$ZodType>;
  const out: Record<string, unknown> = {};
  let complete = true;
  for (const [key, field] of Object.entries(shape)) {
    const value = walk(field, raw[key], [...path, key], w);
    if (value !== DROPPED) out[key] = value;
    else if (!(field instanceof z.ZodMiniOptional)) {
      complete = false;
      if (isBlank(raw[key])) w.issues.push({ path: join([...path, key]), message: 'is required' });
    }
  }
  for (const key of Object.keys(raw)) {
    if (!(key in shape) && !isBlank(raw[key])) {
      w.issues.push({ path: join([...path, key]), message: 'is not a snapshot field; ignored' });
    }
  }
  // An object without one of its required fields cannot be kept (a milestone without a key).
  if (!complete) return DROPPED;
  return out;
}

function walkArray(schema: z.ZodMiniArray, raw: unknown, path: string[], w: Walk): unknown {
  let list = raw;
  // Some CRMs keep structured values in a text property as JSON.
  if (typeof raw === 'string' && raw.trim().startsWith('[')) {
    try {
      list = JSON.parse(raw) as unknown;
    } catch {
      w.issues.push({ path: join(path), message: 'must be a list; the text is not valid JSON' });
      return DROPPED;
    }
  }
  if (!Array.isArray(list)) {
    w.issues.push({ path: join(path), message: `must be a list, got ${shown(raw)}` });
    return DROPPED;
  }
  const element = schema._zod.def.element;
  return list
    .map((item, i) => walk(element, item, [...path, String(i)], w))
    .filter((v) => v !== DROPPED);
}

/**
 * Reads a snapshot the way CRMs deliver it: numbers as text ("1,200", " 42 "), yes/no flags as
 * "Yes"/"1", date-only strings (midnight UTC) or epoch milliseconds, blanks for unknowns, and
 * picklist values in any case. Every valid field is kept and every dropped one is reported by its
 * dotted path; only a missing or invalid accountId or asOf leaves no snapshot at all.
 */
export function parseLooseSnapshot(input: unknown): LooseSnapshot {
  const w: Walk = { issues: [] };
  if (!isRecord(input)) {
    return {
      snapshot: null,
      issues: [{ path: '(root)', message: `must be an object, got ${shown(input)}` }],
    };
  }
  const value = walkObject(accountSnapshotSchema, input, [], w);
  if (value === DROPPED) return { snapshot: null, issues: w.issues };
  // The walk already enforces every field rule; this final check guards the type, not the data.
  const checked = safeParse(accountSnapshotSchema, value);
  if (!checked.success) {
    return {
      snapshot: null,
      issues: [
        ...w.issues,
        ...checked.error.issues.map((i) => ({
          path: join(i.path.map(String)),
          message: i.message,
        })),
      ],
    };
  }
  return { snapshot: checked.data, issues: w.issues };
}
