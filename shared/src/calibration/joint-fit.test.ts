import { describe, expect, it } from 'vitest';
import { fitSignalCurve } from './curve-fit.js';
import { fitJointShapes } from './joint-fit.js';
import { seededRandom } from './random.js';

describe('joint refit of curves and weights', () => {
  // Churn depends on `cause` only; `echo` follows cause loosely, so on its own it looks predictive too.
  const n = 4000;
  const random = seededRandom(21);
  const cause = new Float64Array(n);
  const echo = new Float64Array(n);
  const churned: boolean[] = [];
  for (let i = 0; i < n; i++) {
    cause[i] = random() * 100;
    echo[i] = cause[i]! * 0.6 + random() * 40;
    churned.push(random() < 1 / (1 + Math.exp(-(1.5 - cause[i]! / 25))));
  }
  const matrix = { rows: n, columns: [cause, echo] };
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  const curves = [fitSignalCurve(cause, churned, rows), fitSignalCurve(echo, churned, rows)];
  const shapes = fitJointShapes(matrix, churned, rows, curves, [0, 1]);

  it('credits the signal that carries the effect over one that only echoes it', () => {
    expect(curves[1]!.direction).toBe('higher_is_healthier');
    expect(shapes.get(0)!.strength).toBeGreaterThan(3 * shapes.get(1)!.strength);
  });

  it('keeps each curve monotone in the learned direction, from 0 to 100 points', () => {
    const points = shapes.get(0)!.curve.map((p) => p[1]);
    for (let k = 1; k < points.length; k++)
      expect(points[k]!).toBeGreaterThanOrEqual(points[k - 1]!);
    expect(points[0]).toBe(0);
    expect(points[points.length - 1]).toBe(100);
  });
});
