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
 * One measure scored 0–100 as the weighted mean of its counted signals' points, or null when
 * none of them was observed.
 */
export function scoreMeasure(
  rule: MeasureRule,
  snapshot: AccountSnapshot,
  asOfMs: number,
  table: SignalTable,
): Measure | null {
  // Counted first so the readings array is allocated at its final size: most accounts have
  // seven measures, and arrays grown by push reserve far more than the few readings they hold.
  let observed = 0;
  for (const s of rule.counted) if (!Number.isNaN(table[s.index] as number)) observed++;
  if (observed === 0) return null;
  const signals = new Array<SignalReading>(observed);
  let points = 0;
  let weight = 0;
  let at = 0;
  for (const s of rule.counted) {
    const value = table[s.index] as number;
    if (Number.isNaN(value)) continue;
    const p = pointsOn(s.curve, value);
    signals[at++] = { signal: s.signal, value, points: p };
    points += p * s.weight;
    weight += s.weight;
  }
  if (weight <= 0) return null;
  const observedAt = snapshot[rule.group]?.observedAt;
  const score = round1(points / weight);
  if (observedAt === undefined) {
    return { key: rule.key, label: rule.label, group: rule.group, score, signals, stale: false };
  }
  const stale = (asOfMs - observedMs(observedAt)) / DAY_MS > rule.freshnessDays;
  return { key: rule.key, label: rule.label, group: rule.group, score, signals, observedAt, stale };
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
