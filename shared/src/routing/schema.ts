import * as z from 'zod/mini';
import { segmentSchema } from '../snapshot/segment.js';

/** The account to route, as a face sends it. */
export const routingAccountSchema = z.object({
  accountId: z.string().check(z.minLength(1)),
  arr: z.number().check(z.nonnegative('ARR cannot be negative')),
  segment: z.optional(segmentSchema),
});
export type RoutingAccount = z.infer<typeof routingAccountSchema>;

/** What each CSM already carries. A CSM missing from the book carries nothing yet. */
export const csmLoadSchema = z.object({
  csmId: z.string().check(z.minLength(1)),
  arr: z.number().check(z.nonnegative()),
  accounts: z.number().check(z.int(), z.nonnegative()),
});
export type CsmLoad = z.infer<typeof csmLoadSchema>;
