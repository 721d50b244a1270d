import type { CsmLoad } from './schema.js';

// A CSM's capacity as numbered slots: the n-th account a CSM takes holds the slot "<csm>#<n>" as a
// unique value in the CRM, so of concurrent routings to the same last slot only one can succeed.

export function csmSlot(csmId: string, n: number): string {
  return `${csmId}#${n}`;
}

function slotOf(slot: string): { csmId: string; n: number } | null {
  const at = slot.lastIndexOf('#');
  const n = Number(slot.slice(at + 1));
  return at > 0 && Number.isInteger(n) && n > 0 ? { csmId: slot.slice(0, at), n } : null;
}

/**
 * The book as routing must see it once slots were found taken: a CSM whose n-th slot another
 * account holds carries at least n accounts, whatever the book read said.
 */
export function withTakenSlots(book: readonly CsmLoad[], taken: readonly string[]): CsmLoad[] {
  const loads = new Map<string, CsmLoad>();
  for (const e of book) {
    const l = loads.get(e.csmId) ?? { csmId: e.csmId, arr: 0, accounts: 0 };
    loads.set(e.csmId, { csmId: e.csmId, arr: l.arr + e.arr, accounts: l.accounts + e.accounts });
  }
  for (const slot of taken) {
    const s = slotOf(slot);
    if (!s) continue;
    const l = loads.get(s.csmId) ?? { csmId: s.csmId, arr: 0, accounts: 0 };
    loads.set(s.csmId, { ...l, accounts: Math.max(l.accounts, s.n) });
  }
  return [...loads.values()];
}

/** The slot an account routed to this CSM takes: the one after every account the book shows. */
export function nextCsmSlot(csmId: string, book: readonly CsmLoad[]): string {
  const accounts = book.filter((e) => e.csmId === csmId).reduce((n, e) => n + e.accounts, 0);
  return csmSlot(csmId, accounts + 1);
}
