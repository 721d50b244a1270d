import { readSignals, type SignalValues } from '../health/signals.js';
import {
  MEASURE_KEYS,
  MEASURE_SIGNALS,
  type MeasureKey,
  type SignalKey,
} from '../vocabulary/keys.js';
import type { AccountSnapshot } from '../snapshot/schema.js';

/** Every signal of the model, in a fixed order, with the measure it belongs to. */
export const SIGNAL_COLUMNS: readonly { measure: MeasureKey; signal: SignalKey }[] =
  MEASURE_KEYS.flatMap((measure) =>
    (MEASURE_SIGNALS[measure] as readonly SignalKey[]).map((signal) => ({ measure, signal })),
  );

/**
 * The signals of many snapshots, read once. Calibration rescores the rows and refits curves and
 * weights many times over these without reading the snapshots again. Built together by
 * signalMatrix and read only, so its parts always describe the same rows.
 */
export interface SignalMatrix {
  rows: number;
  /** A column per signal (SIGNAL_COLUMNS order), NaN where not observed: what curve fitting reads. */
  columns: Float64Array[];
  /** Per column, the rows where the signal was observed, in ascending order of its value. */
  ascending: Int32Array[];
}

function ascendingObserved(column: Float64Array): Int32Array {
  const present: number[] = [];
  for (let i = 0; i < column.length; i++) if (!Number.isNaN(column[i] as number)) present.push(i);
  return Int32Array.from(present).sort((a, b) => (column[a] as number) - (column[b] as number));
}

export function signalMatrix(snapshots: readonly AccountSnapshot[]): SignalMatrix {
  const builder = signalMatrixBuilder();
  for (const snapshot of snapshots) builder.add(snapshot);
  return builder.build();
}

/** Rows are added one at a time (e.g. as an export streams in) and only their numbers are kept. */
export interface SignalMatrixBuilder {
  add(snapshot: AccountSnapshot): void;
  readonly rows: number;
  build(): SignalMatrix;
}

const FIRST_CAPACITY = 4096;

export function signalMatrixBuilder(): SignalMatrixBuilder {
  let capacity = FIRST_CAPACITY;
  let rows = 0;
  let columns = SIGNAL_COLUMNS.map(() => new Float64Array(capacity));
  return {
    add(snapshot) {
      const values = readSignals(snapshot);
      if (rows === capacity) {
        // Growing by half keeps the copy (old and new side by side) small next to the data.
        capacity = Math.ceil(capacity * 1.5);
        columns = columns.map((c) => {
          const grown = new Float64Array(capacity);
          grown.set(c);
          return grown;
        });
      }
      SIGNAL_COLUMNS.forEach(({ signal }, j) => {
        (columns[j] as Float64Array)[rows] = values[signal] ?? NaN;
      });
      rows++;
    },
    get rows() {
      return rows;
    },
    build() {
      const exact = columns.map((c) => c.slice(0, rows));
      return { rows, columns: exact, ascending: exact.map(ascendingObserved) };
    },
  };
}

/** One row's signal values, as readSignals gave them (unobserved signals absent). */
export function rowSignals(matrix: SignalMatrix, row: number): SignalValues {
  const values: SignalValues = {};
  SIGNAL_COLUMNS.forEach(({ signal }, j) => {
    const v = (matrix.columns[j] as Float64Array)[row] as number;
    if (!Number.isNaN(v)) values[signal] = v;
  });
  return values;
}

/** The observed rows of `rows` in one column, ascending by the signal's value, without sorting again. */
export function sortedObservedRows(
  matrix: SignalMatrix,
  column: number,
  rows: Int32Array,
): Int32Array {
  const member = new Uint8Array(matrix.rows);
  for (let k = 0; k < rows.length; k++) member[rows[k] as number] = 1;
  const order = matrix.ascending[column] as Int32Array;
  const out = new Int32Array(order.length);
  let n = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (member[i]) out[n++] = i;
  }
  return out.subarray(0, n);
}
