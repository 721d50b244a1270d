/** Scores are shown to one decimal; rounding once, the same way everywhere, keeps faces in agreement. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
