import { displayDelta, displayPercent, displayScore } from '../display/numbers.js';
import type { HealthScore } from '../health/types.js';
import type { RenewalRisk } from '../renewal/types.js';
import type { Segment } from '../vocabulary/keys.js';
import { BAND_LABELS, RISK_LEVEL_LABELS, SEGMENT_LABELS } from '../vocabulary/labels.js';

/** An evaluation as people read it, so a face shows text instead of formatting numbers itself. */
export interface EvaluationDisplay {
  /** "44.9"; null without a score. */
  score: string | null;
  /** "Green" / "Yellow" / "Red"; null without a score. */
  band: string | null;
  /** "+3.2" against the baseline; null on a first scoring. */
  trend: string | null;
  /** "87.5%" of the model's weight observed. */
  coverage: string;
  /** "High" */
  risk: string;
  /** "Mid-Market" */
  segment: string;
}

export function evaluationDisplay(
  health: HealthScore,
  risk: RenewalRisk,
  segment: Segment,
): EvaluationDisplay {
  const delta = health.trend.delta;
  return {
    score: health.score === null ? null : displayScore(health.score),
    band: health.band === null ? null : BAND_LABELS[health.band],
    trend: delta === undefined ? null : displayDelta(delta),
    coverage: displayPercent(health.coverage),
    risk: RISK_LEVEL_LABELS[risk.level],
    segment: SEGMENT_LABELS[segment],
  };
}
