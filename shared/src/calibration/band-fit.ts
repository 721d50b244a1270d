/** Band cut-offs: green from `green` up, yellow from `yellow` up, red below. */
export interface BandCutoffs {
  green: number;
  yellow: number;
}

/**
 * Chooses the two cut-offs (whole points) that make the three bands most informative about churn:
 * the split of the score into green / yellow / red with the best log-likelihood of each band's
 * churn rate, each band holding at least `minShare` of the rows.
 */
export function fitBandCutoffs(
  scores: ArrayLike<number>,
  churned: ArrayLike<boolean>,
  minShare = 0.05,
): BandCutoffs | null {
  const n = scores.length;
  if (n === 0) return null;
  // Counts per whole point below each cut-off c: rows with score < c fall under it.
  const total = new Float64Array(102);
  const churn = new Float64Array(102);
  for (let i = 0; i < n; i++) {
    const s = scores[i] as number;
    // A score s sits below cut-off c exactly when c > s, i.e. from c = floor(s) + 1.
    const slot = Math.min(101, Math.max(0, Math.floor(s) + 1));
    total[slot]! += 1;
    if (churned[i]) churn[slot]! += 1;
  }
  for (let c = 1; c < 102; c++) {
    total[c]! += total[c - 1] as number;
    churn[c]! += churn[c - 1] as number;
  }
  const minRows = Math.max(1, Math.ceil(minShare * n));
  let best: BandCutoffs | null = null;
  let bestLoss = Infinity;
  for (let yellow = 1; yellow <= 99; yellow++) {
    const redN = total[yellow] as number;
    if (redN < minRows) continue;
    for (let green = yellow + 1; green <= 100; green++) {
      const belowGreen = total[green] as number;
      const yellowN = belowGreen - redN;
      const greenN = n - belowGreen;
      if (yellowN < minRows) continue;
      if (greenN < minRows) break;
      const loss =
        binLoss(redN, churn[yellow] as number) +
        binLoss(yellowN, (churn[green] as number) - (churn[yellow] as number)) +
        binLoss(greenN, (churn[101] as number) - (churn[green] as number));
      if (loss < bestLoss - 1e-9) {
        bestLoss = loss;
        best = { green, yellow };
      }
    }
  }
  return best;
}

/** Negative log-likelihood of a bin with `k` churned of `n` at its own rate. */
function binLoss(n: number, k: number): number {
  if (k === 0 || k === n) return 0;
  const p = k / n;
  return -(k * Math.log(p) + (n - k) * Math.log(1 - p));
}
