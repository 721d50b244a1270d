import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trendBaseline } from './baseline.js';

const AS_OF = '2026-11-02T09:00:00.000Z';
const last = { score: 71, band: 'green', at: '2026-11-02T07:00:00.000Z' };
const kept = { score: 64, band: 'yellow', at: '2026-11-01T07:00:00.000Z' };

describe('trendBaseline', () => {
  it('compares a same-day rescoring with the result kept from before that day', () => {
    expect(trendBaseline(last, kept, AS_OF)).toEqual({
      score: 64,
      band: 'yellow',
      asOf: '2026-11-01T07:00:00.000Z',
    });
  });

  it('compares the first scoring of a new day with the last result written', () => {
    expect(trendBaseline(last, kept, '2026-11-03T09:00:00.000Z')).toEqual({
      score: 71,
      band: 'green',
      asOf: '2026-11-02T07:00:00.000Z',
    });
  });

  it('has no baseline for an account never scored on an earlier day', () => {
    expect(trendBaseline(undefined, undefined, AS_OF)).toBeUndefined();
    expect(trendBaseline(last, undefined, AS_OF)).toBeUndefined();
    expect(trendBaseline(last, { ...kept, at: '2026-11-02T01:00:00.000Z' }, AS_OF)).toBeUndefined();
  });

  it('skips a result with its score, band or date missing or unreadable', () => {
    const old = { ...last, at: '2026-10-30T07:00:00.000Z' };
    expect(trendBaseline({ ...old, score: null }, kept, AS_OF)?.score).toBe(64);
    expect(trendBaseline({ ...old, band: 'purple' }, kept, AS_OF)?.score).toBe(64);
    expect(trendBaseline({ ...old, at: 'yesterday' }, kept, AS_OF)?.score).toBe(64);
    expect(trendBaseline({ ...old, score: Number.NaN }, undefined, AS_OF)).toBeUndefined();
  });

  it('never gives a baseline from the day being scored, whatever is stored', () => {
    const written = fc.record({
      score: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
      band: fc.constantFrom('green', 'yellow', 'red', '', null),
      at: fc
        .integer({ min: Date.UTC(2026, 9, 1), max: Date.UTC(2026, 11, 1) })
        .map((ms) => new Date(ms).toISOString()),
    });
    fc.assert(
      fc.property(fc.option(written), fc.option(written), (l, k) => {
        const b = trendBaseline(l ?? undefined, k ?? undefined, AS_OF);
        if (b !== undefined) expect(b.asOf.slice(0, 10) < AS_OF.slice(0, 10)).toBe(true);
      }),
    );
  });
});
