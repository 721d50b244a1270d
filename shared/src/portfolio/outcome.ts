import * as z from 'zod/mini';
import type { Result } from '../result/result.js';
import { parseWith } from '../result/zod.js';
import type { AccountSnapshot } from '../snapshot/schema.js';

export const OUTCOME_STATUSES = ['renewed', 'contracted', 'churned'] as const;
export const outcomeStatusSchema = z.enum(OUTCOME_STATUSES);
export type OutcomeStatus = z.infer<typeof outcomeStatusSchema>;

/** What happened at the end of the period that followed a snapshot. */
export const outcomeSchema = z
  .object({
    status: outcomeStatusSchema,
    arrBefore: z.number().check(z.nonnegative()),
    arrAfter: z.number().check(z.nonnegative()),
  })
  .check(
    z.superRefine((o, ctx) => {
      if (o.status === 'churned' && o.arrAfter > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['arrAfter'],
          message: 'a churned account keeps no ARR',
        });
      }
      if (o.status === 'contracted' && !(o.arrAfter > 0 && o.arrAfter < o.arrBefore)) {
        ctx.addIssue({
          code: 'custom',
          path: ['arrAfter'],
          message: 'a contracted account keeps some ARR, less than before',
        });
      }
      if (o.status === 'renewed' && o.arrAfter < o.arrBefore) {
        ctx.addIssue({
          code: 'custom',
          path: ['arrAfter'],
          message: 'a renewed account keeps at least its prior ARR (use "contracted" for less)',
        });
      }
    }),
  );
export type Outcome = z.infer<typeof outcomeSchema>;

export function parseOutcome(input: unknown): Result<Outcome> {
  return parseWith(outcomeSchema, input);
}

/** One historical snapshot with what happened after it; `line` points back at the source row. */
export interface HistoricalRecord {
  snapshot: AccountSnapshot;
  outcome: Outcome;
  line?: number;
}
