import type { RenewalRisk } from '../renewal/types.js';
import { billingTroubleText } from '../renewal/risk.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { RISK_LEVEL_LABELS } from '../vocabulary/labels.js';

// Offering more to a customer who is leaving, shrinking or not paying costs trust and forecasts
// ARR that will not come: such accounts are saved first and grown later.

/** Why expansion waits on this account, in words for the card; empty when nothing holds it back. */
export function expansionHeldBack(snapshot: AccountSnapshot, risk: RenewalRisk): string[] {
  const reasons: string[] = [];
  if (risk.level === 'high' || risk.level === 'critical') {
    reasons.push(`Renewal risk is ${RISK_LEVEL_LABELS[risk.level].toLowerCase()}`);
  }
  if (snapshot.contract?.downgradeRequested === true) {
    reasons.push('The customer asked to reduce seats or scope');
  }
  const billing = billingTroubleText(snapshot);
  if (billing !== null) reasons.push(billing);
  return reasons;
}
