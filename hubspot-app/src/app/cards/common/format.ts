import { displayPercent, formatAmount } from '@csops/core';

// Display helpers for the cards: the core gives numbers and ISO dates, people read these.

export function money(n: number | null | undefined, currency = 'USD'): string {
  if (n === null || n === undefined) return '—';
  return currency === 'USD' ? `$${formatAmount(n)}` : `${formatAmount(n)} ${currency}`;
}

export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}

/** A count of things, grouped by thousands as amounts are. */
export function count(n: number): string {
  return formatAmount(n);
}

export function percent(share: number): string {
  return displayPercent(share);
}

export const BAND_VARIANT = { green: 'success', yellow: 'warning', red: 'danger' } as const;
export const RISK_VARIANT = {
  low: 'success',
  medium: 'warning',
  high: 'danger',
  critical: 'danger',
} as const;

/** A record page in the HubSpot app, for links from a card. */
export function recordUrl(portalId: number, objectTypeId: string, id: string): string {
  return `https://app.hubspot.com/contacts/${portalId}/record/${objectTypeId}/${id}`;
}
