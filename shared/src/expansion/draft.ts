import { displayPercent, displayScore } from '../display/numbers.js';
import type { HealthScore } from '../health/types.js';
import type { RenewalRisk } from '../renewal/types.js';
import type { Settings } from '../settings/schema.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { dayNumber, formatDay, parseInstant } from '../time/instant.js';
import { expansionHeldBack } from './hold-back.js';
import type { ExpansionResult, ExpansionSignal, OpportunityDraft } from './types.js';

const DAY_MS = 86_400_000;
const AVERAGE_MONTH_DAYS = 30.4375;

export interface ExpansionOptions {
  /** An expansion deal / Opportunity is already open for this account. */
  openExpansionDeal: boolean;
  /** The account's renewal risk: high risk, a downgrade or billing trouble hold expansion back. */
  risk: RenewalRisk;
}

/** Thousands separators without Intl, so the text is the same on every face and runtime. */
export function formatAmount(n: number): string {
  const whole = Math.round(n);
  const digits = String(Math.abs(whole));
  let head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (; head < digits.length; head += 3) out += `,${digits.slice(head, head + 3)}`;
  return whole < 0 ? `-${out}` : out;
}

function money(n: number, currency: string | undefined): string {
  return currency === undefined ? formatAmount(n) : `${formatAmount(n)} ${currency}`;
}

/** The contract term the draft belongs to: one expansion draft per term, however often it is run. */
export function expansionKey(snapshot: AccountSnapshot): string {
  const c = snapshot.contract;
  const term =
    c?.renewalDate !== undefined
      ? formatDay(parseInstant(c.renewalDate))
      : c?.startDate !== undefined
        ? `start-${formatDay(parseInstant(c.startDate))}`
        : 'no-term';
  return `csops-expansion:${snapshot.accountId}:${term}`;
}

function signalsFor(
  snapshot: AccountSnapshot,
  health: HealthScore,
  settings: Settings,
): ExpansionSignal[] {
  const e = settings.expansion;
  const signals: ExpansionSignal[] = [];
  const seats = snapshot.contract?.licensedSeats;
  const active = snapshot.usage?.activeUsers30d;
  if (seats !== undefined && seats > 0 && active !== undefined) {
    const utilisation = (active / seats) * 100;
    if (utilisation > e.seatUtilisationOver) {
      signals.push({
        code: 'seatUtilisation',
        message: `${active} of ${seats} licensed seats active (${displayPercent(active / seats)})`,
      });
    }
  }
  const adopted = snapshot.usage?.featuresAdopted;
  const licensed = snapshot.usage?.featuresLicensed;
  if (adopted !== undefined && licensed !== undefined && licensed > 0) {
    const adoption = (adopted / licensed) * 100;
    if (adoption >= e.adoptionMilestonePercent) {
      signals.push({
        code: 'adoptionMilestone',
        message: `${adopted} of ${licensed} licensed features adopted (${displayPercent(adopted / licensed)})`,
      });
    }
  }
  const renewal = snapshot.contract?.renewalDate;
  // Practice: a healthy account that also uses the product heavily, within months of renewal.
  const usage = health.measures.find((m) => m.key === 'usage')?.score;
  if (
    health.score !== null &&
    health.score >= e.minHealthScore &&
    usage !== undefined &&
    usage >= e.minUsageScore &&
    renewal !== undefined
  ) {
    const days = dayNumber(renewal) - dayNumber(snapshot.asOf);
    const months = days / AVERAGE_MONTH_DAYS;
    if (days >= 0 && months <= e.healthyWithinMonthsOfRenewal) {
      signals.push({
        code: 'healthyNearRenewal',
        message: `Health ${displayScore(health.score)} and usage ${displayScore(usage)} with renewal in ${days} day${days === 1 ? '' : 's'}`,
      });
    }
  }
  return signals;
}

const cents = (x: number): number => Math.round(x * 100) / 100;

interface Estimate {
  amount: number;
  basis: string;
  kind: 'seat expansion' | 'expansion';
}

function estimate(
  snapshot: AccountSnapshot,
  arr: number,
  signals: ExpansionSignal[],
  settings: Settings,
): Estimate {
  const e = settings.expansion;
  const seats = snapshot.contract?.licensedSeats ?? 0;
  const active = snapshot.usage?.activeUsers30d ?? 0;
  if (signals.some((s) => s.code === 'seatUtilisation') && seats > 0) {
    // Enough seats that today's active users would fill the target utilisation, not more.
    const extra = Math.ceil((active * 100) / e.targetSeatUtilisation - 1e-9) - seats;
    if (extra > 0) {
      const perSeat = arr / seats;
      return {
        amount: cents(extra * perSeat),
        basis: `${extra} more seat${extra === 1 ? '' : 's'} × ${money(perSeat, snapshot.currency)} per seat, to bring seat use to ${e.targetSeatUtilisation}%`,
        kind: 'seat expansion',
      };
    }
  }
  return {
    amount: cents((arr * e.upliftPercent) / 100),
    basis: `${e.upliftPercent}% of ARR ${money(arr, snapshot.currency)}`,
    kind: 'expansion',
  };
}

/**
 * Expansion signals, and an opportunity draft sized from them: extra seats at today's price per
 * seat when seats run out, otherwise the configured uplift on ARR. No draft while an expansion deal
 * is open (a second click must not make a second deal), while the account is at risk (high or
 * critical renewal risk, a downgrade requested, billing trouble), or with no ARR to size it from.
 */
export function detectExpansion(
  snapshot: AccountSnapshot,
  health: HealthScore,
  settings: Settings,
  opts: ExpansionOptions,
): ExpansionResult {
  const signals = signalsFor(snapshot, health, settings);
  const heldBackBecause = expansionHeldBack(snapshot, opts.risk);
  const none = (suppressedBecause?: string): ExpansionResult =>
    suppressedBecause === undefined
      ? { signals, draft: null, heldBackBecause }
      : { signals, draft: null, suppressedBecause, heldBackBecause };
  if (signals.length === 0) return none();
  if (opts.openExpansionDeal) return none('An expansion deal is already open');
  if (heldBackBecause.length > 0) {
    return none('Expansion is held back until the account is out of risk');
  }
  const arr = snapshot.arr ?? 0;
  if (arr <= 0) return none('No ARR recorded to size an expansion from');
  const est = estimate(snapshot, arr, signals, settings);
  if (est.amount <= 0) return none('The estimate rounds to nothing at this ARR');
  const closeMs = parseInstant(snapshot.asOf) + settings.expansion.closeInDays * DAY_MS;
  const draft: OpportunityDraft = {
    idempotencyKey: expansionKey(snapshot),
    accountId: snapshot.accountId,
    name: `${snapshot.name ?? snapshot.accountId} — ${est.kind}`,
    amount: est.amount,
    amountBasis: est.basis,
    closeDate: formatDay(closeMs),
    reason: signals.map((s) => s.message).join('; '),
    signals,
  };
  return { signals, draft, heldBackBecause };
}
