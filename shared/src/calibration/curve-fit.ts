import type { Curve } from '../settings/schema.js';

/** Which way a signal points, learned from the data. */
export type SignalDirection = 'higher_is_healthier' | 'lower_is_healthier' | 'flat';

/** One group of signal values used to fit a curve, with its churn rate. */
export interface SignalBin {
  /** Representative signal value (the bin's median): the curve point's position. */
  value: number;
  from: number;
  to: number;
  count: number;
  churnRate: number;
}

export interface FittedCurve {
  curve: Curve;
  direction: SignalDirection;
  bins: SignalBin[];
  observed: number;
}

export interface CurveFitOptions {
  /** Most curve points; signals with few distinct values get one point per value. */
  maxPoints?: number;
  /** Fewest observed rows before a curve is refitted at all. */
  minRows?: number;
  /** The rows are all observed and already in ascending order of the value. */
  presorted?: boolean;
}

/**
 * Fits a monotone curve from a signal to health points. Rows are grouped into quantile bins, each
 * bin's churn rate is smoothed toward the overall rate, made monotone by isotonic regression in
 * whichever direction fits the data better, and mapped linearly in log-odds onto 0–100 so that
 * the bin that churns least earns 100 points and the one that churns most earns 0.
 * Returns null when the signal is too sparse or too one-sided to learn from.
 */
export function fitSignalCurve(
  values: ArrayLike<number>,
  churned: ArrayLike<boolean>,
  rows: ArrayLike<number>,
  options: CurveFitOptions = {},
): FittedCurve | null {
  const maxPoints = options.maxPoints ?? 8;
  let present: number[] = [];
  if (options.presorted) present = Array.from(rows);
  else {
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k] as number;
      if (Number.isFinite(values[i] as number)) present.push(i);
    }
    present.sort((a, b) => (values[a] as number) - (values[b] as number));
  }
  if (present.length < (options.minRows ?? 30)) return null;
  let positives = 0;
  for (const i of present) if (churned[i]) positives++;
  if (positives === 0 || positives === present.length) return null;
  const baseRate = positives / present.length;

  const bins = quantileBins(present, values, churned, maxPoints, baseRate);
  if (bins.length < 2) return null;
  const rates = bins.map((b) => b.churnRate);
  const weights = bins.map((b) => b.count);
  const rising = isotonic(rates, weights);
  const falling = isotonic(
    rates.map((r) => -r),
    weights,
  ).map((r) => -r);
  const riskRises = sse(rates, rising, weights) <= sse(rates, falling, weights);
  const monotone = riskRises ? rising : falling;
  const logits = monotone.map((p) => Math.log(p / (1 - p)));
  const worst = Math.max(...logits);
  const best = Math.min(...logits);
  if (worst - best < 1e-6) {
    return { curve: flatCurve(bins), direction: 'flat', bins, observed: present.length };
  }
  const curve: Curve = bins.map((b, k) => [
    b.value,
    round2((100 * (worst - (logits[k] as number))) / (worst - best)),
  ]);
  return {
    curve,
    direction: riskRises ? 'lower_is_healthier' : 'higher_is_healthier',
    bins,
    observed: present.length,
  };
}

function quantileBins(
  sorted: number[],
  values: ArrayLike<number>,
  churned: ArrayLike<boolean>,
  maxPoints: number,
  baseRate: number,
): SignalBin[] {
  const n = sorted.length;
  const target = n / maxPoints;
  const bins: SignalBin[] = [];
  let start = 0;
  while (start < n) {
    let end = Math.min(n, Math.max(start + 1, Math.round(start + target)));
    // Never split equal values across bins: extend to the end of the run.
    while (end < n && values[sorted[end] as number] === values[sorted[end - 1] as number]) end++;
    // A small remainder joins this bin rather than standing alone.
    if (n - end < target / 2) end = n;
    let churn = 0;
    for (let k = start; k < end; k++) if (churned[sorted[k] as number]) churn++;
    const count = end - start;
    const prior = 2;
    bins.push({
      value: values[sorted[start + Math.floor((count - 1) / 2)] as number] as number,
      from: values[sorted[start] as number] as number,
      to: values[sorted[end - 1] as number] as number,
      count,
      churnRate: (churn + prior * baseRate) / (count + prior),
    });
    start = end;
  }
  // Medians of disjoint value ranges rise, but equal medians are merged to keep points strictly increasing.
  return bins.filter((b, k) => k === 0 || b.value > (bins[k - 1] as SignalBin).value);
}

/** Pool-adjacent-violators: the non-decreasing sequence closest to `y` in weighted squares. */
export function isotonic(y: number[], w: number[]): number[] {
  const blocks: { value: number; weight: number; size: number }[] = [];
  y.forEach((v, k) => {
    blocks.push({ value: v, weight: w[k] as number, size: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const prev = blocks[blocks.length - 2]!;
      if (prev.value <= last.value) break;
      const weight = prev.weight + last.weight;
      prev.value = (prev.value * prev.weight + last.value * last.weight) / weight;
      prev.weight = weight;
      prev.size += last.size;
      blocks.pop();
    }
  });
  return blocks.flatMap((b) => new Array<number>(b.size).fill(b.value));
}

function sse(y: number[], fit: number[], w: number[]): number {
  return y.reduce((s, v, k) => s + (w[k] as number) * (v - (fit[k] as number)) ** 2, 0);
}

function flatCurve(bins: SignalBin[]): Curve {
  const first = bins[0] as SignalBin;
  const last = bins[bins.length - 1] as SignalBin;
  return [
    [first.value, 50],
    [last.value, 50],
  ];
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
