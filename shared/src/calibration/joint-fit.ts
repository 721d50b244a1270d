import type { Curve } from '../settings/schema.js';
import type { FittedCurve } from './curve-fit.js';
import { fitLogistic } from './logistic.js';
import type { SignalMatrix } from './signal-matrix.js';

export interface JointShape {
  /** The refitted curve (same knots as the univariate one). */
  curve: Curve;
  /** Log-odds of churn between the signal's worst and best value, all else equal; ≥ 0. */
  strength: number;
}

/**
 * Refits every signal's curve together with its weight, as one monotone additive logistic model:
 * each curve becomes a sum of ramps between its knots, each ramp may only add risk in the
 * direction the signal was found to point, and all ramps are fitted jointly (non-negative
 * logistic regression). Unlike fitting each curve on its own, this accounts for signals that
 * overlap (tenure and contract term, say). The result is still a piecewise-linear curve per
 * signal and a weight per signal, so it drops into settings unchanged.
 * Fitting uses at most `maxRows` rows, spread evenly, to bound the cost on large histories.
 */
export function fitJointShapes(
  matrix: Pick<SignalMatrix, 'rows' | 'columns'>,
  churned: readonly boolean[],
  rows: Int32Array,
  curves: readonly (FittedCurve | null)[],
  used: readonly number[],
  maxRows = 10_000,
): Map<number, JointShape> {
  const sample = spread(rows, maxRows);
  const ramps: { column: number; from: number; to: number; rising: boolean }[] = [];
  for (const column of used) {
    const fitted = curves[column];
    if (!fitted || fitted.direction === 'flat') continue;
    const knots = fitted.curve.map((p) => p[0]);
    for (let k = 1; k < knots.length; k++) {
      ramps.push({
        column,
        from: knots[k - 1] as number,
        to: knots[k] as number,
        rising: fitted.direction === 'lower_is_healthier',
      });
    }
  }
  const d = ramps.length;
  const x = new Float64Array(sample.length * d);
  ramps.forEach((ramp, j) => {
    const values = matrix.columns[ramp.column]!;
    let sum = 0;
    let n = 0;
    for (let k = 0; k < sample.length; k++) {
      const v = values[sample[k] as number] as number;
      if (Number.isNaN(v)) continue;
      const r = Math.min(1, Math.max(0, (v - ramp.from) / (ramp.to - ramp.from)));
      // Risk grows along the ramp for a signal where lower is healthier, and shrinks otherwise.
      const risk = ramp.rising ? r : 1 - r;
      x[k * d + j] = risk;
      sum += risk;
      n++;
    }
    const mean = n > 0 ? sum / n : 0;
    for (let k = 0; k < sample.length; k++) {
      if (Number.isNaN(values[sample[k] as number] as number)) x[k * d + j] = mean;
    }
  });
  const fit = fitLogistic(
    x,
    d,
    Array.from(sample, (i) => churned[i] as boolean),
    { nonNegative: true, ridge: 1e-4 },
  );

  const out = new Map<number, JointShape>();
  for (const column of used) {
    const fitted = curves[column];
    if (!fitted || fitted.direction === 'flat') continue;
    const steps = ramps.flatMap((r, j) => (r.column === column ? [fit.coefficients[j] ?? 0] : []));
    const strength = steps.reduce((s, v) => s + v, 0);
    if (strength <= 0) {
      out.set(column, { curve: fitted.curve, strength: 0 });
      continue;
    }
    const rising = fitted.direction === 'lower_is_healthier';
    let climbed = 0;
    const curve: Curve = fitted.curve.map(([value], k) => {
      if (k > 0) climbed += steps[k - 1] ?? 0;
      const share = climbed / strength;
      // Points at each knot: the share of the signal's total risk not yet incurred.
      return [value, Math.round(100 * (rising ? 1 - share : share) * 100) / 100];
    });
    out.set(column, { curve, strength });
  }
  return out;
}

function spread(rows: Int32Array, max: number): Int32Array {
  if (rows.length <= max) return rows;
  const out = new Int32Array(max);
  const step = rows.length / max;
  for (let k = 0; k < max; k++) out[k] = rows[Math.floor(k * step)] as number;
  return out;
}
