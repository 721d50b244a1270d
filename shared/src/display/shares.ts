// Weights shown as shares of their total. Rounding each share on its own can show 102% in all;
// largest-remainder rounding hands out the tenths of a percent so the shown shares add up to
// exactly 100.

const TENTHS = 1000;

const usable = (w: unknown): number =>
  typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : 0;

/**
 * Each weight's share of the total in percent, to one decimal, summing to exactly 100; null when
 * no weight is above 0. A weight that is not a number (still being typed) counts as 0.
 */
export function weightShares(weights: readonly unknown[]): number[] | null {
  const values = weights.map(usable);
  const total = values.reduce((a, b) => a + b, 0);
  if (!(total > 0) || !Number.isFinite(total)) return null;
  const exact = values.map((w) => (w / total) * TENTHS);
  const floors = exact.map(Math.floor);
  let left = TENTHS - floors.reduce((a, b) => a + b, 0);
  // Biggest remainder first; on a tie the earlier weight, so the same weights always show the same.
  const order = exact
    .map((x, i) => ({ i, rest: x - (floors[i] ?? 0) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors.map((tenths) => tenths / 10);
}

/** The shares as people read them: "22.7%"; null when no weight is above 0. */
export function displayWeightShares(weights: readonly unknown[]): string[] | null {
  return weightShares(weights)?.map((share) => `${String(share)}%`) ?? null;
}
