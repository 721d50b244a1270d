import type { AlertEvent } from '../vocabulary/keys.js';

/** Each alert event as an admin reads it in settings and in the test message. */
export const ALERT_EVENT_LABELS: Record<AlertEvent, string> = {
  band_drop: 'health band drops',
  critical_renewal_risk: 'critical renewal risk',
  champion_left: 'a champion leaving',
  renewal_stage: 'renewals entering a stage',
  escalation_due: 'escalations falling due',
};
