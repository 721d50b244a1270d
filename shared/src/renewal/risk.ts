import type { HealthScore } from '../health/types.js';
import type { Band, Settings } from '../settings/schema.js';
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

function billingTrouble(snapshot: AccountSnapshot): string | null {
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
  const reasons: RiskReason[] = [];
  const add = (code: RiskReason['code'], pts: number, message: string): void => {
    // A rule the admin weighted 0 is switched off, so it is no reason either.
    if (pts > 0) reasons.push({ code, points: pts, message });
  };

  const score = health.score === null ? '' : ` (score ${Math.round(health.score)})`;
  if (health.band === 'red') add('red', points.red, `Health is red${score}`);
  if (health.band === 'yellow') add('yellow', points.yellow, `Health is yellow${score}`);

  const delta = health.trend.delta;
  if (delta !== undefined && delta < 0 && delta <= -r.decliningTrendPoints) {
    const since = health.trend.previousAsOf
      ? ` since ${health.trend.previousAsOf.slice(0, 10)}`
      : '';
    add(
      'decliningTrend',
      points.decliningTrend,
      `Health down ${plural(Math.round(-delta * 10) / 10, 'point')}${since}`,
    );
  }

  const asOfDay = calendarDay(snapshot.asOf);
  const championAgo = championLeftDaysAgo(snapshot, asOfDay, r.championLeftWithinDays);
  if (championAgo !== null) {
    const when = championAgo === 0 ? 'today' : `${plural(championAgo, 'day')} ago`;
    add('championLeft', points.championLeft, `Champion left ${when}`);
  }

  const billing = billingTrouble(snapshot);
  if (billing !== null) add('billingTrouble', points.billingTrouble, billing);

  if (snapshot.contract?.downgradeRequested === true) {
    add(
      'downgradeRequested',
      points.downgradeRequested,
      'Customer asked to reduce seats or scope at renewal',
    );
  }

  if (health.coverage < r.lowCoverageBelow) {
    add(
      'lowCoverage',
      points.lowCoverage,
      `Only ${Math.round(health.coverage * 100)}% of the health model is observed`,
    );
  }

  const renewalDate = snapshot.contract?.renewalDate;
  const days = renewalDate === undefined ? null : calendarDay(renewalDate) - asOfDay;
  if (days !== null && days <= r.closeToRenewalDays && health.band !== 'green') {
    add(
      'closeToRenewal',
      points.closeToRenewal,
      `${renewalWhen(days)} while ${bandWords(health.band)}`,
    );
  }

  // Stable sort keeps the rule order among equal weights.
  if (reasons.length > 1) reasons.sort(heaviestFirst);
  const total = reasons.reduce((sum, x) => sum + x.points, 0);
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
