import { displayPercent } from '../display/numbers.js';
import type { HealthScore } from '../health/types.js';
import type { Settings } from '../settings/schema.js';
import type { Band } from '../vocabulary/keys.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { dayNumber } from '../time/instant.js';
import type { RenewalRisk, RiskLevel, RiskReason } from './types.js';

/** UTC calendar day of an ISO timestamp, so "days to renewal" counts dates, not hours. */
export const calendarDay = dayNumber;

/** Whole calendar days from asOf to the renewal date; negative once it has passed; null if unknown. */
export function daysToRenewal(snapshot: AccountSnapshot): number | null {
  const renewalDate = snapshot.contract?.renewalDate;
  if (renewalDate === undefined) return null;
  return calendarDay(renewalDate) - calendarDay(snapshot.asOf);
}

/**
 * The nearest stage reached: with stages 180/120/90/30, 75 days out is stage 90. Null before the
 * furthest stage and once the renewal date has passed (the renewal is then overdue, not staged).
 */
export function renewalStage(days: number | null, stages: readonly number[]): number | null {
  if (days === null || days < 0) return null;
  let stage: number | null = null;
  for (const s of stages) if (days <= s && (stage === null || s < stage)) stage = s;
  return stage;
}

export function riskLevelFor(points: number, levels: Settings['renewal']['levels']): RiskLevel {
  if (points >= levels.critical) return 'critical';
  if (points >= levels.high) return 'high';
  if (points >= levels.medium) return 'medium';
  return 'low';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function bandWords(band: Band | null): string {
  return band === null ? 'health is unknown' : band;
}

function renewalWhen(days: number): string {
  if (days > 0) return `Renewal in ${plural(days, 'day')}`;
  if (days === 0) return 'Renewal today';
  return `Renewal date passed ${plural(-days, 'day')} ago`;
}

/** "Billing trouble: 2 overdue invoices, 45 days past due", or null when billing is in order. */
export function billingTroubleText(snapshot: AccountSnapshot): string | null {
  const b = snapshot.billing;
  if (b === undefined) return null;
  const parts: string[] = [];
  if ((b.overdueInvoices ?? 0) > 0) parts.push(plural(b.overdueInvoices ?? 0, 'overdue invoice'));
  if ((b.daysPastDue ?? 0) > 0) parts.push(`${Math.round(b.daysPastDue ?? 0)} days past due`);
  if ((b.failedPayments90d ?? 0) > 0) {
    parts.push(`${plural(b.failedPayments90d ?? 0, 'failed payment')} in 90 days`);
  }
  return parts.length === 0 ? null : `Billing trouble: ${parts.join(', ')}`;
}

function championLeftDaysAgo(
  snapshot: AccountSnapshot,
  asOfDay: number,
  withinDays: number,
): number | null {
  const leftAt = snapshot.engagement?.championLeftAt;
  if (leftAt === undefined) return null;
  const ago = asOfDay - calendarDay(leftAt);
  return ago >= 0 && ago <= withinDays ? ago : null;
}

function scoreText(health: HealthScore): string {
  // Scores carry one decimal already; rounding further could put 44.9 on the wrong side of a cut-off.
  return health.score === null ? '' : ` (score ${health.score})`;
}

const heaviestFirst = (a: RiskReason, b: RiskReason): number => b.points - a.points;

function roundMoney(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Renewal risk: points for each warning sign (all weights from settings.renewal.riskPoints), a
 * level from the summed points, and the share of ARR that level puts at risk. Reasons are listed
 * heaviest first, each in words a CSM can repeat to their manager.
 */
export function assessRenewalRisk(
  snapshot: AccountSnapshot,
  health: HealthScore,
  settings: Settings,
): RenewalRisk {
  const r = settings.renewal;
  const points = r.riskPoints;
  // A sign the admin weighted 0 is switched off: neither counted nor listed (nor worded).
  const reasons: RiskReason[] = [];

  if (health.band === 'red' && points.red > 0) {
    reasons.push({ code: 'red', points: points.red, message: `Health is red${scoreText(health)}` });
  } else if (health.band === 'yellow' && points.yellow > 0) {
    reasons.push({
      code: 'yellow',
      points: points.yellow,
      message: `Health is yellow${scoreText(health)}`,
    });
  }

  const delta = health.trend.delta;
  if (
    points.decliningTrend > 0 &&
    delta !== undefined &&
    delta < 0 &&
    delta <= -r.decliningTrendPoints
  ) {
    const prevAsOf = health.trend.previousAsOf;
    const since = prevAsOf ? ` since ${prevAsOf.slice(0, 10)}` : '';
    reasons.push({
      code: 'decliningTrend',
      points: points.decliningTrend,
      message: `Health down ${plural(Math.round(-delta * 10) / 10, 'point')}${since}`,
    });
  }

  const asOfDay = calendarDay(snapshot.asOf);
  if (points.championLeft > 0) {
    const ago = championLeftDaysAgo(snapshot, asOfDay, r.championLeftWithinDays);
    if (ago !== null) {
      reasons.push({
        code: 'championLeft',
        points: points.championLeft,
        message: `Champion left ${ago === 0 ? 'today' : `${plural(ago, 'day')} ago`}`,
      });
    }
  }

  if (points.billingTrouble > 0) {
    const billing = billingTroubleText(snapshot);
    if (billing !== null) {
      reasons.push({ code: 'billingTrouble', points: points.billingTrouble, message: billing });
    }
  }

  if (points.downgradeRequested > 0 && snapshot.contract?.downgradeRequested === true) {
    reasons.push({
      code: 'downgradeRequested',
      points: points.downgradeRequested,
      message: 'Customer asked to reduce seats or scope at renewal',
    });
  }

  if (points.lowCoverage > 0 && health.coverage < r.lowCoverageBelow) {
    reasons.push({
      code: 'lowCoverage',
      points: points.lowCoverage,
      message: `Only ${displayPercent(health.coverage)} of the health model is observed`,
    });
  }

  const renewalDate = snapshot.contract?.renewalDate;
  const days = renewalDate === undefined ? null : calendarDay(renewalDate) - asOfDay;
  if (
    points.closeToRenewal > 0 &&
    days !== null &&
    days >= 0 &&
    days <= r.closeToRenewalDays &&
    health.band !== 'green'
  ) {
    reasons.push({
      code: 'closeToRenewal',
      points: points.closeToRenewal,
      message: `${renewalWhen(days)} while ${bandWords(health.band)}`,
    });
  }

  // A passed renewal date with no new one is a renewal nobody confirmed, whatever the health.
  if (points.renewalLapsed > 0 && days !== null && days < 0) {
    reasons.push({
      code: 'renewalLapsed',
      points: points.renewalLapsed,
      message: `${renewalWhen(days)}: not confirmed renewed or churned`,
    });
  }

  if (reasons.length > 1) reasons.sort(heaviestFirst);
  let total = 0;
  for (const reason of reasons) total += reason.points;
  const level = riskLevelFor(total, r.levels);
  const arr = snapshot.arr ?? null;
  return {
    accountId: snapshot.accountId,
    level,
    points: total,
    arr,
    arrAtRisk: arr === null ? 0 : roundMoney(arr * r.arrAtRiskShare[level]),
    daysToRenewal: days,
    renewalDate: renewalDate ?? null,
    stage: renewalStage(days, r.stages),
    overdue: days !== null && days < 0,
    reasons,
  };
}
