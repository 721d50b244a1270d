// The arithmetic of the health model, in the order the model states it: each signal earns points
// on its curve, a measure is the weighted mean of its signals' points, and health is the weighted
// mean of the measures observed. The card, the measures and calibration all score through here.
import type { Settings, SignalSetting } from '../settings/schema.js';
import {
  MEASURE_KEYS,
  MEASURE_SIGNALS,
  type MeasureKey,
  type SignalKey,
} from '../vocabulary/keys.js';
import { curvePoints } from './curve.js';
import { round1 } from './round.js';
import type { SignalValues } from './signals.js';

/** Points (0–100) of each signal that counts (observed, weight above 0); undefined for the rest. */
export type SignalPoints = Partial<Record<SignalKey, number>>;

/** A measure the health score weighs (weight above 0): its score, NaN when it was not observed. */
export interface WeighedMeasure {
  key: MeasureKey;
  weight: number;
  score: number;
}

/** One measure's signal settings by signal; a signal without settings does not count. */
export function signalSettingsOf(
  settings: Settings,
  measure: MeasureKey,
): Partial<Record<SignalKey, SignalSetting>> {
  return settings.measures[measure].signals as Partial<Record<SignalKey, SignalSetting>>;
}

/** Points a signal earns on its curve, when it is observed and counts (weight above 0). */
function pointsOf(
  setting: SignalSetting | undefined,
  value: number | undefined,
): number | undefined {
  if (setting === undefined || !(setting.weight > 0) || value === undefined) return undefined;
  return curvePoints(setting.curve, value);
}

/**
 * The points each counted signal earns on its curve. Written out signal by signal: the compiler
 * checks that each reads the settings of its own measure and that none is left out, and every
 * account's points have the same shape.
 */
export function signalPoints(v: SignalValues, settings: Settings): SignalPoints {
  const { usage, adoption, support, engagement, sentiment, billing, contract, onboarding } =
    settings.measures;
  return {
    seatUtilisation: pointsOf(usage.signals.seatUtilisation, v.seatUtilisation),
    activeUserTrend: pointsOf(usage.signals.activeUserTrend, v.activeUserTrend),
    daysSinceActivity: pointsOf(usage.signals.daysSinceActivity, v.daysSinceActivity),
    featureAdoption: pointsOf(adoption.signals.featureAdoption, v.featureAdoption),
    openTickets: pointsOf(support.signals.openTickets, v.openTickets),
    tickets30d: pointsOf(support.signals.tickets30d, v.tickets30d),
    escalations90d: pointsOf(support.signals.escalations90d, v.escalations90d),
    csat: pointsOf(support.signals.csat, v.csat),
    daysSinceExecutiveMeeting: pointsOf(
      engagement.signals.daysSinceExecutiveMeeting,
      v.daysSinceExecutiveMeeting,
    ),
    championPresent: pointsOf(engagement.signals.championPresent, v.championPresent),
    meetings90d: pointsOf(engagement.signals.meetings90d, v.meetings90d),
    nps: pointsOf(sentiment.signals.nps, v.nps),
    npsChange: pointsOf(sentiment.signals.npsChange, v.npsChange),
    daysPastDue: pointsOf(billing.signals.daysPastDue, v.daysPastDue),
    overdueInvoices: pointsOf(billing.signals.overdueInvoices, v.overdueInvoices),
    failedPayments90d: pointsOf(billing.signals.failedPayments90d, v.failedPayments90d),
    autoPay: pointsOf(billing.signals.autoPay, v.autoPay),
    paperlessBilling: pointsOf(billing.signals.paperlessBilling, v.paperlessBilling),
    tenureMonths: pointsOf(contract.signals.tenureMonths, v.tenureMonths),
    termMonths: pointsOf(contract.signals.termMonths, v.termMonths),
    autoRenew: pointsOf(contract.signals.autoRenew, v.autoRenew),
    onboardingProgress: pointsOf(onboarding.signals.onboardingProgress, v.onboardingProgress),
    overdueMilestones: pointsOf(onboarding.signals.overdueMilestones, v.overdueMilestones),
  } satisfies Record<SignalKey, number | undefined>;
}

/** The weighted mean of the points of these signals under their settings; NaN when none counted. */
function weightedPoints(
  signals: readonly SignalKey[],
  own: Partial<Record<SignalKey, SignalSetting>>,
  points: SignalPoints,
): number {
  let sum = 0;
  let weight = 0;
  for (const signal of signals) {
    const earned = points[signal];
    if (earned === undefined) continue;
    const w = own[signal]?.weight ?? 0;
    sum += earned * w;
    weight += w;
  }
  return weight > 0 ? round1(sum / weight) : NaN;
}

/**
 * A measure's score, 0–100: the weighted mean of its counted signals' points, rounded to one
 * decimal; NaN when none of them was observed.
 */
export function measureScore(
  measure: MeasureKey,
  points: SignalPoints,
  settings: Settings,
): number {
  return weightedPoints(MEASURE_SIGNALS[measure], signalSettingsOf(settings, measure), points);
}

/** Every measure with a weight above 0, in MEASURE_KEYS order, with its score. */
export function weighedMeasures(points: SignalPoints, settings: Settings): WeighedMeasure[] {
  const weighed: WeighedMeasure[] = [];
  for (const key of MEASURE_KEYS) {
    const { weight, signals } = settings.measures[key];
    if (weight > 0) {
      const own = signals as Partial<Record<SignalKey, SignalSetting>>;
      weighed.push({ key, weight, score: weightedPoints(MEASURE_SIGNALS[key], own, points) });
    }
  }
  return weighed;
}

/** The weight of the measures that were observed: missing ones drop out of the score. */
export function observedWeightOf(measures: readonly WeighedMeasure[]): number {
  let weight = 0;
  for (const m of measures) if (!Number.isNaN(m.score)) weight += m.weight;
  return weight;
}

/** Health, 0–100 to one decimal: the weighted mean of the observed measures; null when none was. */
export function healthScoreOf(measures: readonly WeighedMeasure[]): number | null {
  let sum = 0;
  let weight = 0;
  for (const m of measures) {
    if (Number.isNaN(m.score)) continue;
    sum += m.score * m.weight;
    weight += m.weight;
  }
  return weight > 0 ? round1(sum / weight) : null;
}

/** The health score of one account's signal values, as scoreHealth computes it. */
export function healthScoreOfSignals(values: SignalValues, settings: Settings): number | null {
  return healthScoreOf(weighedMeasures(signalPoints(values, settings), settings));
}
