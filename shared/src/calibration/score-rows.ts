import { healthScoreOfSignals } from '../health/weighing.js';
import type { Settings } from '../settings/schema.js';
import { rowSignals, type SignalMatrix } from './signal-matrix.js';

/**
 * Health scores of rows of a signal matrix under some settings (every row, or the rows listed),
 * by the arithmetic scoreHealth uses; NaN where no measure was observed. Calibration rescores
 * thousands of rows per fold, so it scores the signal values read once rather than snapshots.
 */
export function scoreRows(
  matrix: SignalMatrix,
  settings: Settings,
  rows?: ArrayLike<number>,
): Float64Array {
  const count = rows ? rows.length : matrix.rows;
  const scores = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const row = rows ? (rows[k] as number) : k;
    scores[k] =
      row < matrix.rows ? (healthScoreOfSignals(rowSignals(matrix, row), settings) ?? NaN) : NaN;
  }
  return scores;
}
