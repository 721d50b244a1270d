import type { RiskLevel } from '../renewal/types.js';
import type { Band, HandoffItemKey, StakeholderRole } from '../vocabulary/keys.js';
import type { Segment } from '../vocabulary/keys.js';

// The words every face shows for the core's codes. A face that spelled them itself would drift
// from the others (and from the CRM picklists that carry the same labels).

export const SEGMENT_LABELS: Record<Segment, string> = {
  enterprise: 'Enterprise',
  mid_market: 'Mid-Market',
  smb: 'SMB',
};

/** As the CRM's band picklists label their values. "Critical" is a risk level, never a band. */
export const BAND_LABELS: Record<Band, string> = {
  green: 'Green',
  yellow: 'Yellow',
  red: 'Red',
};

/** An account with no observed measure has no band. */
export const UNSCORED_LABEL = 'Not scored';

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

/** A role as a picker or column heading names it. */
export const STAKEHOLDER_ROLE_TITLES: Record<StakeholderRole, string> = {
  champion: 'Champion',
  executive_sponsor: 'Executive sponsor',
  admin: 'Admin',
  user: 'User',
  other: 'Other',
};

/** A role inside a sentence: "Add the executive sponsor to stakeholders". */
export const STAKEHOLDER_ROLE_LABELS: Record<StakeholderRole, string> = {
  champion: 'champion',
  executive_sponsor: 'executive sponsor',
  admin: 'admin',
  user: 'user',
  other: 'other contact',
};

export const HANDOFF_ITEM_LABELS: Record<HandoffItemKey, string> = {
  customerGoals: 'Customer goals',
  successCriteria: 'Success criteria',
  technicalRequirements: 'Technical requirements',
  implementationRequirements: 'Implementation requirements',
  stakeholders: 'Stakeholders',
  competitiveAlternatives: 'Competitive alternatives evaluated',
  promisesMade: 'Promises made during the sale',
  contractExecuted: 'Contract executed',
  paymentTermsConfirmed: 'Payment terms confirmed',
  kickoffDate: 'Kickoff date',
};
