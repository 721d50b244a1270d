import { z } from 'zod';

/** Options for `startSalesforceSandbox`, checked at the edge so a bad value is named rather than half-applied. */
export const salesforceOptionsSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.literal('127.0.0.1').default('127.0.0.1'),
  dataDir: z.string().min(1).optional(),
  reset: z.boolean().default(false),
  seed: z.enum(['demo', 'empty']).default('demo'),
  /** The access token callers send as the bearer token; any other is INVALID_SESSION_ID. */
  accessToken: z.string().min(1).optional(),
  latencyMs: z.number().min(0).max(60_000).default(0),
  failureRate: z.number().min(0).max(1).default(0),
  faultSeed: z.number().int().min(0).optional(),
  /** The org's API request allocation per rolling 24 hours (Enterprise Edition's base is 100,000). */
  dailyApiRequests: z.number().int().min(1).default(100_000),
  now: z.custom<() => Date>((v) => typeof v === 'function').optional(),
});
export type SalesforceSandboxOptions = z.input<typeof salesforceOptionsSchema>;

export const salesforceFaultsSchema = z.object({
  latencyMs: z.number().min(0).max(60_000).optional(),
  failureRate: z.number().min(0).max(1).optional(),
  dailyApiRequests: z.number().int().min(1).optional(),
});
export type SalesforceFaultOptions = z.input<typeof salesforceFaultsSchema>;
