// Dates travel as ISO strings; time is always passed in (asOf), never read from a clock.
import { formatDay, formatInstant, parseInstant } from './instant.js';

const DAY_MS = 86_400_000;

/**
 * Epoch milliseconds of an ISO date-time, exactly as Date.parse reads it. Scoring reads a dozen
 * dates per account, so ISO text is read without Date; anything else (including values that are
 * not strings, from unvalidated input) is left to Date.parse.
 */
export function toEpochMs(iso: string): number {
  return typeof iso === 'string' ? parseInstant(iso) : Date.parse(iso);
}

/** Whole and fractional days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return (toEpochMs(to) - toEpochMs(from)) / DAY_MS;
}

export function addDays(iso: string, days: number): string {
  return formatInstant(toEpochMs(iso) + days * DAY_MS);
}

export function addHours(iso: string, hours: number): string {
  return formatInstant(toEpochMs(iso) + hours * 3_600_000);
}

/** Calendar months between two dates, fractional, using an average month length. */
export function monthsBetween(from: string, to: string): number {
  return daysBetween(from, to) / 30.4375;
}

export function isoDate(iso: string): string {
  return formatDay(toEpochMs(iso));
}

/**
 * A toEpochMs that remembers the last text it read. Scoring a portfolio reads the same asOf for
 * every account, and one account's signal groups are often observed at the same moment.
 */
export function lastInstantReader(): (iso: string) => number {
  let lastIso: string | undefined;
  let lastMs = NaN;
  return (iso) => {
    if (iso !== lastIso) {
      lastMs = toEpochMs(iso);
      lastIso = iso;
    }
    return lastMs;
  };
}
