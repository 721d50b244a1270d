/** Mean squared gap between predicted churn probability and what happened (0 perfect, lower is better). */
export function brierScore(
  probability: ArrayLike<number>,
  churned: ArrayLike<boolean>,
): number | null {
  const n = probability.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const gap = (probability[i] as number) - (churned[i] ? 1 : 0);
    sum += gap * gap;
  }
  return sum / n;
}

/** One bin of the reliability curve: what was predicted on average, and what happened. */
export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
}

/** Predicted vs observed churn in equal-width probability bins; empty bins are left out. */
export function reliabilityCurve(
  probability: ArrayLike<number>,
  churned: ArrayLike<boolean>,
  bins = 10,
): ReliabilityBin[] {
  const count = new Float64Array(bins);
  const predicted = new Float64Array(bins);
  const observed = new Float64Array(bins);
  for (let i = 0; i < probability.length; i++) {
    const p = probability[i] as number;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    count[b]! += 1;
    predicted[b]! += p;
    if (churned[i]) observed[b]! += 1;
  }
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const c = count[b] as number;
    if (c === 0) continue;
    out.push({
      from: b / bins,
      to: (b + 1) / bins,
      count: c,
      meanPredicted: (predicted[b] as number) / c,
      observedRate: (observed[b] as number) / c,
    });
  }
  return out;
}
