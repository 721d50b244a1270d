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

const orders = new WeakMap<Float64Array, Int32Array>();

/** Rows with the signal observed, in ascending order of its value; computed once per column. */
export function observedOrder(column: Float64Array): Int32Array {
  let order = orders.get(column);
  if (!order) {
    const present: number[] = [];
    for (let i = 0; i < column.length; i++) if (!Number.isNaN(column[i] as number)) present.push(i);
    order = Int32Array.from(present).sort((a, b) => (column[a] as number) - (column[b] as number));
    orders.set(column, order);
  }
  return order;
}

/** The observed rows of `rows`, ascending by the signal's value, without sorting again. */
export function sortedObservedRows(
  column: Float64Array,
  rows: Int32Array,
  total: number,
): Int32Array {
  const member = new Uint8Array(total);
  for (let k = 0; k < rows.length; k++) member[rows[k] as number] = 1;
  const order = observedOrder(column);
  const out = new Int32Array(order.length);
  let n = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (member[i]) out[n++] = i;
  }
  return out.subarray(0, n);
}
