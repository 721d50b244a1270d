// Signal values of one account in a flat table, indexed by signal, NaN where unobserved. Scoring a
// portfolio reads every signal of every account: a table filled in one pass avoids building and
// filtering an object per account, and each date is read once.
import type { SignalKey } from '../settings/schema.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { toEpochMs } from '../time/time.js';

/** Every signal, in the order they are reported. */
export const SIGNAL_KEYS = [
  'seatUtilisation',
  'activeUserTrend',
  'daysSinceActivity',
  'featureAdoption',
  'openTickets',
  'tickets30d',
  'escalations90d',
  'csat',
  'daysSinceExecutiveMeeting',
  'championPresent',
  'meetings90d',
  'nps',
  'npsChange',
  'daysPastDue',
  'overdueInvoices',
  'failedPayments90d',
  'autoPay',
  'paperlessBilling',
  'tenureMonths',
  'termMonths',
  'autoRenew',
  'onboardingProgress',
  'overdueMilestones',
] as const satisfies readonly SignalKey[];

export const SIGNAL_INDEX = Object.fromEntries(SIGNAL_KEYS.map((key, i) => [key, i])) as Record<
  SignalKey,
  number
>;

/** One account's signal values by SIGNAL_INDEX; NaN marks a signal that was not observed. */
export type SignalTable = Float64Array;

export const newSignalTable = (): SignalTable => new Float64Array(SIGNAL_KEYS.length);

const DAY_MS = 86_400_000;
const AVERAGE_MONTH_DAYS = 30.4375;

/** Only finite numbers count as observed; anything else (absent, NaN, text from raw input) does not. */
const finite = (v: unknown): number => (Number.isFinite(v) ? (v as number) : NaN);

const flag = (b: boolean | undefined): number => (b === undefined ? NaN : b ? 1 : 0);

function percentOf(part: number | undefined, whole: number | undefined): number {
  if (part === undefined || whole === undefined || whole === 0) return NaN;
  return finite((part / whole) * 100);
}

function percentChange(now: number | undefined, before: number | undefined): number {
  if (now === undefined || before === undefined || before === 0) return NaN;
  return finite(((now - before) / before) * 100);
}

/** Days from `at` to asOf, never negative: an event dated after asOf counts as happening at asOf. */
function daysSince(at: string | undefined, asOfMs: number): number {
  if (at === undefined) return NaN;
  return finite(Math.max(0, (asOfMs - toEpochMs(at)) / DAY_MS));
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

function fillOnboarding(snapshot: AccountSnapshot, asOfMs: number, table: SignalTable): void {
  const milestones = snapshot.onboarding?.milestones;
  if (milestones === undefined || milestones.length === 0) {
    table[21] = NaN;
    table[22] = NaN;
    return;
  }
  let done = 0;
  let overdue = 0;
  for (const m of milestones) {
    if (happenedBy(m.doneAt, asOfMs)) done++;
    else if (m.dueAt !== undefined && toEpochMs(m.dueAt) < asOfMs) overdue++;
  }
  table[21] = finite((done / milestones.length) * 100);
  table[22] = overdue;
}

/**
 * Fills `table` with every signal value the snapshot supports as of `asOfMs` (the snapshot's asOf)
 * and returns it. Positions follow SIGNAL_KEYS.
 */
export function fillSignalTable(
  snapshot: AccountSnapshot,
  asOfMs: number,
  table: SignalTable,
): SignalTable {
  const { contract, usage, support, engagement, sentiment, billing } = snapshot;
  table[0] = percentOf(usage?.activeUsers30d, contract?.licensedSeats);
  table[1] = percentChange(usage?.activeUsers30d, usage?.activeUsersPrior30d);
  table[2] = daysSince(usage?.lastActivityAt, asOfMs);
  table[3] = percentOf(usage?.featuresAdopted, usage?.featuresLicensed);
  table[4] = finite(support?.openTickets);
  table[5] = finite(support?.tickets30d);
  table[6] = finite(support?.escalations90d);
  table[7] = finite(support?.csat);
  table[8] = daysSince(engagement?.lastExecutiveMeetingAt, asOfMs);
  table[9] = flag(championPresentAt(snapshot, asOfMs));
  table[10] = finite(engagement?.meetings90d);
  const npsLatest = sentiment?.npsLatest;
  const npsPrevious = sentiment?.npsPrevious;
  table[11] = finite(npsLatest);
  table[12] =
    npsLatest === undefined || npsPrevious === undefined ? NaN : finite(npsLatest - npsPrevious);
  table[13] = finite(billing?.daysPastDue);
  table[14] = finite(billing?.overdueInvoices);
  table[15] = finite(billing?.failedPayments90d);
  table[16] = flag(billing?.autoPay);
  table[17] = flag(billing?.paperlessBilling);
  const start = contract?.startDate;
  table[18] =
    start === undefined
      ? NaN
      : finite(Math.max(0, (asOfMs - toEpochMs(start)) / DAY_MS / AVERAGE_MONTH_DAYS));
  table[19] = finite(contract?.termMonths);
  table[20] = flag(contract?.autoRenew);
  fillOnboarding(snapshot, asOfMs, table);
  return table;
}
