import * as z from 'zod/mini';

import { segmentSchema } from './segment.js';

export { segmentSchema } from './segment.js';

const isoDateTime = z.iso.datetime({ offset: true });
const count = z.number().check(z.int(), z.nonnegative());
const amount = z.number().check(z.nonnegative());
/** Every signal group records when it was observed, so staleness is known per group. */
const observedAt = z.optional(isoDateTime);

export const contractSchema = z.object({
  startDate: z.optional(isoDateTime),
  renewalDate: z.optional(isoDateTime),
  termMonths: z.optional(z.number().check(z.positive())),
  licensedSeats: z.optional(count),
  autoRenew: z.optional(z.boolean()),
  /** The customer has asked to reduce seats or scope at renewal. */
  downgradeRequested: z.optional(z.boolean()),
  observedAt,
});

export const usageSchema = z.object({
  activeUsers30d: z.optional(count),
  activeUsersPrior30d: z.optional(count),
  featuresAdopted: z.optional(count),
  featuresLicensed: z.optional(count),
  lastActivityAt: z.optional(isoDateTime),
  observedAt,
});

export const supportSchema = z.object({
  openTickets: z.optional(count),
  tickets30d: z.optional(count),
  escalations90d: z.optional(count),
  /** Customer satisfaction as a percentage, 0–100 (a 1–5 survey maps to 0, 25, …, 100). */
  csat: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
  observedAt,
});

export const engagementSchema = z.object({
  lastExecutiveMeetingAt: z.optional(isoDateTime),
  championPresent: z.optional(z.boolean()),
  championLeftAt: z.optional(isoDateTime),
  meetings90d: z.optional(count),
  observedAt,
});

export const sentimentSchema = z.object({
  /** Account NPS, −100…100 (the share of promoters minus the share of detractors). */
  npsLatest: z.optional(z.number().check(z.minimum(-100), z.maximum(100))),
  npsPrevious: z.optional(z.number().check(z.minimum(-100), z.maximum(100))),
  observedAt,
});

export const billingSchema = z.object({
  overdueInvoices: z.optional(count),
  daysPastDue: z.optional(z.number().check(z.nonnegative())),
  failedPayments90d: z.optional(count),
  /** Pays by automatic charge (card or direct debit) rather than a manual payment each period. */
  autoPay: z.optional(z.boolean()),
  /** Invoices delivered electronically rather than on paper. */
  paperlessBilling: z.optional(z.boolean()),
  observedAt,
});

export const milestoneSchema = z.object({
  key: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  dueAt: z.optional(isoDateTime),
  doneAt: z.optional(isoDateTime),
});

export const onboardingSchema = z.object({
  milestones: z.optional(z.array(milestoneSchema)),
  firstValueAt: z.optional(isoDateTime),
  handoffSubmittedAt: z.optional(isoDateTime),
  observedAt,
});

/** What is known about one account at the moment `asOf`. Every signal may be missing. */
export const accountSnapshotSchema = z.object({
  accountId: z.string().check(z.minLength(1)),
  name: z.optional(z.string()),
  asOf: isoDateTime,
  arr: z.optional(amount),
  segment: z.optional(segmentSchema),
  ownerId: z.optional(z.string()),
  currency: z.optional(z.string().check(z.length(3))),
  contract: z.optional(contractSchema),
  usage: z.optional(usageSchema),
  support: z.optional(supportSchema),
  engagement: z.optional(engagementSchema),
  sentiment: z.optional(sentimentSchema),
  billing: z.optional(billingSchema),
  onboarding: z.optional(onboardingSchema),
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
