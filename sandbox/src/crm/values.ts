import type { PropertyDef } from '../store/types.js';

export type Normalised =
  { ok: true; value: string } | { ok: false; error: string; message: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_STRING = 65_536;

/**
 * Checks one written value against its property the way HubSpot does and returns it as HubSpot
 * stores it: numbers as given, dates as YYYY-MM-DD (midnight UTC only), datetimes as ISO-8601.
 * An empty string or null clears the value.
 */
export function normaliseValue(def: PropertyDef, raw: unknown): Normalised {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: '' };
  if (typeof raw === 'object')
    return bad('INVALID_TYPE', `${JSON.stringify(raw)} is not a valid value for ${def.name}`);
  const text = String(raw).trim();
  switch (def.type) {
    case 'number':
      return Number.isFinite(Number(text)) && text !== ''
        ? { ok: true, value: text }
        : bad('INVALID_FLOAT', `${text} was not a valid number.`);
    case 'bool': {
      const lower = text.toLowerCase();
      return lower === 'true' || lower === 'false'
        ? { ok: true, value: lower }
        : bad('INVALID_BOOLEAN', `${text} was not a valid boolean (true or false).`);
    }
    case 'enumeration': {
      const allowed = new Set(def.options.map((o) => o.value));
      const values = text.split(';').filter((v) => v !== '');
      const wrong = values.find((v) => !allowed.has(v));
      return wrong === undefined
        ? { ok: true, value: values.join(';') }
        : bad(
            'INVALID_OPTION',
            `${wrong} was not one of the allowed options: [${[...allowed].join(', ')}]`,
          );
    }
    case 'date': {
      const ms = toEpochMs(text);
      if (ms === undefined) return bad('INVALID_DATE', `${text} is not a valid date.`);
      if (ms % 86_400_000 !== 0)
        return bad(
          'INVALID_DATE',
          `${text} is at ${new Date(ms).toISOString()}, not midnight UTC.`,
        );
      return { ok: true, value: new Date(ms).toISOString().slice(0, 10) };
    }
    case 'datetime': {
      const ms = toEpochMs(text);
      return ms === undefined
        ? bad('INVALID_DATETIME', `${text} is not a valid date-time.`)
        : { ok: true, value: new Date(ms).toISOString() };
    }
    case 'string':
      return text.length <= MAX_STRING
        ? { ok: true, value: String(raw) }
        : bad('INVALID_STRING', `Value for ${def.name} is longer than ${MAX_STRING} characters.`);
  }
}

/** HubSpot takes dates as ISO strings or epoch milliseconds. */
export function toEpochMs(text: string): number | undefined {
  if (/^-?\d+$/.test(text)) return Number(text);
  if (DATE_ONLY.test(text)) {
    const ms = Date.parse(`${text}T00:00:00Z`);
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A stored value as something that orders and compares the way the property's type does. */
export function comparable(def: PropertyDef | undefined, value: string): number | string {
  if (!def) return value.toLowerCase();
  if (def.type === 'number') return Number(value);
  if (def.type === 'date' || def.type === 'datetime') return toEpochMs(value) ?? Number.NaN;
  return value.toLowerCase();
}

function bad(error: string, message: string): Normalised {
  return { ok: false, error, message };
}
