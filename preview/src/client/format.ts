// Display formatting for the preview's own pages.
const money = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

export function formatMoney(value: number | null): string {
  return value === null ? '—' : money.format(value);
}

export function formatDate(value: string | null): string {
  if (!value) return '—';
  const d = new Date(/^\d+$/.test(value) ? Number(value) : value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString().slice(0, 10);
}

export const SEGMENT_LABELS: Record<string, string> = {
  enterprise: 'Enterprise',
  mid_market: 'Mid-Market',
  smb: 'SMB',
};
// The option labels of the csops_health_band and csops_renewal_risk properties, as HubSpot lists show them.
export const BAND_LABELS: Record<string, string> = { green: 'Green', yellow: 'Yellow', red: 'Red' };
export const RISK_LABELS: Record<string, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
export const BAND_VARIANT: Record<string, string> = {
  green: 'success',
  yellow: 'warning',
  red: 'danger',
};
export const RISK_VARIANT: Record<string, string> = {
  low: 'success',
  medium: 'warning',
  high: 'danger',
  critical: 'danger',
};
