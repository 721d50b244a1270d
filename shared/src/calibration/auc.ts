/** A point on the ROC curve: false-positive rate and true-positive rate at one risk cut-off. */
export interface RocPoint {
  fpr: number;
  tpr: number;
}

/**
 * Area under the ROC curve of `risk` against `churned`: the chance that a random churned account
 * carries more risk than a random retained one, ties counting half. Null when only one outcome is
 * present, because the area is then undefined.
 */
export function auc(risk: ArrayLike<number>, churned: ArrayLike<boolean>): number | null {
  const n = risk.length;
  const order = sortedIndex(risk);
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    const value = risk[order[i] as number] as number;
    while (j + 1 < n && risk[order[j + 1] as number] === value) j++;
    // Tied risks share the mean of the ranks they span (ranks are 1-based).
    const midRank = (i + j + 2) / 2;
    for (let t = i; t <= j; t++) {
      if (churned[order[t] as number]) {
        positives++;
        rankSum += midRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** The ROC curve from the riskiest cut-off down, one point per distinct risk value. */
export function rocCurve(risk: ArrayLike<number>, churned: ArrayLike<boolean>): RocPoint[] {
  const n = risk.length;
  const order = sortedIndex(risk).reverse();
  let positives = 0;
  for (let i = 0; i < n; i++) if (churned[i]) positives++;
  const negatives = n - positives;
  const points: RocPoint[] = [{ fpr: 0, tpr: 0 }];
  if (positives === 0 || negatives === 0) return points;
  let tp = 0;
  let fp = 0;
  let i = 0;
  while (i < n) {
    const value = risk[order[i] as number];
    while (i < n && risk[order[i] as number] === value) {
      if (churned[order[i] as number]) tp++;
      else fp++;
      i++;
    }
    points.push({ fpr: fp / negatives, tpr: tp / positives });
  }
  return points;
}

/** Thins a curve to at most `max` points, keeping both ends, for charts. */
export function thinCurve<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return points.slice();
  const out: T[] = [];
  const step = (points.length - 1) / (max - 1);
  for (let k = 0; k < max; k++) out.push(points[Math.round(k * step)] as T);
  return out;
}

function sortedIndex(values: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (values[a] as number) - (values[b] as number));
}

/** An AUC below chance: risk is ranked the wrong way round, so acting on the flags does harm. */
export function ranksBackwards(auc: number | null): boolean {
  return auc !== null && auc < 0.5;
}
