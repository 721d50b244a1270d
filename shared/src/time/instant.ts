// Parsing and printing ISO instants without Date: scoring a portfolio parses and prints several
// dates per account, and Date.parse / toISOString cost far more than the arithmetic they do.
// Results are identical to Date.parse and Date.prototype.toISOString (see instant.test.ts).

const DAY_MS = 86_400_000;

/** Two decimal digits at `at`, or -1 when either is not a digit. */
function d2(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function d4(s: string, at: number): number {
  const hi = d2(s, at);
  const lo = d2(s, at + 2);
  return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  // Truncating division is floor for non-negative years; only January–February of year 0 need floor.
  const era = yy >= 0 ? (yy / 400) | 0 : Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = (((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) | 0) + d - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return era * 146_097 + doe - 719_468;
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Epoch milliseconds of an ISO 8601 date-time (`YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`) or date
 * (`YYYY-MM-DD`, read as UTC midnight), as Date.parse gives; anything else goes to Date.parse.
 */
export function parseInstant(iso: string): number {
  const len = iso.length;
  if (len < 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return Date.parse(iso);
  const y = d4(iso, 0);
  const mo = d2(iso, 5);
  const d = d2(iso, 8);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > (MONTH_DAYS[mo - 1] ?? 0)) return Date.parse(iso);
  // Feb 29 of a common year is invalid; let Date.parse give its verdict.
  if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) {
    return Date.parse(iso);
  }
  const day = daysFromCivil(y, mo, d) * DAY_MS;
  if (len === 10) return day;
  if (iso.charCodeAt(10) !== 84 || len < 16 || iso.charCodeAt(13) !== 58) return Date.parse(iso);
  const h = d2(iso, 11);
  const mi = d2(iso, 14);
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return Date.parse(iso);
  let i = 16;
  let sec = 0;
  let ms = 0;
  if (iso.charCodeAt(i) === 58) {
    sec = d2(iso, i + 1);
    if (sec < 0 || sec > 59) return Date.parse(iso);
    i += 3;
    if (iso.charCodeAt(i) === 46) {
      // Milliseconds from the first three fraction digits; further digits are cut, as Date.parse does.
      let j = i + 1;
      let taken = 0;
      for (; j < len; j++) {
        const c = iso.charCodeAt(j) - 48;
        if (c < 0 || c > 9) break;
        if (taken < 3) {
          ms = ms * 10 + c;
          taken++;
        }
      }
      if (taken === 0) return Date.parse(iso);
      if (taken === 1) ms *= 100;
      else if (taken === 2) ms *= 10;
      i = j;
    }
  }
  let offsetMin = 0;
  const z = iso.charCodeAt(i);
  if (z === 90 && i === len - 1) {
    offsetMin = 0;
  } else if ((z === 43 || z === 45) && i + 6 === len && iso.charCodeAt(i + 3) === 58) {
    const oh = d2(iso, i + 1);
    const om = d2(iso, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return Date.parse(iso);
    offsetMin = (z === 43 ? 1 : -1) * (oh * 60 + om);
  } else {
    return Date.parse(iso);
  }
  return day + ((h * 60 + mi - offsetMin) * 60 + sec) * 1000 + ms;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/** `YYYY-MM-DD` of the UTC day containing `ms` (years 0–9999, as CRMs store them). */
export function formatDay(ms: number): string {
  if (!Number.isFinite(ms)) return new Date(ms).toISOString();
  return civilDayText(Math.floor(ms / DAY_MS));
}

function civilDayText(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) return new Date(day * DAY_MS).toISOString().slice(0, -14);
  const yyyy = y < 1000 ? `${y}`.padStart(4, '0') : `${y}`;
  return `${yyyy}-${pad2(m)}-${pad2(d)}`;
}

/** The same string as `new Date(ms).toISOString()`. */
export function formatInstant(ms: number): string {
  const day = formatDay(ms);
  if (day.length !== 10) return new Date(ms).toISOString();
  let rest = ms - Math.floor(ms / DAY_MS) * DAY_MS;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const s = Math.floor(rest / 1000);
  const milli = Math.floor(rest - s * 1000);
  return `${day}T${pad2(h)}:${pad2(mi)}:${pad2(s)}.${pad3(milli)}Z`;
}

/** UTC calendar day number (days since 1970-01-01) of an ISO instant. */
export function dayNumber(iso: string): number {
  return Math.floor(parseInstant(iso) / DAY_MS);
}
