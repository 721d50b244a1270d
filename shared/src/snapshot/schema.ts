import { z } from 'zod';

/** Customer segments, by ARR tier (thresholds live in settings.segments). */
export const SEGMENTS = ['enterprise', 'mid_market', 'smb'] as const;
export const segmentSchema = z.enum(SEGMENTS);
export type Segment = z.infer<typeof segmentSchema>;

const isoDateTime = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();
const amount = z.number().nonnegative();
/** Every signal group records when it was observed, so staleness is known per group. */
const observedAt = isoDateTime.optional();

export const contractSchema = z.object({
  startDate: isoDateTime.optional(),
  renewalDate: isoDateTime.optional(),
  termMonths: z.number().positive().optional(),
  licensedSeats: count.optional(),
  autoRenew: z.boolean().optional(),
  /** The customer has asked to reduce seats or scope at renewal. */
  downgradeRequested: z.boolean().optional(),
  observedAt,
});

export const usageSchema = z.object({
  activeUsers30d: count.optional(),
  activeUsersPrior30d: count.optional(),
  featuresAdopted: count.optional(),
  featuresLicensed: count.optional(),
  lastActivityAt: isoDateTime.optional(),
  observedAt,
});

export const supportSchema = z.object({
  openTickets: count.optional(),
  tickets30d: count.optional(),
  escalations90d: count.optional(),
  /** Customer satisfaction as a percentage, 0–100 (a 1–5 survey maps to 0, 25, …, 100). */
  csat: z.number().min(0).max(100).optional(),
  observedAt,
});

export const engagementSchema = z.object({
  lastExecutiveMeetingAt: isoDateTime.optional(),
  championPresent: z.boolean().optional(),
  championLeftAt: isoDateTime.optional(),
  meetings90d: count.optional(),
  observedAt,
});

export const sentimentSchema = z.object({
  /** Account NPS, −100…100 (the share of promoters minus the share of detractors). */
  npsLatest: z.number().min(-100).max(100).optional(),
  npsPrevious: z.number().min(-100).max(100).optional(),
  observedAt,
});

export const billingSchema = z.object({
  overdueInvoices: count.optional(),
  daysPastDue: z.number().nonnegative().optional(),
  failedPayments90d: count.optional(),
  /** Pays by automatic charge (card or direct debit) rather than a manual payment each period. */
  autoPay: z.boolean().optional(),
  /** Invoices delivered electronically rather than on paper. */
  paperlessBilling: z.boolean().optional(),
  observedAt,
});

export const milestoneSchema = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  dueAt: isoDateTime.optional(),
  doneAt: isoDateTime.optional(),
});

export const onboardingSchema = z.object({
  milestones: z.array(milestoneSchema).optional(),
  firstValueAt: isoDateTime.optional(),
  handoffSubmittedAt: isoDateTime.optional(),
  observedAt,
});

/** What is known about one account at the moment `asOf`. Every signal may be missing. */
export const accountSnapshotSchema = z.object({
  accountId: z.string().min(1),
  name: z.string().optional(),
  asOf: isoDateTime,
  arr: amount.optional(),
  segment: segmentSchema.optional(),
  ownerId: z.string().optional(),
  currency: z.string().length(3).optional(),
  contract: contractSchema.optional(),
  usage: usageSchema.optional(),
  support: supportSchema.optional(),
  engagement: engagementSchema.optional(),
  sentiment: sentimentSchema.optional(),
  billing: billingSchema.optional(),
  onboarding: onboardingSchema.optional(),
});

export type AccountSnapshot = z.infer<typeof accountSnapshotSchema>;
export type SignalGroupKey =
  'contract' | 'usage' | 'support' | 'engagement' | 'sentiment' | 'billing' | 'onboarding';
export const SIGNAL_GROUPS: readonly SignalGroupKey[] = [
  'contract',
  'usage',
  'support',
  'engagement',
  'sentiment',
  'billing',
  'onboarding',
];
export type Milestone = z.infer<typeof milestoneSchema>;
