import { z } from 'zod';

/** Options for `startSandbox`, checked at the edge so a bad value is named rather than half-applied. */
export const sandboxOptionsSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.literal('127.0.0.1').default('127.0.0.1'),
  dataDir: z.string().min(1).optional(),
  reset: z.boolean().default(false),
  seed: z.enum(['demo', 'empty']).default('demo'),
  token: z.string().min(1).optional(),
  requestsPer10s: z.number().int().min(0).optional(),
  latencyMs: z.number().min(0).max(60_000).default(0),
  failureRate: z.number().min(0).max(1).default(0),
  /** Seed for which requests get an injected 5xx, so a fault test sees the same faults every run. */
  faultSeed: z.number().int().min(0).optional(),
  retryAfterSeconds: z.number().int().min(1).optional(),
  portalId: z.number().int().positive().default(24_681_357),
  now: z.custom<() => Date>((v) => typeof v === 'function').optional(),
});

export type SandboxOptions = z.input<typeof sandboxOptionsSchema>;

export const faultsSchema = z.object({
  latencyMs: z.number().min(0).max(60_000).optional(),
  failureRate: z.number().min(0).max(1).optional(),
  requestsPer10s: z.number().int().min(0).optional(),
});
export type FaultOptions = z.input<typeof faultsSchema>;
