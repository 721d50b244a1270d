import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitBandCutoffs } from './band-fit.js';
import { fitSignalCurve, isotonic } from './curve-fit.js';
import { stratifiedFolds, stratifiedHoldout } from './folds.js';
import { fitLogistic } from './logistic.js';
import { seededRandom } from './random.js';

function plantedRows(n: number, seed: number) {
  const random = seededRandom(seed);
  const x = new Float64Array(n * 2);
  const churned: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const signal = random();
    const noise = random();
    x[i * 2] = signal;
    x[i * 2 + 1] = noise;
    // Churn falls as the signal rises; the second column is pure noise.
    churned.push(random() < 1 / (1 + Math.exp(-(2 - 5 * signal))));
  }
  return { x, churned };
}

describe('logistic fit', () => {
  it('recovers a planted effect and leaves noise near zero', () => {
    const { x, churned } = plantedRows(4000, 1);
    const fit = fitLogistic(x, 2, churned);
    expect(fit.coefficients[0]!).toBeLessThan(-4);
    expect(fit.coefficients[0]!).toBeGreaterThan(-6);
    expect(Math.abs(fit.coefficients[1]!)).toBeLessThan(0.5);
  });

  it('pins coefficients at zero when asked for non-negative ones', () => {
    const { x, churned } = plantedRows(2000, 2);
    const fit = fitLogistic(x, 2, churned, { nonNegative: true });
    expect(fit.coefficients.every((c) => c >= 0)).toBe(true);
    expect(fit.coefficients[0]).toBe(0);
  });
});

describe('signal curves', () => {
  it('learns that more of a protective signal means more health points', () => {
    const n = 3000;
    const random = seededRandom(3);
    const values = new Float64Array(n);
    const churned: boolean[] = [];
    for (let i = 0; i < n; i++) {
      values[i] = Math.floor(random() * 72);
      churned.push(random() < 0.6 - values[i]! / 150);
    }
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const fitted = fitSignalCurve(values, churned, rows)!;
    expect(fitted.direction).toBe('higher_is_healthier');
    const points = fitted.curve.map((p) => p[1]);
    expect(points[0]).toBe(0);
    expect(points[points.length - 1]).toBe(100);
    for (let i = 1; i < points.length; i++)
      expect(points[i]!).toBeGreaterThanOrEqual(points[i - 1]!);
    for (let i = 1; i < fitted.curve.length; i++) {
      expect(fitted.curve[i]![0]).toBeGreaterThan(fitted.curve[i - 1]![0]);
    }
  });

  it('gives up on a signal nobody has', () => {
    const values = new Float64Array(100).fill(NaN);
    const rows = Int32Array.from({ length: 100 }, (_, i) => i);
    expect(fitSignalCurve(values, new Array(100).fill(false), rows)).toBeNull();
  });

  it('isotonic regression never decreases and keeps the weighted mean', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (y) => {
          const w = y.map(() => 1);
          const fit = isotonic(y, w);
          for (let i = 1; i < fit.length; i++)
            expect(fit[i]!).toBeGreaterThanOrEqual(fit[i - 1]! - 1e-12);
          const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
          expect(mean(fit)).toBeCloseTo(mean(y), 9);
        },
      ),
    );
  });
});

describe('band cut-offs', () => {
  it('puts the cut-offs where churn changes', () => {
    const scores: number[] = [];
    const churned: boolean[] = [];
    for (let s = 0; s < 100; s++) {
      for (let k = 0; k < 10; k++) {
        scores.push(s);
        // red below 30 churns 80%, yellow 30–60 churns 30%, green 60+ churns 5%.
        const rate = s < 30 ? 0.8 : s < 60 ? 0.3 : 0.05;
        churned.push(k < rate * 10);
      }
    }
    expect(fitBandCutoffs(scores, churned)).toEqual({ green: 60, yellow: 30 });
  });

  it('always returns green above yellow with each band holding its minimum share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.boolean()), {
          minLength: 40,
          maxLength: 200,
        }),
        (rows) => {
          const cut = fitBandCutoffs(
            rows.map((r) => r[0]),
            rows.map((r) => r[1]),
            0.05,
          );
          if (!cut) return;
          expect(cut.green).toBeGreaterThan(cut.yellow);
          const min = Math.ceil(0.05 * rows.length);
          expect(rows.filter((r) => r[0] < cut.yellow).length).toBeGreaterThanOrEqual(min);
          expect(rows.filter((r) => r[0] >= cut.green).length).toBeGreaterThanOrEqual(min);
        },
      ),
    );
  });
});

describe('folds', () => {
  it('spreads churned accounts evenly and is the same for the same seed', () => {
    const churned = Array.from({ length: 103 }, (_, i) => i % 4 === 0);
    const a = stratifiedFolds(churned, 5, 42);
    expect(Array.from(stratifiedFolds(churned, 5, 42))).toEqual(Array.from(a));
    for (let f = 0; f < 5; f++) {
      const inFold = churned.filter((_, i) => a[i] === f);
      expect(Math.abs(inFold.length - 103 / 5)).toBeLessThanOrEqual(1);
      expect(Math.abs(inFold.filter(Boolean).length - 26 / 5)).toBeLessThanOrEqual(1);
    }
    expect(Array.from(stratifiedFolds(churned, 5, 43))).not.toEqual(Array.from(a));
  });

  it('holds out about the asked share of each class', () => {
    const churned = Array.from({ length: 1000 }, (_, i) => i % 4 === 0);
    const held = stratifiedHoldout(churned, 0.2, 1);
    expect(held.filter(Boolean).length).toBe(200);
    expect(held.filter((h, i) => h && churned[i]).length).toBe(50);
  });
});
