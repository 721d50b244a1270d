import { readSignals } from '../health/measures.js';
import {
  MEASURE_KEYS,
  MEASURE_SIGNALS,
  type MeasureKey,
  type SignalKey,
} from '../settings/schema.js';
import type { AccountSnapshot } from '../snapshot/schema.js';

/** Every signal of the model, in a fixed order, with the measure it belongs to. */
export const SIGNAL_COLUMNS: readonly { measure: MeasureKey; signal: SignalKey }[] =
  MEASURE_KEYS.flatMap((measure) =>
    (MEASURE_SIGNALS[measure] as readonly SignalKey[]).map((signal) => ({ measure, signal })),
  );

/**
 * Raw signal values of many snapshots, read once, as a column per signal (NaN = not observed).
 * Calibration refits curves and weights many times over these without re-reading snapshots.
 */
export interface SignalMatrix {
  rows: number;
  columns: Float64Array[];
}

export function signalMatrix(snapshots: readonly AccountSnapshot[]): SignalMatrix {
  const columns = SIGNAL_COLUMNS.map(() => new Float64Array(snapshots.length).fill(NaN));
  snapshots.forEach((snapshot, i) => {
    const values = readSignals(snapshot);
    SIGNAL_COLUMNS.forEach(({ signal }, c) => {
      const v = values[signal];
      if (v !== undefined) columns[c]![i] = v;
    });
  });
  return { rows: snapshots.length, columns };
}
