import * as z from 'zod/mini';
import { isCalendarDate } from '../time/calendar-date.js';
import type { Result } from '../result/result.js';
import { parseWith } from '../result/zod.js';
import { stakeholderRoleSchema } from '../settings/schema.js';
import type { HandoffInput } from './types.js';

const MAX_TEXT = 5000;

/** Trimmed free text; a blank answer counts as not given, so a draft can be saved half-filled. */
const text = z.pipe(
  z.optional(
    z.string().check(z.trim(), z.maxLength(MAX_TEXT, `keep it under ${MAX_TEXT} characters`)),
  ),
  z.transform((s: string | undefined) => (s === '' ? undefined : s)),
);

const stakeholderSchema = z.object({
  name: z.string().check(z.trim(), z.maxLength(200, 'keep the name under 200 characters')),
  // Checked by the evaluator, which tells the AE whose email to fix instead of refusing the draft.
  email: text,
  role: stakeholderRoleSchema,
});

/** What an AE sends from the deal: every item optional while the handoff is a draft. */
export const handoffInputSchema = z.object({
  customerGoals: text,
  successCriteria: text,
  technicalRequirements: text,
  implementationRequirements: text,
  stakeholders: z.optional(
    z.array(stakeholderSchema).check(z.maxLength(50, 'list at most 50 stakeholders')),
  ),
  competitiveAlternatives: text,
  promisesMade: text,
  contractExecuted: z.optional(z.boolean()),
  paymentTermsConfirmed: z.optional(z.boolean()),
  kickoffDate: z
    .pipe(
      z.optional(z.string().check(z.trim())),
      z.transform((s: string | undefined) => (s === '' ? undefined : s)),
    )
    .check(
      z.refine((s) => s === undefined || isCalendarDate(s), 'use a real date written YYYY-MM-DD'),
    ),
});

export function parseHandoffInput(input: unknown): Result<HandoffInput> {
  return parseWith(handoffInputSchema, input);
}

export { isCalendarDate } from '../time/calendar-date.js';
