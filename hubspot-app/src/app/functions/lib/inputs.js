// zod schemas for every function's parameters: a malformed call is refused before any CRM write.
'use strict';

const { z } = require('zod');

const recordId = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d+$/, 'must be a HubSpot record id (digits)'));

const asOf = z.iso
  .datetime({ offset: true, message: 'must be an ISO date-time, e.g. 2026-11-02T09:00:00Z' })
  .optional();

const companyInput = z
  .object({ hs_object_id: recordId.optional(), companyId: recordId.optional(), asOf })
  .transform((v, ctx) => {
    const companyId = v.companyId ?? v.hs_object_id;
    if (companyId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['companyId'], message: 'is required' });
      return z.NEVER;
    }
    return { companyId, asOf: v.asOf };
  });

const dealInput = z
  .object({
    hs_object_id: recordId.optional(),
    dealId: recordId.optional(),
    asOf,
    handoff: z.unknown(),
  })
  .transform((v, ctx) => {
    const dealId = v.dealId ?? v.hs_object_id;
    if (dealId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['dealId'], message: 'is required' });
      return z.NEVER;
    }
    return { dealId, asOf: v.asOf, handoff: v.handoff };
  });

const dealLoadInput = z
  .object({ hs_object_id: recordId.optional(), dealId: recordId.optional() })
  .transform((v, ctx) => {
    const dealId = v.dealId ?? v.hs_object_id;
    if (dealId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['dealId'], message: 'is required' });
      return z.NEVER;
    }
    return { dealId };
  });

const settingsSaveInput = z.object({
  settings: z.record(z.string(), z.unknown(), { message: 'must be a settings object' }),
  note: z.string().trim().max(500, 'keep the note under 500 characters').optional(),
});

const settingsRestoreInput = z.object({
  version: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().regex(/^\d+$/, 'must be a version number')),
  note: z.string().trim().max(500, 'keep the note under 500 characters').optional(),
});

const settingsPreviewInput = z.object({
  settings: z.record(z.string(), z.unknown(), { message: 'must be a settings object' }),
  maxAccounts: z.number().int().min(1).max(10_000).optional(),
  asOf,
});

const settingsHistoryInput = z.object({ limit: z.number().int().min(1).max(100).optional() });

const rescoreInput = z.object({
  afterId: recordId.optional(),
  timeBudgetMs: z.number().int().min(1_000).max(900_000).optional(),
  asOf,
});

module.exports = {
  companyInput,
  dealInput,
  dealLoadInput,
  settingsSaveInput,
  settingsRestoreInput,
  settingsPreviewInput,
  settingsHistoryInput,
  rescoreInput,
};

/** The CSM's words on a playbook task: a skip must say why; HubSpot shows the note on the task. */
const taskNote = z
  .string({ message: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(500, 'keep it to 500 characters');

/** A record id the call must name: its absence is said in the same words as a malformed one. */
const namedRecordId = z
  .union([z.string(), z.number()], { message: 'must be a HubSpot record id (digits)' })
  .pipe(recordId);

module.exports.playbookTaskUpdateInput = z
  .object({
    companyId: namedRecordId,
    taskId: namedRecordId,
    outcome: z.enum(['done', 'skipped'], { message: 'must be "done" or "skipped"' }),
    note: taskNote.optional(),
    asOf,
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'skipped' && v.note === undefined)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'say why this task is skipped' });
  });

/**
 * A workflow action call, as HubSpot posts it to an endpoint function. Only the enrolled object's
 * id is used (to pick the company to re-read) and the shared secret (to refuse strangers); every
 * other value in the body is ignored, because the endpoint is public and anyone can post to it.
 */
module.exports.workflowRescoreInput = z.object({
  object: z.object({
    objectId: namedRecordId,
    objectType: z.literal('COMPANY', { message: 'must be a company' }).optional(),
  }),
  inputFields: z.object({ sharedSecret: z.string().min(1, 'is required') }),
});
