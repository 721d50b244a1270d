/**
 * Whole-number weights that sum to exactly `total`, in proportion to `raw` (largest remainder), so
 * an admin sees "35, 25, 40" rather than fractions and the sum is never 99 or 101.
 */
export function apportion(raw: readonly number[], total = 100): number[] {
  const sum = raw.reduce((s, v) => s + Math.max(0, v), 0);
  if (sum <= 0) return raw.map(() => 0);
  const exact = raw.map((v) => (Math.max(0, v) / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = exact
    .map((v, i) => ({ i, rest: v - Math.floor(v) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left--;
  }
  return out;
}
