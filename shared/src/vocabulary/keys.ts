// The domain's key lists: measures and their signals, bands, segments, handoff items, stakeholder
// roles, playbook kinds. Plain values, so the rules that read them carry no schema code; the
// schemas (settings, snapshot, handoff) are built from them.

export const SETTINGS_VERSION = 3;

/**
 * HubSpot's own deal types (the `dealtype` property's internal values). An expansion is existing
 * business: the customer was handed off to Customer Success when they were new business.
 */
export const NEW_BUSINESS_DEAL_TYPE = 'newbusiness';
export const EXISTING_BUSINESS_DEAL_TYPE = 'existingbusiness';

/** The measures a health score is made of, and the signals each one reads. */
export const MEASURE_SIGNALS = {
  usage: ['seatUtilisation', 'activeUserTrend', 'daysSinceActivity'],
  adoption: ['featureAdoption'],
  support: ['openTickets', 'tickets30d', 'escalations90d', 'csat'],
  engagement: ['daysSinceExecutiveMeeting', 'championPresent', 'meetings90d'],
  sentiment: ['nps', 'npsChange'],
  billing: ['daysPastDue', 'overdueInvoices', 'failedPayments90d', 'autoPay', 'paperlessBilling'],
  contract: ['tenureMonths', 'termMonths', 'autoRenew'],
  onboarding: ['onboardingProgress', 'overdueMilestones'],
} as const;
export type MeasureKey = keyof typeof MEASURE_SIGNALS;
export type SignalKey = (typeof MEASURE_SIGNALS)[MeasureKey][number];
export const MEASURE_KEYS = Object.keys(MEASURE_SIGNALS) as MeasureKey[];

export const BANDS = ['green', 'yellow', 'red'] as const;
export type Band = (typeof BANDS)[number];

/** Customer segments, by ARR tier (thresholds live in settings.segments). */
export const SEGMENTS = ['enterprise', 'mid_market', 'smb'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const HANDOFF_ITEM_KEYS = [
  'customerGoals',
  'successCriteria',
  'technicalRequirements',
  'implementationRequirements',
  'stakeholders',
  'competitiveAlternatives',
  'promisesMade',
  'contractExecuted',
  'paymentTermsConfirmed',
  'kickoffDate',
] as const;
export type HandoffItemKey = (typeof HANDOFF_ITEM_KEYS)[number];

export const STAKEHOLDER_ROLES = [
  'champion',
  'executive_sponsor',
  'admin',
  'user',
  'other',
] as const;
export type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];

export const PLAYBOOK_KINDS = ['onboarding', 'risk', 'expansion', 'renewal'] as const;

/** What a Slack channel can be told about, each once per event with a cooldown. */
export const ALERT_EVENTS = [
  'band_drop',
  'critical_renewal_risk',
  'champion_left',
  'renewal_stage',
  'escalation_due',
] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];

/** Where a playbook action stands in the CRM: a task still to do, done, or skipped with a reason. */
export const LEDGER_STATUSES = ['open', 'done', 'skipped'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];
