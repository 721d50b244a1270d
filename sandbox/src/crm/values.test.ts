import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardProperties } from './standard-properties.js';
import { normaliseValue } from './values.js';
import type { PropertyDef } from '../store/types.js';

const def = (type: PropertyDef['type'], options: string[] = []): PropertyDef => ({
  ...standardProperties('companies', '2026-01-01T00:00:00Z')[0]!,
  name: 'p',
  type,
  options: options.map((value, i) => ({ value, label: value, displayOrder: i, hidden: false })),
});

describe('property values as HubSpot stores them', () => {
  it('stores dates as YYYY-MM-DD and refuses a date that is not midnight UTC', () => {
    expect(normaliseValue(def('date'), '2026-03-01')).toEqual({ ok: true, value: '2026-03-01' });
    expect(normaliseValue(def('date'), String(Date.UTC(2026, 2, 1)))).toEqual({
      ok: true,
      value: '2026-03-01',
    });
    expect(normaliseValue(def('date'), '2026-03-01T10:00:00Z')).toMatchObject({
      ok: false,
      error: 'INVALID_DATE',
    });
  });

  it('stores datetimes given as ISO or epoch milliseconds as ISO', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(normaliseValue(def('datetime'), String(ms))).toEqual({ ok: true, value: iso });
        expect(normaliseValue(def('datetime'), iso)).toEqual({ ok: true, value: iso });
      }),
    );
  });

  it('accepts any finite number and refuses words', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(normaliseValue(def('number'), n)).toEqual({ ok: true, value: String(n) });
      }),
    );
    expect(normaliseValue(def('number'), 'lots')).toMatchObject({
      ok: false,
      error: 'INVALID_FLOAT',
    });
  });

  it('holds enumerations to their options and booleans to true/false', () => {
    expect(normaliseValue(def('enumeration', ['green', 'red']), 'red')).toEqual({
      ok: true,
      value: 'red',
    });
    expect(normaliseValue(def('enumeration', ['green', 'red']), 'purple')).toMatchObject({
      ok: false,
      error: 'INVALID_OPTION',
    });
    expect(normaliseValue(def('bool'), 'TRUE')).toEqual({ ok: true, value: 'true' });
    expect(normaliseValue(def('bool'), 'yes')).toMatchObject({
      ok: false,
      error: 'INVALID_BOOLEAN',
    });
  });

  it('clears a value given as an empty string or null', () => {
    expect(normaliseValue(def('number'), null)).toEqual({ ok: true, value: '' });
    expect(normaliseValue(def('date'), '')).toEqual({ ok: true, value: '' });
  });
});
