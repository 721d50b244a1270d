import { curvePoints } from '../health/curve.js';
import { round1 } from '../health/round.js';
import { MEASURE_KEYS, type Settings } from '../settings/schema.js';
import { SIGNAL_COLUMNS, type SignalMatrix } from './signal-matrix.js';

/**
 * Health scores of every row of a signal matrix under some settings, by the same rule as
 * scoreHealth (weighted mean of observed signals per measure, weighted mean of observed measures,
 * each rounded to one decimal) but without drivers and reasons, so calibration can rescore
 * thousands of rows per fold. NaN where no measure was observed.
 */
export function fastScores(
  matrix: SignalMatrix,
  settings: Settings,
  rows?: ArrayLike<number>,
): Float64Array {
  const plan = MEASURE_KEYS.map((measure) => {
    const signals = SIGNAL_COLUMNS.flatMap(({ measure: m, signal }, column) => {
      if (m !== measure) return [];
      const setting = (
        settings.measures[measure].signals as Record<
          string,
          { weight: number; curve: [number, number][] }
        >
      )[signal];
      return setting && setting.weight > 0
        ? [{ column, weight: setting.weight, curve: setting.curve }]
        : [];
    });
    return { weight: settings.measures[measure].weight, signals };
  }).filter((m) => m.weight > 0 && m.signals.length > 0);
  const count = rows ? rows.length : matrix.rows;
  const out = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const i = rows ? (rows[k] as number) : k;
    let sum = 0;
    let weight = 0;
    for (const m of plan) {
      let points = 0;
      let w = 0;
      for (const s of m.signals) {
        const v = matrix.columns[s.column]![i] as number;
        if (Number.isNaN(v)) continue;
        points += curvePoints(s.curve, v) * s.weight;
        w += s.weight;
      }
      if (w <= 0) continue;
      sum += round1(points / w) * m.weight;
      weight += m.weight;
    }
    out[k] = weight > 0 ? round1(sum / weight) : NaN;
  }
  return out;
}
