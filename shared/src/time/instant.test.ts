import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, formatDay, formatInstant, parseInstant } from './instant.js';

// Date.UTC maps years 0–99 to 1900–1999, so the earliest instant is spelled out.
const MIN = Date.parse('0000-01-01T00:00:00.000Z');
const MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const instant = fc.integer({ min: MIN, max: MAX });

describe('parseInstant', () => {
  it('reads what toISOString writes, to the millisecond', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        expect(parseInstant(new Date(ms).toISOString())).toBe(ms);
      }),
    );
  });

  it('agrees with Date.parse on offsets, short forms and fractions', () => {
    const offset = fc.tuple(
      fc.constantFrom('+', '-'),
      fc.integer({ min: 0, max: 14 }),
      fc.constantFrom(0, 30, 45),
    );
    fc.assert(
      fc.property(
        instant,
        offset,
        fc.constantFrom('', ':07', ':07.5', ':07.123456'),
        (ms, [sign, h, m], secs) => {
          const base = new Date(ms).toISOString().slice(0, 16) + secs;
          const zone = `${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          for (const s of [base + 'Z', base + zone, base.slice(0, 10)]) {
            expect(parseInstant(s)).toBe(Date.parse(s));
          }
        },
      ),
    );
  });

  it('leaves malformed and impossible dates to Date.parse (NaN)', () => {
    for (const s of [
      '2027-02-29T00:00:00Z',
      '2026-13-01',
      '2026-04-31',
      'next tuesday',
      '',
      '2026-01-01T25:00Z',
    ]) {
      expect(Number.isNaN(parseInstant(s)), s).toBe(Number.isNaN(Date.parse(s)));
    }
    expect(parseInstant('2028-02-29')).toBe(Date.UTC(2028, 1, 29));
  });
});

describe('formatInstant and formatDay', () => {
  it('write exactly what toISOString writes', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const iso = new Date(ms).toISOString();
        expect(formatInstant(ms)).toBe(iso);
        expect(formatDay(ms)).toBe(iso.slice(0, 10));
      }),
    );
  });

  it('handle the edges of the calendar', () => {
    for (const iso of [
      '0000-01-01T00:00:00.000Z',
      '0000-02-29T23:59:59.999Z',
      '0000-03-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '1970-01-01T00:00:00.000Z',
      '2000-02-29T12:00:00.000Z',
      '2100-03-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
    ]) {
      expect(parseInstant(iso), iso).toBe(Date.parse(iso));
      expect(formatInstant(Date.parse(iso)), iso).toBe(iso);
    }
  });

  it('count calendar days in UTC', () => {
    expect(dayNumber('1970-01-02T00:00:00Z')).toBe(1);
    expect(dayNumber('2026-11-02T23:59:59.999Z') - dayNumber('2026-11-02T00:00:00Z')).toBe(0);
    expect(dayNumber('2026-11-02T01:00:00+02:00')).toBe(dayNumber('2026-11-01T12:00:00Z'));
  });
});
