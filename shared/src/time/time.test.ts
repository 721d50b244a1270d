import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addHours,
  daysBetween,
  isoDate,
  lastInstantReader,
  monthsBetween,
  toEpochMs,
} from './time.js';

describe('time', () => {
  it('counts whole and fractional days, negative when going back', () => {
    expect(daysBetween('2025-05-01T00:00:00Z', '2025-06-01T00:00:00Z')).toBe(31);
    expect(daysBetween('2025-06-01T00:00:00Z', '2025-05-31T12:00:00Z')).toBe(-0.5);
  });

  it('respects offsets: the same instant written two ways is zero days apart', () => {
    expect(daysBetween('2025-06-01T02:00:00+02:00', '2025-06-01T00:00:00Z')).toBe(0);
  });

  it('adds days and hours, returning ISO date-times in UTC', () => {
    expect(addDays('2025-02-27T00:00:00Z', 2)).toBe('2025-03-01T00:00:00.000Z');
    expect(addDays('2024-02-27T00:00:00Z', 2)).toBe('2024-02-29T00:00:00.000Z');
    expect(addHours('2025-06-01T22:00:00Z', 3)).toBe('2025-06-02T01:00:00.000Z');
  });

  it('measures months with an average month length', () => {
    expect(monthsBetween('2024-06-01T00:00:00Z', '2025-06-01T00:00:00Z')).toBeCloseTo(12, 1);
    expect(monthsBetween('2025-06-01T00:00:00Z', '2025-06-01T00:00:00Z')).toBe(0);
  });

  it('gives the UTC calendar date of an instant', () => {
    expect(isoDate('2025-06-01T23:30:00-02:00')).toBe('2025-06-02');
  });

  it('moves forward then back by the same number of days to the same instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.integer({ min: -20_000, max: 20_000 }),
        (ms, days) => {
          const start = new Date(ms).toISOString();
          const moved = addDays(start, days);
          expect(daysBetween(start, moved)).toBeCloseTo(days, 9);
          expect(toEpochMs(addDays(moved, -days))).toBe(ms);
        },
      ),
    );
  });
});

describe('reading instants', () => {
  it('reads ISO text exactly as Date.parse does, and leaves anything else to it', () => {
    for (const text of [
      '2025-06-01T02:00:00+02:00',
      '2025-06-01',
      '2025-02-29T00:00:00Z',
      'soon',
    ]) {
      expect(toEpochMs(text)).toBe(Date.parse(text));
    }
    // Unvalidated input can carry null where a date belongs: no score, but no crash either.
    expect(toEpochMs(null as unknown as string)).toBeNaN();
  });

  it('remembers the last text read without mixing up different instants', () => {
    const read = lastInstantReader();
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), {
          maxLength: 20,
        }),
        (instants) => {
          for (const ms of instants) {
            const iso = new Date(ms).toISOString();
            expect(read(iso)).toBe(ms);
            expect(read(iso)).toBe(ms);
          }
        },
      ),
    );
  });
});
