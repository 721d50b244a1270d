import { curvePoints } from '../health/curve.js';
import type { Settings } from '../settings/schema.js';
import { MEASURE_KEYS, type MeasureKey } from '../vocabulary/keys.js';
import { fitBandCutoffs, type BandCutoffs } from './band-fit.js';
import { fitSignalCurve, type FittedCurve } from './curve-fit.js';
import { scoreRows } from './score-rows.js';
import { fitJointShapes } from './joint-fit.js';
import { fitLogistic } from './logistic.js';
import { fitChurnProbability, type ChurnProbabilityModel } from './probability.js';
import { SIGNAL_COLUMNS, sortedObservedRows, type SignalMatrix } from './signal-matrix.js';
import { apportion } from './weights.js';

export interface ModelFitOptions {
  maxCurvePoints?: number;
  /** Smallest share of rows each band must hold. */
  minBandShare?: number;
  /** Keep the admin's curves and refit only weights and bands. */
  keepCurves?: boolean;
}

export interface FittedModel {
  settings: Settings;
  /** Per signal (SIGNAL_COLUMNS order): its refitted curve, or null when it could not be learned. */
  curves: (FittedCurve | null)[];
  /** Per signal: the non-negative logistic coefficient behind its weight (log-odds per 100 points). */
  coefficients: number[];
  bands: BandCutoffs;
  probability: ChurnProbabilityModel;
  /** Scores of the rows it was fitted on, under the fitted settings. */
  trainScores: Float64Array;
}

/**
 * Learns a complete health model from the given rows only: a monotone curve per signal, then
 * non-negative weights by logistic regression of churn on the signals' points, turned into
 * measure weights summing to 100 and signal weights within each measure; then band cut-offs and
 * the score → churn-probability map on the same rows. Measures without evidence get weight 0.
 */
export function fitModel(
  matrix: SignalMatrix,
  churned: readonly boolean[],
  rows: Int32Array,
  base: Settings,
  options: ModelFitOptions = {},
): FittedModel {
  const rowChurned = Array.from(rows, (i) => churned[i] as boolean);
  const curves = SIGNAL_COLUMNS.map(({ measure, signal }, c) => {
    if (options.keepCurves) {
      const curve = signalCurve(base, measure, signal);
      return curve ? { curve, direction: 'flat' as const, bins: [], observed: 0 } : null;
    }
    const column = matrix.columns[c]!;
    return fitSignalCurve(column, churned, sortedObservedRows(matrix, c, rows), {
      maxPoints: options.maxCurvePoints ?? 8,
      presorted: true,
    });
  });
  const used = curves.flatMap((c, index) => (c && c.direction !== 'flat' ? [index] : []));

  const coefficients = SIGNAL_COLUMNS.map(() => 0);
  if (options.keepCurves) {
    const protective = fitProtective(pointsMatrix(matrix, rows, curves, used), used, rowChurned);
    used.forEach((column, j) => (coefficients[column] = protective[j] ?? 0));
  } else {
    const shapes = fitJointShapes(matrix, churned, rows, curves, used);
    for (const [column, shape] of shapes) {
      coefficients[column] = shape.strength;
      const fitted = curves[column];
      if (fitted && shape.strength > 0) curves[column] = { ...fitted, curve: shape.curve };
    }
  }

  const settings = buildSettings(base, curves, coefficients);
  const trainScores = scoreRows(matrix, settings, rows);
  const scored = Array.from(trainScores).flatMap((s, k) => (Number.isNaN(s) ? [] : [k]));
  const scores = scored.map((k) => trainScores[k] as number);
  const outcomes = scored.map((k) => rowChurned[k] as boolean);
  const bands = fitBandCutoffs(scores, outcomes, options.minBandShare ?? 0.05) ?? base.bands;
  settings.bands = { green: bands.green, yellow: bands.yellow };
  return {
    settings,
    curves,
    coefficients,
    bands,
    probability: fitChurnProbability(scores, outcomes),
    trainScores,
  };
}

/** Points per used signal, 0–1; an unobserved signal takes its average so it pulls neither way. */
function pointsMatrix(
  matrix: SignalMatrix,
  rows: Int32Array,
  curves: (FittedCurve | null)[],
  used: number[],
): Float64Array {
  const x = new Float64Array(rows.length * used.length);
  used.forEach((column, j) => {
    const values = matrix.columns[column]!;
    const curve = curves[column]!.curve;
    let sum = 0;
    let n = 0;
    for (let k = 0; k < rows.length; k++) {
      const v = values[rows[k] as number] as number;
      if (Number.isNaN(v)) continue;
      const p = curvePoints(curve, v) / 100;
      x[k * used.length + j] = p;
      sum += p;
      n++;
    }
    const mean = n > 0 ? sum / n : 0.5;
    for (let k = 0; k < rows.length; k++) {
      if (Number.isNaN(values[rows[k] as number] as number)) x[k * used.length + j] = mean;
    }
  });
  return x;
}

/** Non-negative protective weights: regress churn on (1 − points) so each effect must raise risk. */
function fitProtective(x: Float64Array, used: number[], churned: boolean[]): number[] {
  if (used.length === 0) return [];
  const risk = x.map((p) => 1 - p);
  return fitLogistic(risk, used.length, churned, { nonNegative: true, ridge: 1e-4 }).coefficients;
}

function signalCurve(settings: Settings, measure: MeasureKey, signal: string) {
  const signals = settings.measures[measure].signals as Record<
    string,
    { curve: [number, number][] }
  >;
  return signals[signal]?.curve;
}

function buildSettings(
  base: Settings,
  curves: (FittedCurve | null)[],
  coefficients: number[],
): Settings {
  const settings = structuredClone(base);
  const measureRaw = MEASURE_KEYS.map((measure) =>
    SIGNAL_COLUMNS.reduce((s, c, i) => (c.measure === measure ? s + (coefficients[i] ?? 0) : s), 0),
  );
  if (measureRaw.every((w) => w <= 0)) return settings; // nothing learned: keep the admin's model
  const measureWeights = apportion(measureRaw, 100);
  MEASURE_KEYS.forEach((measure, m) => {
    const entry = settings.measures[measure];
    entry.weight = measureWeights[m] ?? 0;
    const signals = entry.signals as Record<string, { weight: number; curve: [number, number][] }>;
    const total = measureRaw[m] ?? 0;
    SIGNAL_COLUMNS.forEach((c, i) => {
      if (c.measure !== measure) return;
      const setting = signals[c.signal];
      if (!setting) return;
      const fitted = curves[i];
      if (fitted && fitted.direction !== 'flat') setting.curve = fitted.curve;
      setting.weight = total > 0 ? Math.round((10_000 * (coefficients[i] ?? 0)) / total) / 100 : 0;
    });
  });
  return settings;
}
