import { MEASURE_LABELS } from '../health/measures.js';
import { parseSettings } from '../settings/migrate.js';
import type { Settings } from '../settings/schema.js';
import { MEASURE_KEYS, type MeasureKey, type SignalKey } from '../vocabulary/keys.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { fail, ok, type Result } from '../result/result.js';
import type { BandCutoffs } from './band-fit.js';
import type { SignalBin, SignalDirection } from './curve-fit.js';
import {
  riskAuc,
  probabilities,
  probabilityFrom,
  summarise,
  type ModelEvaluation,
} from './evaluate.js';
import { scoreRows } from './score-rows.js';
import { stratifiedFolds, stratifiedHoldout } from './folds.js';
import { fitModel, type ModelFitOptions } from './model-fit.js';
import type { ChurnProbabilityModel } from './probability.js';
import { SIGNAL_COLUMNS, signalMatrix, type SignalMatrix } from './signal-matrix.js';
import { auc } from './auc.js';

export interface CalibrationOptions extends ModelFitOptions {
  folds: number;
  seed: number;
  /** Called as work completes, for progress bars; calibration itself does no I/O. */
  onProgress?: (done: number, total: number) => void;
}

export interface QuintileRate {
  from: number;
  to: number;
  count: number;
  churnRate: number;
}

export interface SignalEvidence {
  signal: SignalKey;
  defaultWeight: number;
  calibratedWeight: number;
  direction: SignalDirection | 'not_learned';
  observed: number;
  /** AUC of the signal on its own, oriented the way the data points (≥ 0.5 when it carries signal). */
  auc: number | null;
  bins: SignalBin[];
  curve: [number, number][];
}

export interface MeasureEvidence {
  measure: MeasureKey;
  label: string;
  defaultWeight: number;
  calibratedWeight: number;
  /** Share of rows where the measure was observed. */
  observedShare: number;
  /** AUC of the measure's own score (risk = 100 − score) where observed, under the calibrated model. */
  auc: number | null;
  quintiles: QuintileRate[];
  signals: SignalEvidence[];
}

export interface CalibrationReport {
  rows: number;
  churned: number;
  folds: number;
  seed: number;
  /** Cross-validated: every row scored by a model that never saw it. */
  default: ModelEvaluation;
  calibrated: ModelEvaluation;
  /** The model fitted on all rows: the settings to save. */
  settings: Settings;
  weights: Record<MeasureKey, number>;
  defaultWeights: Record<MeasureKey, number>;
  bands: BandCutoffs;
  defaultBands: BandCutoffs;
  probability: ChurnProbabilityModel;
  measures: MeasureEvidence[];
  /** Out-of-fold scores and probabilities, row by row (NaN where unscored), for charts. */
  outOfFold: {
    defaultScores: Float64Array;
    defaultProbability: Float64Array;
    calibratedScores: Float64Array;
    calibratedProbability: Float64Array;
  };
}

/**
 * Calibrates the health model on historical outcomes under k-fold cross-validation: each fold is
 * scored by a model fitted on the other folds (curves, weights, bands and probability map all
 * learned without it), for both the given settings and the calibrated ones; the settings to save
 * are then fitted on all rows. The result is checked against the settings schema before return.
 */
export function calibrate(
  snapshots: readonly AccountSnapshot[],
  churned: readonly boolean[],
  base: Settings,
  options: CalibrationOptions,
): Result<CalibrationReport> {
  if (snapshots.length !== churned.length) {
    return fail([{ path: 'churned', message: 'one outcome per snapshot is needed' }]);
  }
  return calibrateMatrix(signalMatrix(snapshots), churned, base, options);
}

/** calibrate over signals already read (a large export keeps only these numbers per row). */
export function calibrateMatrix(
  matrix: SignalMatrix,
  churned: readonly boolean[],
  base: Settings,
  options: CalibrationOptions,
): Result<CalibrationReport> {
  if (matrix.rows !== churned.length) {
    return fail([{ path: 'churned', message: 'one outcome per snapshot is needed' }]);
  }
  const positives = churned.filter(Boolean).length;
  const k = Math.floor(options.folds);
  if (!(k >= 2)) return fail([{ path: 'folds', message: 'use at least 2 folds' }]);
  if (positives < k || matrix.rows - positives < k) {
    return fail([
      {
        path: 'rows',
        message: `each of the ${k} folds needs churned and retained accounts (have ${positives} churned of ${matrix.rows})`,
      },
    ]);
  }
  const total = k + 2;
  let done = 0;
  const tick = () => options.onProgress?.(++done, total);

  tick();
  const n = matrix.rows;
  const fold = stratifiedFolds(churned, k, options.seed);
  const defaultScores = scoreRows(matrix, base);
  const oof = {
    defaultScores,
    defaultProbability: new Float64Array(n).fill(NaN),
    calibratedScores: new Float64Array(n).fill(NaN),
    calibratedProbability: new Float64Array(n).fill(NaN),
  };
  const defaultFoldAuc: (number | null)[] = [];
  const calibratedFoldAuc: (number | null)[] = [];
  for (let f = 0; f < k; f++) {
    const train = rowsWhere(n, (i) => fold[i] !== f);
    const test = rowsWhere(n, (i) => fold[i] === f);
    const model = fitModel(matrix, churned, train, base, options);
    const testScores = scoreRows(matrix, model.settings, test);
    const testProbability = probabilities(model.probability, testScores);
    const defaultModel = probabilityFrom(pick(defaultScores, train), pick(churned, train));
    const testChurned = pick(churned, test);
    test.forEach((i, t) => {
      oof.calibratedScores[i] = testScores[t] as number;
      oof.calibratedProbability[i] = testProbability[t] as number;
      oof.defaultProbability[i] = probabilities(defaultModel, [
        defaultScores[i] as number,
      ])[0] as number;
    });
    calibratedFoldAuc.push(riskAuc(testScores, testChurned));
    defaultFoldAuc.push(riskAuc(pick(defaultScores, test), testChurned));
    tick();
  }

  const all = rowsWhere(n, () => true);
  const final = fitModel(matrix, churned, all, base, options);
  const checked = parseSettings(final.settings);
  if (!checked.success) return fail(checked.issues);
  tick();

  return ok({
    rows: n,
    churned: positives,
    folds: k,
    seed: options.seed,
    default: summarise(oof.defaultScores, oof.defaultProbability, churned, defaultFoldAuc),
    calibrated: summarise(
      oof.calibratedScores,
      oof.calibratedProbability,
      churned,
      calibratedFoldAuc,
    ),
    settings: checked.data,
    weights: weightsOf(checked.data),
    defaultWeights: weightsOf(base),
    bands: { ...checked.data.bands },
    defaultBands: { ...base.bands },
    probability: final.probability,
    measures: measureEvidence(matrix, churned, base, checked.data, final.curves),
    outOfFold: oof,
  });
}

/** Held-out check: fit on one stratified share, evaluate once on the rest. */
export interface HoldoutReport {
  trainRows: number;
  testRows: number;
  default: { auc: number | null; brier: number | null };
  calibrated: { auc: number | null; brier: number | null };
}

export function holdoutEvaluation(
  snapshots: readonly AccountSnapshot[],
  churned: readonly boolean[],
  base: Settings,
  options: { share: number; seed: number } & ModelFitOptions,
): HoldoutReport {
  return holdoutEvaluationOfMatrix(signalMatrix(snapshots), churned, base, options);
}

export function holdoutEvaluationOfMatrix(
  matrix: SignalMatrix,
  churned: readonly boolean[],
  base: Settings,
  options: { share: number; seed: number } & ModelFitOptions,
): HoldoutReport {
  const held = stratifiedHoldout(churned, options.share, options.seed);
  const train = rowsWhere(matrix.rows, (i) => !held[i]);
  const test = rowsWhere(matrix.rows, (i) => held[i] === true);
  const model = fitModel(matrix, churned, train, base, options);
  const testChurned = pick(churned, test);
  const evaluate = (settings: Settings, trainScores: ArrayLike<number>) => {
    const scores = scoreRows(matrix, settings, test);
    const probability = probabilities(probabilityFrom(trainScores, pick(churned, train)), scores);
    return summarise(scores, probability, testChurned, []);
  };
  const d = evaluate(base, scoreRows(matrix, base, train));
  const c = evaluate(model.settings, model.trainScores);
  return {
    trainRows: train.length,
    testRows: test.length,
    default: { auc: d.auc, brier: d.brier },
    calibrated: { auc: c.auc, brier: c.brier },
  };
}

function measureEvidence(
  matrix: SignalMatrix,
  churned: readonly boolean[],
  base: Settings,
  calibrated: Settings,
  curves: ReturnType<typeof fitModel>['curves'],
): MeasureEvidence[] {
  return MEASURE_KEYS.map((measure) => {
    // The measure alone: every other measure weighted 0.
    const alone = structuredClone(calibrated);
    for (const m of MEASURE_KEYS) alone.measures[m].weight = m === measure ? 1 : 0;
    // A measure the fit dropped is still shown with evidence: its signals count equally.
    const own = signalSettings(alone, measure);
    if (Object.values(own).every((s) => s.weight <= 0)) {
      for (const s of Object.values(own)) s.weight = 1;
    }
    const scores = scoreRows(matrix, alone);
    const present = rowsWhere(matrix.rows, (i) => !Number.isNaN(scores[i] as number));
    const signals = SIGNAL_COLUMNS.flatMap((c, column): SignalEvidence[] => {
      if (c.measure !== measure) return [];
      const fitted = curves[column] ?? null;
      const values = matrix.columns[column]!;
      const observedRows = rowsWhere(matrix.rows, (i) => !Number.isNaN(values[i] as number));
      const raw = auc(pick(values, observedRows), pick(churned, observedRows));
      return [
        {
          signal: c.signal,
          defaultWeight: signalWeight(base, measure, c.signal),
          calibratedWeight: signalWeight(calibrated, measure, c.signal),
          direction: fitted ? fitted.direction : 'not_learned',
          observed: observedRows.length,
          auc: raw === null ? null : Math.max(raw, 1 - raw),
          bins: fitted?.bins ?? [],
          curve: signalCurve(calibrated, measure, c.signal),
        },
      ];
    });
    return {
      measure,
      label: MEASURE_LABELS[measure],
      defaultWeight: base.measures[measure].weight,
      calibratedWeight: calibrated.measures[measure].weight,
      observedShare: matrix.rows ? present.length / matrix.rows : 0,
      auc: riskAuc(pick(scores, present), pick(churned, present)),
      quintiles: quintiles(pick(scores, present), pick(churned, present)),
      signals,
    };
  });
}

function quintiles(scores: number[], churned: boolean[]): QuintileRate[] {
  const order = scores
    .map((_, i) => i)
    .sort((a, b) => (scores[a] as number) - (scores[b] as number));
  const out: QuintileRate[] = [];
  for (let q = 0; q < 5; q++) {
    const slice = order.slice(
      Math.floor((q * order.length) / 5),
      Math.floor(((q + 1) * order.length) / 5),
    );
    if (slice.length === 0) continue;
    out.push({
      from: scores[slice[0] as number] as number,
      to: scores[slice[slice.length - 1] as number] as number,
      count: slice.length,
      churnRate: slice.filter((i) => churned[i]).length / slice.length,
    });
  }
  return out;
}

function signalSettings(settings: Settings, measure: MeasureKey) {
  return settings.measures[measure].signals as Record<
    string,
    { weight: number; curve: [number, number][] }
  >;
}
function signalWeight(settings: Settings, measure: MeasureKey, signal: string): number {
  return signalSettings(settings, measure)[signal]?.weight ?? 0;
}
function signalCurve(settings: Settings, measure: MeasureKey, signal: string): [number, number][] {
  return signalSettings(settings, measure)[signal]?.curve ?? [];
}

function weightsOf(settings: Settings): Record<MeasureKey, number> {
  return Object.fromEntries(MEASURE_KEYS.map((m) => [m, settings.measures[m].weight])) as Record<
    MeasureKey,
    number
  >;
}

function rowsWhere(n: number, keep: (i: number) => boolean): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) out.push(i);
  return Int32Array.from(out);
}

function pick<T>(values: ArrayLike<T>, rows: ArrayLike<number>): T[] {
  return Array.from(rows as ArrayLike<number>, (i) => values[i] as T);
}
