import type { AccountSnapshot } from '../snapshot/schema.js';
import type { MeasureKey, SignalKey } from '../vocabulary/keys.js';
import { toEpochMs } from '../time/time.js';
import { championPresentAt, readSignals, type SignalValues } from './signals.js';
import type { Measure, SignalReading } from './types.js';

// Reasons are read by CSMs on the record page: plain words, whole numbers, the facts behind the score.

const DAY_MS = 86_400_000;

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

/**
 * How long before a moment something happened, in words: "3 days ago" against asOf. A stale
 * measure's facts are told against its data's date instead, so "last activity 1 day ago" never
 * sits beside "data from 56 days ago".
 */
interface Clock {
  when: (daysBeforeAsOf: number) => string;
  /** Days before the moment told against. */
  days: (daysBeforeAsOf: number) => number;
}

const AS_OF_CLOCK: Clock = { when: ago, days: (d) => d };

function dataClock(shiftDays: number): Clock {
  const days = (d: number): number => Math.max(0, d - shiftDays);
  return {
    days,
    when: (d) => {
      const before = Math.floor(days(d));
      return before <= 0 ? 'on the day of this data' : `${plural(before, 'day')} before this data`;
    },
  };
}

function change(delta: number, over: string): string {
  const pct = Math.round(delta);
  if (pct === 0) return `unchanged over ${over}`;
  return `${pct < 0 ? 'down' : 'up'} ${whole(Math.abs(pct))}% in ${over}`;
}

/** Phrases joined into one sentence as they are added; empty ones are left out. */
const and = (text: string, phrase: string | undefined): string =>
  phrase === undefined || phrase === '' ? text : text === '' ? phrase : `${text}, ${phrase}`;

/** The reading of one signal in this measure, or undefined when it does not count here. */
function readingOf(measure: Measure, signal: SignalKey): SignalReading | undefined {
  for (const s of measure.signals) if (s.signal === signal) return s;
  return undefined;
}
const counts = (measure: Measure, signal: SignalKey): boolean =>
  readingOf(measure, signal) !== undefined;

/** The phrases of one measure, joined; '' when there is nothing to say. */
type Phrases = (
  measure: Measure,
  snapshot: AccountSnapshot,
  values: SignalValues,
  asOfMs: number,
  clock: Clock,
) => string;

const usage: Phrases = (m, snapshot, values, _asOfMs, clock) => {
  const active = snapshot.usage?.activeUsers30d;
  const seats = snapshot.contract?.licensedSeats;
  const trend = values.activeUserTrend;
  let text = '';
  const bySeats = counts(m, 'seatUtilisation');
  const byTrend = counts(m, 'activeUserTrend');
  if (active !== undefined && (bySeats || byTrend)) {
    const who =
      bySeats && seats !== undefined && seats > 0
        ? `${fmt(active)} of ${plural(seats, 'licensed seat')} active`
        : plural(active, 'active user');
    text = and(text, trend !== undefined && byTrend ? `${who}, ${change(trend, '30 days')}` : who);
  }
  const idle = values.daysSinceActivity;
  if (idle !== undefined && counts(m, 'daysSinceActivity')) {
    text = and(text, `last activity ${clock.when(idle)}`);
  }
  return text;
};

const adoption: Phrases = (m, snapshot) => {
  const u = snapshot.usage;
  if (!counts(m, 'featureAdoption') || u?.featuresAdopted === undefined) return '';
  return `${fmt(u.featuresAdopted)} of ${plural(u.featuresLicensed ?? 0, 'licensed feature')} adopted`;
};

const support: Phrases = (m, snapshot) => {
  const s = snapshot.support;
  if (s === undefined) return '';
  let text = '';
  if (counts(m, 'openTickets') && s.openTickets !== undefined) {
    text = and(text, countOf(s.openTickets, 'open ticket'));
  }
  if (counts(m, 'tickets30d') && s.tickets30d !== undefined) {
    text = and(text, `${countOf(s.tickets30d, 'ticket')} in 30 days`);
  }
  if (counts(m, 'escalations90d') && s.escalations90d !== undefined) {
    text = and(text, `${countOf(s.escalations90d, 'escalation')} in 90 days`);
  }
  if (counts(m, 'csat') && s.csat !== undefined) text = and(text, `CSAT ${whole(s.csat)}%`);
  return text;
};

const engagement: Phrases = (m, snapshot, values, asOfMs, clock) => {
  const e = snapshot.engagement;
  if (e === undefined) return '';
  let text = '';
  if (counts(m, 'championPresent')) {
    const present = championPresentAt(snapshot, asOfMs);
    const leftDaysAgo =
      e.championLeftAt === undefined ? undefined : (asOfMs - toEpochMs(e.championLeftAt)) / DAY_MS;
    const left = leftDaysAgo !== undefined && leftDaysAgo >= 0;
    if (present === false)
      text = and(text, left ? `champion left ${clock.when(leftDaysAgo)}` : 'no champion');
    if (present === true) text = and(text, left ? 'new champion in place' : 'champion in place');
  }
  const sinceExec = values.daysSinceExecutiveMeeting;
  const exec = readingOf(m, 'daysSinceExecutiveMeeting');
  if (sinceExec !== undefined && exec !== undefined) {
    // Whether a gap reads as a warning follows the admin's own curve: below half points it is one.
    text = and(
      text,
      exec.points < 50
        ? `no executive meeting in ${plural(Math.floor(clock.days(sinceExec)), 'day')}`
        : `executive meeting ${clock.when(sinceExec)}`,
    );
  }
  if (counts(m, 'meetings90d') && e.meetings90d !== undefined) {
    text = and(text, `${countOf(e.meetings90d, 'meeting')} in 90 days`);
  }
  return text;
};

const sentiment: Phrases = (m, snapshot) => {
  const s = snapshot.sentiment;
  const byChange = counts(m, 'npsChange');
  if (s?.npsLatest === undefined || !(counts(m, 'nps') || byChange)) return '';
  const latest = `NPS ${fmt(s.npsLatest)}`;
  if (s.npsPrevious === undefined || !byChange) return latest;
  if (s.npsLatest === s.npsPrevious) return `${latest}, unchanged`;
  const dir = s.npsLatest < s.npsPrevious ? 'down' : 'up';
  return `${latest}, ${dir} from ${fmt(s.npsPrevious)}`;
};

const billing: Phrases = (m, snapshot) => {
  const b = snapshot.billing;
  if (b === undefined) return '';
  let text = '';
  const overdue = counts(m, 'overdueInvoices') ? b.overdueInvoices : undefined;
  const pastDue = counts(m, 'daysPastDue') ? b.daysPastDue : undefined;
  if (overdue === 0) text = 'no overdue invoices';
  else if (overdue !== undefined) {
    const oldest =
      pastDue !== undefined && pastDue > 0 ? `, oldest ${plural(Math.floor(pastDue), 'day')}` : '';
    text = `${plural(overdue, 'invoice')} overdue${oldest}`;
  } else if (pastDue !== undefined) {
    text = pastDue > 0 ? `${plural(Math.floor(pastDue), 'day')} past due` : 'nothing past due';
  }
  if (counts(m, 'failedPayments90d') && b.failedPayments90d !== undefined) {
    text = and(text, `${countOf(b.failedPayments90d, 'failed payment')} in 90 days`);
  }
  if (counts(m, 'autoPay') && b.autoPay !== undefined) {
    text = and(text, b.autoPay ? 'pays automatically' : 'pays manually');
  }
  if (counts(m, 'paperlessBilling') && b.paperlessBilling !== undefined) {
    text = and(text, b.paperlessBilling ? 'paperless billing' : 'paper invoices');
  }
  return text;
};

const contract: Phrases = (m, snapshot, values) => {
  const c = snapshot.contract;
  if (c === undefined) return '';
  let text = '';
  const tenure = values.tenureMonths;
  if (tenure !== undefined && counts(m, 'tenureMonths')) {
    text =
      tenure < 1
        ? 'customer for less than a month'
        : `customer for ${plural(Math.floor(tenure), 'month')}`;
  }
  if (c.termMonths !== undefined && counts(m, 'termMonths')) {
    text = and(text, `${fmt(c.termMonths)}-month term`);
  }
  if (c.autoRenew !== undefined && counts(m, 'autoRenew')) {
    text = and(text, c.autoRenew ? 'renews automatically' : 'no auto-renewal');
  }
  return text;
};

const onboarding: Phrases = (m, snapshot, values) => {
  const milestones = snapshot.onboarding?.milestones ?? [];
  if (milestones.length === 0) return '';
  const done = Math.round(((values.onboardingProgress ?? 0) / 100) * milestones.length);
  const overdue = values.overdueMilestones ?? 0;
  let text = '';
  if (counts(m, 'onboardingProgress')) {
    text = `${fmt(done)} of ${plural(milestones.length, 'milestone')} done`;
  }
  if (counts(m, 'overdueMilestones')) {
    text = and(text, overdue === 0 ? 'none overdue' : `${plural(overdue, 'milestone')} overdue`);
  }
  return text;
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

function capitalise(s: string): string {
  const c = s.charCodeAt(0);
  // Reasons start with a lower-case ASCII letter or a digit; anything else takes the general path.
  if (c >= 97 && c <= 122) return String.fromCharCode(c - 32) + s.slice(1);
  if (c < 128) return s;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The reason for one measure from the snapshot's signal values as of `asOfMs` (its asOf): what
 * scoring read, so no date or signal is read twice.
 */
export function reasonFor(
  measure: Measure,
  snapshot: AccountSnapshot,
  values: SignalValues,
  asOfMs: number,
): string {
  const age =
    measure.stale && measure.observedAt !== undefined
      ? (asOfMs - toEpochMs(measure.observedAt)) / DAY_MS
      : undefined;
  const clock = age === undefined ? AS_OF_CLOCK : dataClock(age);
  const phrases = PHRASES[measure.key](measure, snapshot, values, asOfMs, clock);
  const text = phrases !== '' ? capitalise(phrases) : `${measure.label} observed`;
  return age === undefined ? text : `${text} (data from ${ago(age)})`;
}

/**
 * A plain-language reason for one measure, built from the snapshot's actual values, e.g.
 * "42 of 60 licensed seats active, down 30% in 30 days". Stale data says how old it is.
 */
export function measureReason(
  measure: Measure,
  snapshot: AccountSnapshot,
  values: SignalValues = readSignals(snapshot),
): string {
  return reasonFor(measure, snapshot, values, toEpochMs(snapshot.asOf));
}
