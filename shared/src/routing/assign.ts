import { formatAmount } from '../expansion/draft.js';
import type { Csm, Settings } from '../settings/schema.js';
import type { Segment } from '../vocabulary/keys.js';
import { SEGMENT_LABELS } from '../vocabulary/labels.js';
import type { CsmLoad, RoutingAccount } from './schema.js';
import { segmentFor } from './segment.js';

export interface Assignment {
  csmId: string | null;
  segment: Segment;
  reason: string;
}

interface Candidate {
  csm: Csm;
  arrLeft: number;
  slotsLeft: number;
  share: number;
}

function loadOf(book: readonly CsmLoad[], csmId: string): { arr: number; accounts: number } {
  let arr = 0;
  let accounts = 0;
  for (const entry of book) {
    if (entry.csmId !== csmId) continue;
    arr += entry.arr;
    accounts += entry.accounts;
  }
  return { arr, accounts };
}

function whyNot(c: Candidate): string {
  if (c.slotsLeft < 1) return `${c.csm.name} has no account slots left`;
  return `${c.csm.name} has ${formatAmount(Math.max(0, c.arrLeft))} ARR capacity left`;
}

/**
 * Routes an account to a CSM who serves its segment and has room for both its ARR and one more
 * account. Among those, the one with the largest free share of capacity (the tighter of ARR and
 * account slots) wins, so books fill evenly; ties go to the lower CSM id, so routing is repeatable.
 */
export function assignCsm(
  account: RoutingAccount,
  book: readonly CsmLoad[],
  settings: Settings,
): Assignment {
  const segment = account.segment ?? segmentFor(account.arr, settings);
  const label = SEGMENT_LABELS[segment];
  const serving = settings.csms.filter((c) => c.segments.includes(segment));
  if (serving.length === 0) {
    return {
      csmId: null,
      segment,
      reason: `No CSM serves ${label} accounts: add one in settings`,
    };
  }
  const candidates: Candidate[] = serving.map((csm) => {
    const load = loadOf(book, csm.id);
    const arrLeft = csm.maxArr - load.arr;
    const slotsLeft = csm.maxAccounts - load.accounts;
    return {
      csm,
      arrLeft,
      slotsLeft,
      share: Math.min(arrLeft / csm.maxArr, slotsLeft / csm.maxAccounts),
    };
  });
  const fits = candidates
    .filter((c) => c.slotsLeft >= 1 && c.arrLeft >= account.arr)
    .sort((a, b) => b.share - a.share || (a.csm.id < b.csm.id ? -1 : a.csm.id > b.csm.id ? 1 : 0));
  const best = fits[0];
  if (best === undefined) {
    const detail = candidates.map(whyNot).join('; ');
    return {
      csmId: null,
      segment,
      reason: `No ${label} CSM has room for ${formatAmount(account.arr)} ARR: ${detail}`,
    };
  }
  const arrShare = Math.round(((best.arrLeft - account.arr) / best.csm.maxArr) * 100);
  const slots = best.slotsLeft - 1;
  return {
    csmId: best.csm.id,
    segment,
    reason: `Assigned to ${best.csm.name} (${label}): ${arrShare}% of ARR capacity and ${slots} of ${best.csm.maxAccounts} account slots left after this account`,
  };
}

export interface RoutedBook {
  assignments: Array<Assignment & { accountId: string }>;
  /** The book after every assignment, one entry per CSM who carries anything. */
  book: CsmLoad[];
}

/**
 * Routes several accounts in the order given, each one seeing the book as the previous ones left
 * it — so a batch (a day's handoffs, a territory rebalance) never overfills anyone.
 */
export function routeAccounts(
  accounts: readonly RoutingAccount[],
  book: readonly CsmLoad[],
  settings: Settings,
): RoutedBook {
  const loads = new Map<string, CsmLoad>();
  for (const entry of book) {
    const load = loads.get(entry.csmId) ?? { csmId: entry.csmId, arr: 0, accounts: 0 };
    loads.set(entry.csmId, {
      csmId: entry.csmId,
      arr: load.arr + entry.arr,
      accounts: load.accounts + entry.accounts,
    });
  }
  const assignments = accounts.map((account) => {
    const a = assignCsm(account, [...loads.values()], settings);
    if (a.csmId !== null) {
      const load = loads.get(a.csmId) ?? { csmId: a.csmId, arr: 0, accounts: 0 };
      loads.set(a.csmId, {
        csmId: a.csmId,
        arr: load.arr + account.arr,
        accounts: load.accounts + 1,
      });
    }
    return { accountId: account.accountId, ...a };
  });
  return { assignments, book: [...loads.values()] };
}
