// The health model written out a second time, as plainly as possible: filter and reduce, Date.parse
// for every date. Tests compare scoreHealth with it; it is not part of the published core.
import type { AccountSnapshot } from '../snapshot/schema.js';
import type { Curve, Settings } from '../settings/schema.js';
import {
  MEASURE_KEYS,
  MEASURE_SIGNALS,
  type Band,
  type MeasureKey,
  type SignalKey,
} from '../vocabulary/keys.js';
import { curvePoints } from './curve.js';
import { MEASURE_GROUP, MEASURE_LABELS } from './measures.js';
import { measureReason } from './reasons.js';
import { round1 } from './round.js';
import type { Driver, HealthScore, Measure, PreviousHealth, Trend } from './types.js';

const DAY_MS = 86_400_000;
const days = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / DAY_MS;
const flag = (b: boolean | undefined) => (b === undefined ? undefined : b ? 1 : 0);
const ratio = (part?: number, whole?: number) =>
  part === undefined || whole === undefined || whole === 0 ? undefined : (part / whole) * 100;
const since = (at: string | undefined, asOf: string) =>
  at === undefined ? undefined : Math.max(0, days(at, asOf));
const by = (at: string | undefined, asOf: string) =>
  at !== undefined && Date.parse(at) <= Date.parse(asOf);

function referenceSignals(s: AccountSnapshot): Partial<Record<SignalKey, number>> {
  const { asOf, contract: c, usage: u, support: t, engagement: e, sentiment: n, billing: b } = s;
  const milestones = s.onboarding?.milestones ?? [];
  const champion =
    e === undefined
      ? undefined
      : e.championPresent === true
        ? true
        : by(e.championLeftAt, asOf)
          ? false
          : e.championPresent;
  const all: Record<SignalKey, unknown> = {
    seatUtilisation: ratio(u?.activeUsers30d, c?.licensedSeats),
    activeUserTrend:
      u?.activeUsers30d === undefined || !u.activeUsersPrior30d
        ? undefined
        : ((u.activeUsers30d - u.activeUsersPrior30d) / u.activeUsersPrior30d) * 100,
    daysSinceActivity: since(u?.lastActivityAt, asOf),
    featureAdoption: ratio(u?.featuresAdopted, u?.featuresLicensed),
    openTickets: t?.openTickets,
    tickets30d: t?.tickets30d,
    escalations90d: t?.escalations90d,
    csat: t?.csat,
    daysSinceExecutiveMeeting: since(e?.lastExecutiveMeetingAt, asOf),
    championPresent: flag(champion),
    meetings90d: e?.meetings90d,
    nps: n?.npsLatest,
    npsChange:
      n?.npsLatest === undefined || n.npsPrevious === undefined
        ? undefined
        : n.npsLatest - n.npsPrevious,
    daysPastDue: b?.daysPastDue,
    overdueInvoices: b?.overdueInvoices,
    failedPayments90d: b?.failedPayments90d,
    autoPay: flag(b?.autoPay),
    paperlessBilling: flag(b?.paperlessBilling),
    tenureMonths:
      c?.startDate === undefined ? undefined : Math.max(0, days(c.startDate, asOf) / 30.4375),
    termMonths: c?.termMonths,
    autoRenew: flag(c?.autoRenew),
    onboardingProgress:
      milestones.length === 0
        ? undefined
        : (milestones.filter((m) => by(m.doneAt, asOf)).length / milestones.length) * 100,
    overdueMilestones:
      milestones.length === 0
        ? undefined
        : milestones.filter(
            (m) =>
              !by(m.doneAt, asOf) &&
              m.dueAt !== undefined &&
              Date.parse(m.dueAt) < Date.parse(asOf),
          ).length,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => Number.isFinite(v)));
}

function referenceMeasures(snapshot: AccountSnapshot, settings: Settings): Measure[] {
  const values = referenceSignals(snapshot);
  return MEASURE_KEYS.flatMap((key): Measure[] => {
    const own = settings.measures[key].signals as Record<string, { weight: number; curve: Curve }>;
    const counted = MEASURE_SIGNALS[key]
      .filter((signal) => values[signal] !== undefined && (own[signal]?.weight ?? 0) > 0)
      .map((signal) => {
        const value = values[signal] as number;
        const { weight, curve } = own[signal] as { weight: number; curve: Curve };
        return { signal, value, points: curvePoints(curve, value), weight };
      });
    const total = counted.reduce((sum, s) => sum + s.weight, 0);
    if (counted.length === 0 || total <= 0) return [];
    const group = MEASURE_GROUP[key];
    const observedAt = snapshot[group]?.observedAt;
    const freshness = settings.freshness.groupDays[group] ?? settings.freshness.defaultDays;
    return [
      {
        key,
        label: MEASURE_LABELS[key],
        group,
        score: round1(counted.reduce((sum, s) => sum + s.points * s.weight, 0) / total),
        signals: counted.map(({ signal, value, points }) => ({ signal, value, points })),
        ...(observedAt === undefined ? {} : { observedAt }),
        stale: observedAt !== undefined && days(observedAt, snapshot.asOf) > freshness,
      },
    ];
  });
}

const band = (score: number, s: Settings): Band =>
  score >= s.bands.green ? 'green' : score >= s.bands.yellow ? 'yellow' : 'red';

/** scoreHealth, computed the straightforward way. */
export function referenceScoreHealth(
  snapshot: AccountSnapshot,
  settings: Settings,
  previous?: PreviousHealth,
): HealthScore {
  const weight = (key: MeasureKey) => settings.measures[key].weight;
  const configured = MEASURE_KEYS.filter((key) => weight(key) > 0);
  const total = configured.reduce((sum, key) => sum + weight(key), 0);
  const measures = referenceMeasures(snapshot, settings).filter((m) => weight(m.key) > 0);
  const observed = measures.reduce((sum, m) => sum + weight(m.key), 0);
  const score =
    observed > 0
      ? round1(measures.reduce((sum, m) => sum + m.score * weight(m.key), 0) / observed)
      : null;
  const drivers = measures
    .map((m): Driver => {
      const share = weight(m.key) / observed;
      const b = band(m.score, settings);
      return {
        measure: m.key,
        label: m.label,
        score: m.score,
        effectiveWeight: share,
        impact: round1(share * (m.score - 50)),
        reason: measureReason(m, snapshot),
        direction: b === 'green' ? 'positive' : b === 'red' ? 'negative' : 'neutral',
      };
    })
    .sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || a.score - b.score);
  let trend: Trend = { direction: 'new' };
  if (previous !== undefined) {
    const was = { previousScore: previous.score, previousAsOf: previous.asOf };
    const delta = score === null ? undefined : round1(score - previous.score);
    trend =
      delta === undefined
        ? { direction: 'new', ...was }
        : {
            direction:
              Math.abs(delta) <= settings.trend.flatWithin ? 'flat' : delta > 0 ? 'up' : 'down',
            delta,
            ...was,
          };
  }
  return {
    accountId: snapshot.accountId,
    asOf: snapshot.asOf,
    score,
    band: score === null ? null : band(score, settings),
    coverage: total > 0 ? observed / total : 0,
    measures,
    missing: configured.filter((key) => !measures.some((m) => m.key === key)),
    stale: measures.filter((m) => m.stale).map((m) => m.key),
    drivers,
    trend,
  };
}
