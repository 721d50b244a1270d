// Dates travel as ISO strings; time is always passed in (asOf), never read from a clock.
const DAY_MS = 86_400_000;

export function toEpochMs(iso: string): number {
  return Date.parse(iso);
}

/** Whole and fractional days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return (toEpochMs(to) - toEpochMs(from)) / DAY_MS;
}

export function addDays(iso: string, days: number): string {
  return new Date(toEpochMs(iso) + days * DAY_MS).toISOString();
}

export function addHours(iso: string, hours: number): string {
  return new Date(toEpochMs(iso) + hours * 3_600_000).toISOString();
}

/** Calendar months between two dates, fractional, using an average month length. */
export function monthsBetween(from: string, to: string): number {
  return daysBetween(from, to) / 30.4375;
}

export function isoDate(iso: string): string {
  return new Date(toEpochMs(iso)).toISOString().slice(0, 10);
}
