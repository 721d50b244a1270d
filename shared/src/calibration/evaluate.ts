import { auc } from './auc.js';
import { brierScore } from './brier.js';
import {
  churnProbability,
  fitChurnProbability,
  type ChurnProbabilityModel,
} from './probability.js';

/** How well scores rank and predict churn on rows the model did not learn from. */
export interface ModelEvaluation {
  /** AUC of risk (100 − score) vs churned, over all out-of-sample rows pooled. */
  auc: number | null;
  /** AUC within each fold; their mean is the usual cross-validated AUC. */
  foldAuc: (number | null)[];
  meanFoldAuc: number | null;
  /** Brier score of the churn probability, each row's probability fitted on other rows. */
  brier: number | null;
  /** Rows with a score (rows where no measure was observed cannot be ranked). */
  scored: number;
}

/** Keeps only the rows with a score, as parallel arrays. */
export function scoredPairs(scores: ArrayLike<number>, churned: ArrayLike<boolean>) {
  const s: number[] = [];
  const c: boolean[] = [];
  for (let i = 0; i < scores.length; i++) {
    const v = scores[i] as number;
    if (Number.isNaN(v)) continue;
    s.push(v);
    c.push(churned[i] as boolean);
  }
  return { scores: s, churned: c };
}

export function riskAuc(scores: ArrayLike<number>, churned: ArrayLike<boolean>): number | null {
  const p = scoredPairs(scores, churned);
  return auc(
    p.scores.map((s) => 100 - s),
    p.churned,
  );
}

/** Probabilities for rows from a model fitted elsewhere; NaN where the row has no score. */
export function probabilities(
  model: ChurnProbabilityModel,
  scores: ArrayLike<number>,
): Float64Array {
  return Float64Array.from(scores as ArrayLike<number>, (s) =>
    Number.isNaN(s) ? NaN : churnProbability(model, s),
  );
}

export function summarise(
  oofScores: Float64Array,
  oofProbability: Float64Array,
  churned: readonly boolean[],
  foldAuc: (number | null)[],
): ModelEvaluation {
  const p = scoredPairs(oofProbability, churned);
  const present = foldAuc.filter((a): a is number => a !== null);
  return {
    auc: riskAuc(oofScores, churned),
    foldAuc,
    meanFoldAuc: present.length ? present.reduce((s, a) => s + a, 0) / present.length : null,
    brier: brierScore(p.scores, p.churned),
    scored: p.scores.length,
  };
}

/** Fits score → probability on the training rows only. */
export function probabilityFrom(
  scores: ArrayLike<number>,
  churned: ArrayLike<boolean>,
): ChurnProbabilityModel {
  const p = scoredPairs(scores, churned);
  return fitChurnProbability(p.scores, p.churned);
}
