import * as z from 'zod/mini';

/**
 * The alerts already sent for one account: event key → when it was sent (ISO). Stored on the CRM
 * record as the text property `csops_alert_log`, so it is kept small: planAlerts prunes it and
 * never lets it grow past ALERT_LOG_MAX_ENTRIES.
 */
export type AlertLog = Record<string, string>;

export const ALERT_LOG_PROPERTY = 'csops_alert_log';
export const ALERT_LOG_MAX_ENTRIES = 64;
export const ALERT_KEY_MAX_LENGTH = 400;

const keySchema = z.string().check(z.minLength(1), z.maxLength(ALERT_KEY_MAX_LENGTH));
const sentAtSchema = z.iso.datetime({ offset: true });

/**
 * The log as stored. Anything unreadable reads as an empty log (or without the entries that are
 * unreadable): a damaged property may repeat an alert, it must never stop the alerts or the run.
 */
export function parseAlertLog(text: string | null | undefined): AlertLog {
  if (typeof text !== 'string' || text.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return {};
  const log: AlertLog = {};
  for (const [key, sentAt] of Object.entries(json as Record<string, unknown>)) {
    if (!keySchema.safeParse(key).success || !sentAtSchema.safeParse(sentAt).success) continue;
    log[key] = sentAt as string;
    if (Object.keys(log).length >= ALERT_LOG_MAX_ENTRIES) break;
  }
  return log;
}

/** The log as the CRM property stores it: JSON, keys in order, so an unchanged log reads the same. */
export function formatAlertLog(log: AlertLog): string {
  const sorted: AlertLog = {};
  for (const key of Object.keys(log).sort()) sorted[key] = log[key] as string;
  return JSON.stringify(sorted);
}
