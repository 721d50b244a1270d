import { type MeasureKey, type Settings, type SignalKey } from '../settings/schema.js';
import type { AccountSnapshot, SignalGroupKey } from '../snapshot/schema.js';
import { daysBetween, lastInstantReader, toEpochMs } from '../time/time.js';
import { pointsOn } from './curve.js';
import { healthModel, type MeasureRule } from './model.js';
import { round1 } from './round.js';
import {
  championPresentAt,
  fillSignalTable,
  newSignalTable,
  SIGNAL_KEYS,
  type SignalTable,
} from './signal-table.js';
import type { Measure, SignalReading } from './types.js';

export { MEASURE_GROUP, MEASURE_LABELS } from './model.js';

const DAY_MS = 86_400_000;
const observedMs = lastInstantReader();

/** Raw signal values derived from a snapshot; a signal is absent when its inputs were not observed. */
export type SignalValues = Partial<Record<SignalKey, number>>;

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

/** The observed entries of a signal table as an object, in SIGNAL_KEYS order. */
export function signalValuesOf(table: SignalTable): SignalValues {
  const values: SignalValues = {};
  for (let i = 0; i < SIGNAL_KEYS.length; i++) {
    const v = table[i] as number;
    if (!Number.isNaN(v)) values[SIGNAL_KEYS[i] as SignalKey] = v;
  }
  return values;
}

/** Every signal value the snapshot supports, computed as of the snapshot's asOf. */
export function readSignals(snapshot: AccountSnapshot): SignalValues {
  return signalValuesOf(fillSignalTable(snapshot, toEpochMs(snapshot.asOf), newSignalTable()));
}

/** Every observed signal with the points its curve gives it, including signals weighted 0. */
export function computeSignals(snapshot: AccountSnapshot, settings: Settings): ObservedSignal[] {
  const table = fillSignalTable(snapshot, toEpochMs(snapshot.asOf), newSignalTable());
  const observed: ObservedSignal[] = [];
  for (const rule of healthModel(settings).measures) {
    for (const { signal, index, weight, curve } of rule.signals) {
      const value = table[index] as number;
      if (Number.isNaN(value)) continue;
      observed.push({
        measure: rule.key,
        signal,
        value,
        points: pointsOn(curve, value),
        weight,
      });
    }
  }
  return observed;
}

/** The freshness window, in days, for one signal group. */
export function freshnessDays(group: SignalGroupKey, settings: Settings): number {
  return settings.freshness.groupDays[group] ?? settings.freshness.defaultDays;
}

/** A group is stale when it was observed longer ago than its freshness window allows. */
export function isStale(
  observedAt: string | undefined,
  group: SignalGroupKey,
  asOf: string,
  settings: Settings,
): boolean {
  if (observedAt === undefined) return false;
  return daysBetween(observedAt, asOf) > freshnessDays(group, settings);
}

/**
 * A measure's score, 0–100: the weighted mean of the points of its counted signals that were
 * observed, rounded to one decimal; NaN when none was observed.
 */
export function measureScore(rule: MeasureRule, table: SignalTable): number {
  let points = 0;
  let weight = 0;
  for (const s of rule.counted) {
    const value = table[s.index] as number;
    if (Number.isNaN(value)) continue;
    points += pointsOn(s.curve, value) * s.weight;
    weight += s.weight;
  }
  return weight > 0 ? round1(points / weight) : NaN;
}

/** Whether the group a measure reads was observed longer ago than its freshness window allows. */
export function measureStale(
  rule: MeasureRule,
  snapshot: AccountSnapshot,
  asOfMs: number,
): boolean {
  const observedAt = snapshot[rule.group]?.observedAt;
  return (
    observedAt !== undefined && (asOfMs - observedMs(observedAt)) / DAY_MS > rule.freshnessDays
  );
}

/** One measure with the readings of its observed signals, or null when none was observed. */
export function scoreMeasure(
  rule: MeasureRule,
  snapshot: AccountSnapshot,
  asOfMs: number,
  table: SignalTable,
): Measure | null {
  const score = measureScore(rule, table);
  if (Number.isNaN(score)) return null;
  const signals: SignalReading[] = [];
  for (const { signal, index, curve } of rule.counted) {
    const value = table[index] as number;
    if (!Number.isNaN(value)) signals.push({ signal, value, points: pointsOn(curve, value) });
  }
  const { key, label, group } = rule;
  const stale = measureStale(rule, snapshot, asOfMs);
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
  const table = fillSignalTable(snapshot, asOfMs, newSignalTable());
  const measures: Measure[] = [];
  for (const rule of healthModel(settings).measures) {
    const measure = scoreMeasure(rule, snapshot, asOfMs, table);
    if (measure !== null) measures.push(measure);
  }
  return measures;
}
