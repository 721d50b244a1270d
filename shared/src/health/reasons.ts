import type { AccountSnapshot } from '../snapshot/schema.js';
import type { MeasureKey, SignalKey } from '../settings/schema.js';
import { daysBetween } from '../time/time.js';
import { championPresence, readSignals, type SignalValues } from './measures.js';
import type { Measure } from './types.js';

// Reasons are read by CSMs on the record page: plain words, whole numbers, the facts behind the score.

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
// Small whole numbers are most of what reasons print; String() is far cheaper than Intl for them.
const fmt = (n: number): string =>
  Number.isInteger(n) && n > -1000 && n < 1000 ? String(n) : numberFormat.format(n);
const whole = (n: number): string => fmt(Math.round(n));
const plural = (n: number, one: string, many = `${one}s`): string =>
  `${fmt(n)} ${n === 1 ? one : many}`;
/** Counts of things that can be absent read "no open tickets" rather than "0 open tickets". */
const countOf = (n: number, one: string, many = `${one}s`): string =>
  n === 0 ? `no ${many}` : plural(n, one, many);

function ago(days: number): string {
  const d = Math.floor(days);
  if (d <= 0) return 'today';
  return `${plural(d, 'day')} ago`;
}

function change(delta: number, over: string): string {
  const pct = Math.round(delta);
  if (pct === 0) return `unchanged over ${over}`;
  return `${pct < 0 ? 'down' : 'up'} ${whole(Math.abs(pct))}% in ${over}`;
}

/** What a reason can read: the snapshot's raw facts and which signals count in this measure. */
interface ReasonInput {
  snapshot: AccountSnapshot;
  values: SignalValues;
  counts: (signal: SignalKey) => boolean;
  points: (signal: SignalKey) => number | undefined;
}

type Phrases = (input: ReasonInput) => (string | undefined)[];

const usage: Phrases = ({ snapshot, values, counts }) => {
  const active = snapshot.usage?.activeUsers30d;
  const seats = snapshot.contract?.licensedSeats;
  const trend = values.activeUserTrend;
  const phrases: (string | undefined)[] = [];
  if (active !== undefined && (counts('seatUtilisation') || counts('activeUserTrend'))) {
    const who =
      counts('seatUtilisation') && seats !== undefined && seats > 0
        ? `${fmt(active)} of ${plural(seats, 'licensed seat')} active`
        : plural(active, 'active user');
    phrases.push(
      trend !== undefined && counts('activeUserTrend')
        ? `${who}, ${change(trend, '30 days')}`
        : who,
    );
  }
  const idle = values.daysSinceActivity;
  if (idle !== undefined && counts('daysSinceActivity')) phrases.push(`last activity ${ago(idle)}`);
  return phrases;
};

const adoption: Phrases = ({ snapshot, counts }) => {
  const u = snapshot.usage;
  if (!counts('featureAdoption') || u?.featuresAdopted === undefined) return [];
  return [
    `${fmt(u.featuresAdopted)} of ${plural(u.featuresLicensed ?? 0, 'licensed feature')} adopted`,
  ];
};

const support: Phrases = ({ snapshot, counts }) => {
  const s = snapshot.support;
  if (s === undefined) return [];
  return [
    counts('openTickets') && s.openTickets !== undefined
      ? countOf(s.openTickets, 'open ticket')
      : undefined,
    counts('tickets30d') && s.tickets30d !== undefined
      ? `${countOf(s.tickets30d, 'ticket')} in 30 days`
      : undefined,
    counts('escalations90d') && s.escalations90d !== undefined
      ? `${countOf(s.escalations90d, 'escalation')} in 90 days`
      : undefined,
    counts('csat') && s.csat !== undefined ? `CSAT ${whole(s.csat)}%` : undefined,
  ];
};

const engagement: Phrases = ({ snapshot, values, counts, points }) => {
  const e = snapshot.engagement;
  if (e === undefined) return [];
  const phrases: (string | undefined)[] = [];
  if (counts('championPresent')) {
    const present = championPresence(snapshot);
    const leftDaysAgo =
      e.championLeftAt === undefined ? undefined : daysBetween(e.championLeftAt, snapshot.asOf);
    const left = leftDaysAgo !== undefined && leftDaysAgo >= 0;
    if (present === false) phrases.push(left ? `champion left ${ago(leftDaysAgo)}` : 'no champion');
    if (present === true) phrases.push(left ? 'new champion in place' : 'champion in place');
  }
  const sinceExec = values.daysSinceExecutiveMeeting;
  if (sinceExec !== undefined && counts('daysSinceExecutiveMeeting')) {
    // Whether a gap reads as a warning follows the admin's own curve: below half points it is one.
    const warning = (points('daysSinceExecutiveMeeting') ?? 0) < 50;
    phrases.push(
      warning
        ? `no executive meeting in ${plural(Math.floor(sinceExec), 'day')}`
        : `executive meeting ${ago(sinceExec)}`,
    );
  }
  if (counts('meetings90d') && e.meetings90d !== undefined) {
    phrases.push(`${countOf(e.meetings90d, 'meeting')} in 90 days`);
  }
  return phrases;
};

const sentiment: Phrases = ({ snapshot, counts }) => {
  const s = snapshot.sentiment;
  if (s?.npsLatest === undefined || !(counts('nps') || counts('npsChange'))) return [];
  const latest = `NPS ${fmt(s.npsLatest)}`;
  if (s.npsPrevious === undefined || !counts('npsChange')) return [latest];
  if (s.npsLatest === s.npsPrevious) return [`${latest}, unchanged`];
  const dir = s.npsLatest < s.npsPrevious ? 'down' : 'up';
  return [`${latest}, ${dir} from ${fmt(s.npsPrevious)}`];
};

const billing: Phrases = ({ snapshot, counts }) => {
  const b = snapshot.billing;
  if (b === undefined) return [];
  const phrases: (string | undefined)[] = [];
  const overdue = counts('overdueInvoices') ? b.overdueInvoices : undefined;
  const pastDue = counts('daysPastDue') ? b.daysPastDue : undefined;
  if (overdue === 0) phrases.push('no overdue invoices');
  else if (overdue !== undefined) {
    const oldest =
      pastDue !== undefined && pastDue > 0 ? `, oldest ${plural(Math.floor(pastDue), 'day')}` : '';
    phrases.push(`${plural(overdue, 'invoice')} overdue${oldest}`);
  } else if (pastDue !== undefined) {
    phrases.push(
      pastDue > 0 ? `${plural(Math.floor(pastDue), 'day')} past due` : 'nothing past due',
    );
  }
  if (counts('failedPayments90d') && b.failedPayments90d !== undefined) {
    phrases.push(`${countOf(b.failedPayments90d, 'failed payment')} in 90 days`);
  }
  if (counts('autoPay') && b.autoPay !== undefined)
    phrases.push(b.autoPay ? 'pays automatically' : 'pays manually');
  if (counts('paperlessBilling') && b.paperlessBilling !== undefined) {
    phrases.push(b.paperlessBilling ? 'paperless billing' : 'paper invoices');
  }
  return phrases;
};

const contract: Phrases = ({ snapshot, values, counts }) => {
  const c = snapshot.contract;
  if (c === undefined) return [];
  const tenure = values.tenureMonths;
  return [
    tenure !== undefined && counts('tenureMonths')
      ? tenure < 1
        ? 'customer for less than a month'
        : `customer for ${plural(Math.floor(tenure), 'month')}`
      : undefined,
    c.termMonths !== undefined && counts('termMonths')
      ? `${fmt(c.termMonths)}-month term`
      : undefined,
    c.autoRenew !== undefined && counts('autoRenew')
      ? c.autoRenew
        ? 'renews automatically'
        : 'no auto-renewal'
      : undefined,
  ];
};

const onboarding: Phrases = ({ snapshot, values, counts }) => {
  const milestones = snapshot.onboarding?.milestones ?? [];
  if (milestones.length === 0) return [];
  const done = Math.round(((values.onboardingProgress ?? 0) / 100) * milestones.length);
  const overdue = values.overdueMilestones ?? 0;
  return [
    counts('onboardingProgress')
      ? `${fmt(done)} of ${plural(milestones.length, 'milestone')} done`
      : undefined,
    counts('overdueMilestones')
      ? overdue === 0
        ? 'none overdue'
        : `${plural(overdue, 'milestone')} overdue`
      : undefined,
  ];
};

const PHRASES: Record<MeasureKey, Phrases> = {
  usage,
  adoption,
  support,
  engagement,
  sentiment,
  billing,
  contract,
  onboarding,
};

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A plain-language reason for one measure, built from the snapshot's actual values, e.g.
 * "42 of 60 licensed seats active, down 30% in 30 days". Stale data says how old it is.
 */
export function measureReason(
  measure: Measure,
  snapshot: AccountSnapshot,
  values: SignalValues = readSignals(snapshot),
): string {
  const readings = new Map(measure.signals.map((s) => [s.signal, s.points]));
  const phrases = PHRASES[measure.key]({
    snapshot,
    values,
    counts: (signal) => readings.has(signal),
    points: (signal) => readings.get(signal),
  }).filter((p): p is string => p !== undefined && p.length > 0);
  const text = phrases.length > 0 ? capitalise(phrases.join(', ')) : `${measure.label} observed`;
  if (!measure.stale || measure.observedAt === undefined) return text;
  return `${text} (data from ${ago(daysBetween(measure.observedAt, snapshot.asOf))})`;
}
