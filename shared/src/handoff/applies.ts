import type { Settings } from '../settings/schema.js';
import { EXISTING_BUSINESS_DEAL_TYPE } from '../vocabulary/keys.js';

/**
 * Whether a deal goes through the sales-to-CS handoff. Handoffs are for new business: a deal of
 * HubSpot's existing-business type, or of the type csops gives its expansion deals, is a customer
 * Customer Success already has. A deal without a type, or of any other type (portals add their own
 * new-business types), keeps the handoff.
 */
export function handoffAppliesTo(dealType: string | null | undefined, settings: Settings): boolean {
  const type = (dealType ?? '').trim();
  if (type === '') return true;
  return type !== EXISTING_BUSINESS_DEAL_TYPE && type !== settings.expansion.dealType;
}
