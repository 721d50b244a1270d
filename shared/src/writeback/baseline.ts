import type { Band } from '../vocabulary/keys.js';
import { BANDS } from '../vocabulary/keys.js';
import type { PreviousHealth } from '../health/types.js';
import { isoDate, toEpochMs } from '../time/time.js';

/** A health result as the CRM holds it: score, band and when it was written. Any part may be missing. */
export interface WrittenHealth {
  score?: number | null;
  band?: string | null;
  at?: string | null;
}

function complete(h: WrittenHealth | undefined): PreviousHealth | undefined {
  if (h === undefined) return undefined;
  const { score, band, at } = h;
  if (typeof score !== 'number' || !Number.isFinite(score)) return undefined;
  if (!BANDS.includes(band as Band)) return undefined;
  if (typeof at !== 'string' || !Number.isFinite(toEpochMs(at))) return undefined;
  return { score, band: band as Band, asOf: at };
}

/** True when `at` lies on an earlier UTC calendar day than `asOf`. */
export function isEarlierDay(at: string, asOf: string): boolean {
  return isoDate(at) < isoDate(asOf);
}

/**
 * The score a trend and a "health fell to red" crossing compare against: the last result written
 * on an earlier day than asOf, else the one kept from before it. Several scorings on one day
 * therefore share one baseline, and reloading a card never flattens the day-over-day trend.
 */
export function trendBaseline(
  last: WrittenHealth | undefined,
  kept: WrittenHealth | undefined,
  asOf: string,
): PreviousHealth | undefined {
  for (const candidate of [complete(last), complete(kept)]) {
    if (candidate !== undefined && isEarlierDay(candidate.asOf, asOf)) return candidate;
  }
  return undefined;
}
