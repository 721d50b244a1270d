import type { Settings } from '../settings/schema.js';
import { MEASURE_KEYS, MEASURE_SIGNALS, type MeasureKey } from '../vocabulary/keys.js';
import type { AccountSnapshot, SignalGroupKey } from '../snapshot/schema.js';
import { toEpochMs } from '../time/time.js';
import { curvePoints } from './curve.js';
import { championPresentAt, readSignals, type SignalValues } from './signals.js';
import type { Measure, SignalReading } from './types.js';
import { measureScore, signalPoints, signalSettingsOf, type SignalPoints } from './weighing.js';

export { readSignals, type SignalValues } from './signals.js';

const DAY_MS = 86_400_000;

/** The signal group whose observedAt dates each measure; adoption is counted with usage. */
export const MEASURE_GROUP: Record<MeasureKey, SignalGroupKey> = {
  usage: 'usage',
  adoption: 'usage',
  support: 'support',
  engagement: 'engagement',
  sentiment: 'sentiment',
  billing: 'billing',
  contract: 'contract',
  onboarding: 'onboarding',
};

export const MEASURE_LABELS: Record<MeasureKey, string> = {
  usage: 'Product usage',
  adoption: 'Feature adoption',
  support: 'Support',
  engagement: 'Engagement',
  sentiment: 'Sentiment',
  billing: 'Billing',
  contract: 'Contract',
  onboarding: 'Onboarding',
};

/** One observed signal with the measure it belongs to and the weight it carries there. */
export interface ObservedSignal extends SignalReading {
  measure: MeasureKey;
  weight: number;
}

/**
 * A champion counts as present when the CRM says so. A recorded departure (on or before asOf)
 * without a confirmed champion means the account has none, even if the presence flag was never set.
 */
export function championPresence(snapshot: AccountSnapshot): boolean | undefined {
  return championPresentAt(snapshot, toEpochMs(snapshot.asOf));
}

/** Every observed signal with the points its curve gives it, including signals weighted 0. */
export function computeSignals(snapshot: AccountSnapshot, settings: Settings): ObservedSignal[] {
  const values = readSignals(snapshot);
  const observed: ObservedSignal[] = [];
  for (const measure of MEASURE_KEYS) {
    const own = signalSettingsOf(settings, measure);
    for (const signal of MEASURE_SIGNALS[measure]) {
      const setting = own[signal];
      const value = values[signal];
      if (setting === undefined || value === undefined) continue;
      const points = curvePoints(setting.curve, value);
      observed.push({ measure, signal, value, points, weight: setting.weight });
    }
  }
  return observed;
}

/** The freshness window, in days, for one signal group. */
export function freshnessDays(group: SignalGroupKey, settings: Settings): number {
  return settings.freshness.groupDays[group] ?? settings.freshness.defaultDays;
}

function outOfDate(
  observedAt: string | undefined,
  group: SignalGroupKey,
  asOfMs: number,
  settings: Settings,
  readInstant: (iso: string) => number = toEpochMs,
): boolean {
  if (observedAt === undefined) return false;
  return (asOfMs - readInstant(observedAt)) / DAY_MS > freshnessDays(group, settings);
}

/** A group is stale when it was observed longer ago than its freshness window allows. */
export function isStale(
  observedAt: string | undefined,
  group: SignalGroupKey,
  asOf: string,
  settings: Settings,
): boolean {
  return outOfDate(observedAt, group, toEpochMs(asOf), settings);
}

/**
 * Whether the group a measure reads is stale as of `asOfMs`, the snapshot's asOf. `readInstant`
 * lets one account's measures share the reading of dates its groups have in common.
 */
export function measureStale(
  measure: MeasureKey,
  snapshot: AccountSnapshot,
  asOfMs: number,
  settings: Settings,
  readInstant: (iso: string) => number = toEpochMs,
): boolean {
  const group = MEASURE_GROUP[measure];
  return outOfDate(snapshot[group]?.observedAt, group, asOfMs, settings, readInstant);
}

/** A measure as a CSM reads it: its score with the reading of each signal that counted. */
export function explainMeasure(
  key: MeasureKey,
  score: number,
  stale: boolean,
  snapshot: AccountSnapshot,
  values: SignalValues,
  points: SignalPoints,
): Measure {
  const signals: SignalReading[] = [];
  for (const signal of MEASURE_SIGNALS[key]) {
    const earned = points[signal];
    const value = values[signal];
    if (earned !== undefined && value !== undefined) {
      signals.push({ signal, value, points: earned });
    }
  }
  const label = MEASURE_LABELS[key];
  const group = MEASURE_GROUP[key];
  const observedAt = snapshot[group]?.observedAt;
  return observedAt === undefined
    ? { key, label, group, score, signals, stale }
    : { key, label, group, score, signals, observedAt, stale };
}

/**
 * Each measure the snapshot supports, scored 0–100 as the weighted mean of its observed signals'
 * points. A measure appears only when at least one of its signals with a weight above 0 was observed;
 * the measure's own weight is not applied here, so calibration can see every measure.
 */
export function computeMeasures(snapshot: AccountSnapshot, settings: Settings): Measure[] {
  const asOfMs = toEpochMs(snapshot.asOf);
  const values = readSignals(snapshot, asOfMs);
  const points = signalPoints(values, settings);
  const measures: Measure[] = [];
  for (const key of MEASURE_KEYS) {
    const score = measureScore(key, points, settings);
    if (Number.isNaN(score)) continue;
    const stale = measureStale(key, snapshot, asOfMs, settings);
    measures.push(explainMeasure(key, score, stale, snapshot, values, points));
  }
  return measures;
}
