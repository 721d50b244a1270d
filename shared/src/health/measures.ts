import type { AccountSnapshot, SignalGroupKey } from '../snapshot/schema.js';
import {
  MEASURE_KEYS,
  MEASURE_SIGNALS,
  type MeasureKey,
  type Settings,
  type SignalKey,
} from '../settings/schema.js';
import { daysBetween, monthsBetween, toEpochMs } from '../time/time.js';
import { curvePoints } from './curve.js';
import { round1 } from './round.js';
import type { Measure, SignalReading } from './types.js';

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

/** Raw signal values derived from a snapshot; a signal is absent when its inputs were not observed. */
export type SignalValues = Partial<Record<SignalKey, number>>;

/** One observed signal with the measure it belongs to and the weight it carries there. */
export interface ObservedSignal extends SignalReading {
  measure: MeasureKey;
  weight: number;
}

const flag = (b: boolean | undefined): number | undefined =>
  b === undefined ? undefined : b ? 1 : 0;

/** Days from `at` to asOf, never negative: an event dated after asOf counts as happening at asOf. */
const daysSince = (at: string | undefined, asOf: string): number | undefined =>
  at === undefined ? undefined : Math.max(0, daysBetween(at, asOf));

const happenedBy = (at: string | undefined, asOf: string): boolean =>
  at !== undefined && toEpochMs(at) <= toEpochMs(asOf);

/**
 * A champion counts as present when the CRM says so. A recorded departure (on or before asOf)
 * without a confirmed champion means the account has none, even if the presence flag was never set.
 */
export function championPresence(snapshot: AccountSnapshot): boolean | undefined {
  const e = snapshot.engagement;
  if (e === undefined) return undefined;
  if (e.championPresent === true) return true;
  if (happenedBy(e.championLeftAt, snapshot.asOf)) return false;
  return e.championPresent;
}

function percentOf(part: number | undefined, whole: number | undefined): number | undefined {
  if (part === undefined || whole === undefined || whole === 0) return undefined;
  return (part / whole) * 100;
}

function percentChange(now: number | undefined, before: number | undefined): number | undefined {
  if (now === undefined || before === undefined || before === 0) return undefined;
  return ((now - before) / before) * 100;
}

function onboardingSignals(snapshot: AccountSnapshot): SignalValues {
  const milestones = snapshot.onboarding?.milestones;
  if (milestones === undefined || milestones.length === 0) return {};
  const asOf = toEpochMs(snapshot.asOf);
  const done = milestones.filter((m) => happenedBy(m.doneAt, snapshot.asOf));
  const overdue = milestones.filter(
    (m) =>
      !happenedBy(m.doneAt, snapshot.asOf) && m.dueAt !== undefined && toEpochMs(m.dueAt) < asOf,
  );
  return {
    onboardingProgress: (done.length / milestones.length) * 100,
    overdueMilestones: overdue.length,
  };
}

/** Every signal value the snapshot supports, computed as of the snapshot's asOf. */
export function readSignals(snapshot: AccountSnapshot): SignalValues {
  const { asOf, contract, usage, support, engagement, sentiment, billing } = snapshot;
  const values: SignalValues = {
    seatUtilisation: percentOf(usage?.activeUsers30d, contract?.licensedSeats),
    activeUserTrend: percentChange(usage?.activeUsers30d, usage?.activeUsersPrior30d),
    daysSinceActivity: daysSince(usage?.lastActivityAt, asOf),
    featureAdoption: percentOf(usage?.featuresAdopted, usage?.featuresLicensed),
    openTickets: support?.openTickets,
    tickets30d: support?.tickets30d,
    escalations90d: support?.escalations90d,
    csat: support?.csat,
    daysSinceExecutiveMeeting: daysSince(engagement?.lastExecutiveMeetingAt, asOf),
    championPresent: flag(championPresence(snapshot)),
    meetings90d: engagement?.meetings90d,
    nps: sentiment?.npsLatest,
    npsChange:
      sentiment?.npsLatest === undefined || sentiment.npsPrevious === undefined
        ? undefined
        : sentiment.npsLatest - sentiment.npsPrevious,
    daysPastDue: billing?.daysPastDue,
    overdueInvoices: billing?.overdueInvoices,
    failedPayments90d: billing?.failedPayments90d,
    autoPay: flag(billing?.autoPay),
    paperlessBilling: flag(billing?.paperlessBilling),
    tenureMonths:
      contract?.startDate === undefined
        ? undefined
        : Math.max(0, monthsBetween(contract.startDate, asOf)),
    termMonths: contract?.termMonths,
    autoRenew: flag(contract?.autoRenew),
    ...onboardingSignals(snapshot),
  };
  // Drop absent entries (and anything non-finite from unvalidated input) so "present" means observed.
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)),
  ) as SignalValues;
}

/** Every observed signal with the points its curve gives it, including signals weighted 0. */
export function computeSignals(snapshot: AccountSnapshot, settings: Settings): ObservedSignal[] {
  const values = readSignals(snapshot);
  const observed: ObservedSignal[] = [];
  for (const measure of MEASURE_KEYS) {
    const signalSettings = settings.measures[measure].signals as Record<
      string,
      { weight: number; curve: [number, number][] }
    >;
    for (const signal of MEASURE_SIGNALS[measure]) {
      const value = values[signal];
      const setting = signalSettings[signal];
      if (value === undefined || setting === undefined) continue;
      observed.push({
        measure,
        signal,
        value,
        points: curvePoints(setting.curve, value),
        weight: setting.weight,
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
 * Each measure the snapshot supports, scored 0–100 as the weighted mean of its observed signals'
 * points. A measure appears only when at least one of its signals with a weight above 0 was observed;
 * the measure's own weight is not applied here, so calibration can see every measure.
 */
export function computeMeasures(snapshot: AccountSnapshot, settings: Settings): Measure[] {
  const signals = computeSignals(snapshot, settings);
  const measures: Measure[] = [];
  for (const key of MEASURE_KEYS) {
    const counted = signals.filter((s) => s.measure === key && s.weight > 0);
    const totalWeight = counted.reduce((sum, s) => sum + s.weight, 0);
    if (counted.length === 0 || totalWeight <= 0) continue;
    const score = counted.reduce((sum, s) => sum + s.points * s.weight, 0) / totalWeight;
    const group = MEASURE_GROUP[key];
    const observedAt = snapshot[group]?.observedAt;
    measures.push({
      key,
      label: MEASURE_LABELS[key],
      group,
      score: round1(score),
      signals: counted.map(({ signal, value, points }) => ({ signal, value, points })),
      ...(observedAt === undefined ? {} : { observedAt }),
      stale: isStale(observedAt, group, snapshot.asOf, settings),
    });
  }
  return measures;
}
