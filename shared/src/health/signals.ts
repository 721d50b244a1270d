// What the snapshot says about each signal, as of its asOf. Every measure, reason and calibration
// row reads signal values from here, so a signal means the same thing wherever it is used.
import type { SignalKey } from '../vocabulary/keys.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { toEpochMs } from '../time/time.js';

/** Each signal's value; undefined where the snapshot does not support it. */
export type SignalValues = Partial<Record<SignalKey, number>>;

const DAY_MS = 86_400_000;
const AVERAGE_MONTH_DAYS = 30.4375;

/** Only finite numbers count as observed; anything else (absent, NaN, text from raw input) does not. */
const observed = (v: unknown): number | undefined =>
  Number.isFinite(v) ? (v as number) : undefined;

const flag = (b: boolean | undefined): number | undefined =>
  b === undefined ? undefined : b ? 1 : 0;

function percentOf(part: number | undefined, whole: number | undefined): number | undefined {
  if (part === undefined || whole === undefined || whole === 0) return undefined;
  return observed((part / whole) * 100);
}

function percentChange(now: number | undefined, before: number | undefined): number | undefined {
  if (now === undefined || before === undefined || before === 0) return undefined;
  return observed(((now - before) / before) * 100);
}

function difference(now: number | undefined, before: number | undefined): number | undefined {
  if (now === undefined || before === undefined) return undefined;
  return observed(now - before);
}

/** Days from `at` to asOf, never negative: an event dated after asOf counts as happening at asOf. */
function daysSince(at: string | undefined, asOfMs: number): number | undefined {
  if (at === undefined) return undefined;
  return observed(Math.max(0, (asOfMs - toEpochMs(at)) / DAY_MS));
}

function monthsSince(at: string | undefined, asOfMs: number): number | undefined {
  const days = daysSince(at, asOfMs);
  return days === undefined ? undefined : days / AVERAGE_MONTH_DAYS;
}

const happenedBy = (at: string | undefined, asOfMs: number): boolean =>
  at !== undefined && toEpochMs(at) <= asOfMs;

/**
 * A champion counts as present when the CRM says so. A recorded departure (on or before asOf)
 * without a confirmed champion means the account has none, even if the presence flag was never set.
 */
export function championPresentAt(snapshot: AccountSnapshot, asOfMs: number): boolean | undefined {
  const e = snapshot.engagement;
  if (e === undefined) return undefined;
  if (e.championPresent === true) return true;
  if (happenedBy(e.championLeftAt, asOfMs)) return false;
  return e.championPresent;
}

interface OnboardingProgress {
  onboardingProgress: number | undefined;
  overdueMilestones: number | undefined;
}

function onboardingProgress(snapshot: AccountSnapshot, asOfMs: number): OnboardingProgress {
  const milestones = snapshot.onboarding?.milestones;
  if (milestones === undefined || milestones.length === 0) {
    return { onboardingProgress: undefined, overdueMilestones: undefined };
  }
  let done = 0;
  let overdue = 0;
  for (const m of milestones) {
    if (happenedBy(m.doneAt, asOfMs)) done++;
    else if (m.dueAt !== undefined && toEpochMs(m.dueAt) < asOfMs) overdue++;
  }
  return {
    onboardingProgress: observed((done / milestones.length) * 100),
    overdueMilestones: overdue,
  };
}

/**
 * Every signal the snapshot supports, read as of its asOf (`asOfMs`, when the caller has already
 * read it). Every key is present, in the same order for every account; a signal the snapshot does
 * not support is undefined.
 */
export function readSignals(
  snapshot: AccountSnapshot,
  asOfMs: number = toEpochMs(snapshot.asOf),
): SignalValues {
  const { contract, usage, support, engagement, sentiment, billing } = snapshot;
  const onboarding = onboardingProgress(snapshot, asOfMs);
  return {
    seatUtilisation: percentOf(usage?.activeUsers30d, contract?.licensedSeats),
    activeUserTrend: percentChange(usage?.activeUsers30d, usage?.activeUsersPrior30d),
    daysSinceActivity: daysSince(usage?.lastActivityAt, asOfMs),
    featureAdoption: percentOf(usage?.featuresAdopted, usage?.featuresLicensed),
    openTickets: observed(support?.openTickets),
    tickets30d: observed(support?.tickets30d),
    escalations90d: observed(support?.escalations90d),
    csat: observed(support?.csat),
    daysSinceExecutiveMeeting: daysSince(engagement?.lastExecutiveMeetingAt, asOfMs),
    championPresent: flag(championPresentAt(snapshot, asOfMs)),
    meetings90d: observed(engagement?.meetings90d),
    nps: observed(sentiment?.npsLatest),
    npsChange: difference(sentiment?.npsLatest, sentiment?.npsPrevious),
    daysPastDue: observed(billing?.daysPastDue),
    overdueInvoices: observed(billing?.overdueInvoices),
    failedPayments90d: observed(billing?.failedPayments90d),
    autoPay: flag(billing?.autoPay),
    paperlessBilling: flag(billing?.paperlessBilling),
    tenureMonths: monthsSince(contract?.startDate, asOfMs),
    termMonths: observed(contract?.termMonths),
    autoRenew: flag(contract?.autoRenew),
    onboardingProgress: onboarding.onboardingProgress,
    overdueMilestones: onboarding.overdueMilestones,
  } satisfies Record<SignalKey, number | undefined>;
}
