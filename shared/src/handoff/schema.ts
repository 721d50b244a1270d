import * as z from 'zod/mini';
import { isCalendarDate } from '../time/calendar-date.js';
import type { Result } from '../result/result.js';
import { parseWith } from '../result/zod.js';
import { stakeholderRoleSchema } from '../settings/schema.js';
import {
  HANDOFF_MAX_STAKEHOLDERS,
  HANDOFF_MAX_TEXT as MAX_TEXT,
  STAKEHOLDER_MAX_EMAIL,
  STAKEHOLDER_MAX_NAME,
  oversizedHandoff,
} from './limits.js';
import type { SubmissionRecord } from './record.js';
import type { HandoffInput } from './types.js';

/** Trimmed free text; a blank answer counts as not given, so a draft can be saved half-filled. */
const text = z.pipe(
  z.optional(
    z.string().check(z.trim(), z.maxLength(MAX_TEXT, `keep it under ${MAX_TEXT} characters`)),
  ),
  z.transform((s: string | undefined) => (s === '' ? undefined : s)),
);

const stakeholderSchema = z.object({
  name: z
    .string()
    .check(
      z.trim(),
      z.maxLength(STAKEHOLDER_MAX_NAME, `keep the name under ${STAKEHOLDER_MAX_NAME} characters`),
    ),
  // Its form is checked by the evaluator, which tells the AE whose email to fix instead of
  // refusing the draft; only a length no address has is refused here.
  email: z.pipe(
    z.optional(
      z
        .string()
        .check(
          z.trim(),
          z.maxLength(
            STAKEHOLDER_MAX_EMAIL,
            `keep the email under ${STAKEHOLDER_MAX_EMAIL} characters`,
          ),
        ),
    ),
    z.transform((s: string | undefined) => (s === '' ? undefined : s)),
  ),
  role: stakeholderRoleSchema,
});

/** What an AE sends from the deal: every item optional while the handoff is a draft. */
const handoffFields = z.object({
  customerGoals: text,
  successCriteria: text,
  technicalRequirements: text,
  implementationRequirements: text,
  stakeholders: z.optional(
    z
      .array(stakeholderSchema)
      .check(
        z.maxLength(
          HANDOFF_MAX_STAKEHOLDERS,
          `list at most ${HANDOFF_MAX_STAKEHOLDERS} stakeholders`,
        ),
      ),
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

/** The handoff is stored as one deal property: one that does not fit is refused before any write. */
export const handoffInputSchema = handoffFields.check(
  z.superRefine((input, ctx) => {
    const oversized = oversizedHandoff(input);
    if (oversized) {
      ctx.issues.push({ code: 'custom', input, path: [oversized.key], message: oversized.message });
    }
  }),
);

export function parseHandoffInput(input: unknown): Result<HandoffInput> {
  return parseWith(handoffInputSchema, input);
}

export { isCalendarDate } from '../time/calendar-date.js';

const taskSchema = z.object({
  key: z.string().check(z.minLength(1)),
  title: z.string(),
  type: z.enum(['task', 'alert', 'escalation']),
  assignee: z.enum(['csm', 'owner', 'manager']),
  detail: z.string(),
  dueAt: z.string(),
  id: z.nullable(z.string()),
});

/** A submission record as stored on the deal (see record.ts); anything else reads as none. */
export const submissionRecordSchema = z.object({
  submittedAt: z.string().check(z.minLength(1)),
  submittedBy: z.nullable(z.string()),
  completeness: z.number(),
  csm: z.object({
    id: z.nullable(z.string()),
    name: z.nullable(z.string()),
    reason: z.string(),
    alreadyAssigned: z.boolean(),
    slot: z.nullable(z.string()),
  }),
  tasks: z.array(taskSchema),
});

/** The stored record, or null when the value is missing or not a record. */
export function parseSubmissionRecord(raw: unknown): SubmissionRecord | null {
  if (typeof raw !== 'string' || raw === '') return null;
  try {
    const parsed = parseWith(submissionRecordSchema, JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
