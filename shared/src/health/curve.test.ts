import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Curve } from '../settings/schema.js';
import { curvePoints } from './curve.js';

const seats: Curve = [
  [0, 0],
  [30, 25],
  [60, 70],
  [80, 100],
];

describe('curvePoints', () => {
  it('returns the points at each curve point exactly', () => {
    expect(seats.map(([x]) => curvePoints(seats, x))).toEqual([0, 25, 70, 100]);
  });

  it('interpolates linearly between neighbouring points', () => {
    expect(curvePoints(seats, 45)).toBeCloseTo(47.5);
    expect(curvePoints(seats, 70)).toBeCloseTo(85);
  });

  it('stays flat beyond the first and last point', () => {
    expect(curvePoints(seats, -10)).toBe(0);
    expect(curvePoints(seats, 250)).toBe(100);
    expect(curvePoints(seats, Infinity)).toBe(100);
    expect(curvePoints(seats, -Infinity)).toBe(0);
  });

  it('handles falling curves, where a higher value is worse', () => {
    const days: Curve = [
      [0, 100],
      [30, 30],
      [60, 0],
    ];
    expect(curvePoints(days, 15)).toBeCloseTo(65);
    expect(curvePoints(days, 90)).toBe(0);
  });

  it('gives no points for a value that is not a number', () => {
    expect(curvePoints(seats, Number.NaN)).toBe(0);
  });

  const curveArb = fc
    .uniqueArray(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 2, maxLength: 8 })
    .chain((xs) =>
      fc
        .array(fc.double({ min: 0, max: 100, noNaN: true }), {
          minLength: xs.length,
          maxLength: xs.length,
        })
        .map((ys) => [...xs].sort((a, b) => a - b).map((x, i) => [x, ys[i] ?? 0]) as Curve),
    )
    .filter((c) => c.every((p, i) => i === 0 || p[0] > (c[i - 1]?.[0] ?? -Infinity)));

  it('always lands in 0–100 for any valid curve and any value', () => {
    fc.assert(
      fc.property(curveArb, fc.double(), (curve, value) => {
        const points = curvePoints(curve, value);
        expect(Number.isFinite(points)).toBe(true);
        expect(points).toBeGreaterThanOrEqual(0);
        expect(points).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('stays between the two neighbouring points it interpolates', () => {
    fc.assert(
      fc.property(curveArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), (curve, t, i) => {
        const k = 1 + (i % (curve.length - 1));
        const [x0, y0] = curve[k - 1] ?? [0, 0];
        const [x1, y1] = curve[k] ?? [0, 0];
        // x0 + t·(x1 − x0) can round past x1 when the points differ by many orders of magnitude.
        const points = curvePoints(curve, Math.min(x1, x0 + t * (x1 - x0)));
        expect(points).toBeGreaterThanOrEqual(Math.min(y0, y1) - 1e-9);
        expect(points).toBeLessThanOrEqual(Math.max(y0, y1) + 1e-9);
      }),
    );
  });

  it('never falls as the value rises on a rising curve', () => {
    fc.assert(
      fc.property(
        curveArb.map((c) => {
          const ys = c.map((p) => p[1]).sort((a, b) => a - b);
          return c.map((p, i) => [p[0], ys[i] ?? 0]) as Curve;
        }),
        fc.double({ noNaN: true }),
        fc.double({ noNaN: true }),
        (curve, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(curvePoints(curve, hi)).toBeGreaterThanOrEqual(curvePoints(curve, lo) - 1e-9);
        },
      ),
    );
  });
});
