import type { Curve } from '../settings/schema.js';

const clampPoints = (points: number): number => Math.min(100, Math.max(0, points));

/**
 * Points (0–100) a signal value earns on an admin-set curve: linear between the curve's points,
 * flat beyond its first and last point. A value that is not a finite number earns nothing rather
 * than poisoning the score with NaN.
 */
export function curvePoints(curve: Curve, value: number): number {
  const first = curve[0];
  const last = curve[curve.length - 1];
  if (first === undefined || last === undefined) return 0;
  if (Number.isNaN(value)) return 0;
  if (value <= first[0]) return clampPoints(first[1]);
  if (value >= last[0]) return clampPoints(last[1]);
  for (let i = 1; i < curve.length; i++) {
    const right = curve[i];
    const left = curve[i - 1];
    if (right === undefined || left === undefined) break;
    if (value <= right[0]) {
      const span = right[0] - left[0];
      // Curves are validated strictly increasing; a zero span can only come from unvalidated input.
      if (span <= 0) return clampPoints(right[1]);
      const t = (value - left[0]) / span;
      return clampPoints(left[1] + t * (right[1] - left[1]));
    }
  }
  return clampPoints(last[1]);
}
