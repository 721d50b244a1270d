import { fitLogistic, sigmoid } from './logistic.js';

/**
 * Turns a health score into a churn probability: a logistic fit of churn on the score (Platt
 * scaling), learned from rows other than the ones it is applied to wherever it is evaluated.
 */
export interface ChurnProbabilityModel {
  intercept: number;
  /** Change in log-odds of churn per health point (negative when health predicts retention). */
  slope: number;
}

export function fitChurnProbability(
  scores: ArrayLike<number>,
  churned: ArrayLike<boolean>,
): ChurnProbabilityModel {
  const x = new Float64Array(scores.length);
  // Scaled to 0–1 so the Newton steps are well-conditioned; slope is reported per point.
  for (let i = 0; i < scores.length; i++) x[i] = (scores[i] as number) / 100;
  const fit = fitLogistic(x, 1, churned, { ridge: 1e-6 });
  return { intercept: fit.intercept, slope: (fit.coefficients[0] as number) / 100 };
}

export function churnProbability(model: ChurnProbabilityModel, score: number): number {
  return sigmoid(model.intercept + model.slope * score);
}
