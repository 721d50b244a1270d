import { round1 } from '../health/round.js';
import type { PreviousHealth } from '../health/types.js';
import type { AccountEvaluation } from '../evaluation/evaluate.js';
import type { RiskLevel } from '../renewal/types.js';
import type { Band } from '../vocabulary/keys.js';
import { percentOf } from '../display/numbers.js';
import { isoDate, toEpochMs } from '../time/time.js';

/** The result fields csops keeps on the account, for lists, reports and workflows. */
export interface HealthResult {
  score: number;
  band: Band;
  /** Score change against the baseline, one decimal; null on a first scoring. */
  trend: number | null;
  /** Percent of the model's weight observed, one decimal (as `percentOf` shows it). */
  coverage: number;
  riskLevel: RiskLevel;
  arrAtRisk: number;
  updatedAt: string;
  /** The baseline the trend used, kept so the next scoring on the same day finds it again. */
  previousScore: number | null;
  previousBand: Band | null;
  previousAt: string | null;
  /** The saved settings version the result was scored under; null under the defaults. */
  settingsVersion: number | null;
}

/** What the CRM holds now, in whatever spelling it keeps: numbers may arrive as text, blanks as "". */
export type StoredHealthResult = Partial<Record<keyof HealthResult, string | number | null>>;

const NUMBERS = [
  'score',
  'trend',
  'coverage',
  'arrAtRisk',
  'previousScore',
  'settingsVersion',
] as const;
const WORDS = ['band', 'riskLevel', 'previousBand'] as const;

const blank = (v: unknown) => v === undefined || v === null || v === '';

function sameNumber(stored: unknown, next: number | null): boolean {
  if (blank(stored)) return next === null;
  return next !== null && Number(stored) === next;
}

function sameInstant(stored: unknown, next: string | null): boolean {
  if (blank(stored)) return next === null;
  return next !== null && toEpochMs(String(stored)) === toEpochMs(next);
}

/**
 * The result to write back after scoring, or null when there is nothing to write:
 * - an account with no observed measure has no result, so the last real score stays on record;
 * - a rescoring on the day of the stored result that gives the same numbers writes nothing;
 * - the first scoring of a new day always writes, moving the stored result to the baseline;
 * - scoring under other settings than the stored result's writes, so the result is no longer stale
 *   (`isScoreStale`) even when the numbers came out the same.
 */
export function healthResultToWrite(
  evaluation: Pick<AccountEvaluation, 'asOf' | 'health' | 'risk'>,
  baseline: PreviousHealth | undefined,
  stored: StoredHealthResult,
  settingsVersion: number | null = null,
): HealthResult | null {
  const { health, risk, asOf } = evaluation;
  if (health.score === null || health.band === null) return null;
  const next: HealthResult = {
    score: round1(health.score),
    band: health.band,
    trend: health.trend.delta === undefined ? null : round1(health.trend.delta),
    coverage: percentOf(health.coverage),
    riskLevel: risk.level,
    arrAtRisk: risk.arrAtRisk,
    updatedAt: asOf,
    previousScore: baseline?.score ?? null,
    previousBand: baseline?.band ?? null,
    previousAt: baseline?.asOf ?? null,
    settingsVersion,
  };
  const storedAt = stored.updatedAt;
  const sameDay =
    !blank(storedAt) &&
    Number.isFinite(toEpochMs(String(storedAt))) &&
    isoDate(String(storedAt)) === isoDate(asOf);
  const unchanged =
    NUMBERS.every((k) => sameNumber(stored[k], next[k])) &&
    WORDS.every((k) => (blank(stored[k]) ? null : String(stored[k])) === next[k]) &&
    sameInstant(stored.previousAt, next.previousAt);
  return sameDay && unchanged ? null : next;
}
