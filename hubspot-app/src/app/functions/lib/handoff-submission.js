// The handoff submission's writes, in an order a retry always completes: the decided submission
// is stored on the deal ("submitting") before anything else is written, so a retry carries out
// the same decision; tasks are keyed by csops_action_key and the CSM's slot by csops_csm_slot
// (both unique), so nothing is done twice; the deal turns "submitted" last.
'use strict';

const core = require('@csops/core');
const { statusOf } = require('./retry.js');
const { invalidOwnerIds, withoutInvalidOwner } = require('./task-owner.js');
const { settleAll } = require('./settle.js');
const { taskFor } = require('./handoff.js');

/** The steps, as the card names the one that failed. */
const STEPS = {
  claim: 'reserving the CSM’s capacity',
  record: 'saving the submission on the deal',
  tasks: 'creating the onboarding tasks',
  csm: 'assigning the CSM to the company',
  finish: 'marking the deal submitted',
};

class SubmissionStepError extends Error {
  /** @param {keyof typeof STEPS} step @param {unknown} cause */
  constructor(step, cause) {
    super(`Submission stopped while ${STEPS[step]}`);
    this.step = step;
    this.cause = cause;
  }
}

/** @template T @param {keyof typeof STEPS} step @param {() => Promise<T>} run @returns {Promise<T>} */
async function step(step, run) {
  try {
    return await run();
  } catch (error) {
    throw error instanceof SubmissionStepError ? error : new SubmissionStepError(step, error);
  }
}

/** The id HubSpot names in a unique-value clash ("… Existing ID: 123"). @param {unknown} error */
function existingIdOf(error) {
  const e = /** @type {{ body?: unknown }} */ (error);
  const body = typeof e?.body === 'string' ? safeJson(e.body) : e?.body;
  const b = /** @type {{ context?: { id?: unknown }, message?: unknown } | undefined} */ (body);
  const fromContext = Array.isArray(b?.context?.id) ? b.context.id[0] : b?.context?.id;
  if (fromContext) return String(fromContext);
  const m = /Existing ID: ?(\d+)/.exec(String(b?.message ?? ''));
  return m ? m[1] : null;
}

/** @param {string} s */
function safeJson(s) {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/**
 * Claims the CSM slot the core picked by writing it to the company (a unique value); when another
 * company holds it, routes again with that slot counted as taken, until a claim holds or nobody
 * has room. The claim goes first, so no task is owned by a CSM the account did not get.
 * @param {import('./crm.js').Crm} crm
 * @param {string} companyId
 * @param {(takenSlots: string[]) => import('@csops/core').HandoffSubmission} decide
 */
async function decideAndClaim(crm, companyId, decide) {
  /** @type {string[]} */
  const taken = [];
  for (;;) {
    const submission = decide(taken);
    if (!submission.csmSlot) return submission;
    try {
      await step('claim', () =>
        crm.update('companies', companyId, {
          csops_csm_slot: /** @type {string} */ (submission.csmSlot),
        }),
      );
      return submission;
    } catch (error) {
      const cause = error instanceof SubmissionStepError ? error.cause : error;
      if (statusOf(cause) !== 409) throw error;
      taken.push(submission.csmSlot);
    }
  }
}

/**
 * Creates each task of the record that has no id yet; a clash on its key means an earlier
 * attempt made it, and HubSpot names its id.
 * @param {import('./crm.js').Crm} crm
 * @param {import('@csops/core').SubmissionRecord} record
 * @param {{ companyId: string, dealId: string, ownerId: string | null }} where
 * @returns {Promise<{ record: import('@csops/core').SubmissionRecord, created: string[], existing: string[] }>}
 */
async function createTasks(crm, record, where) {
  /** @type {Map<string, string>} */
  const ids = new Map();
  /** @type {string[]} */
  const created = [];
  /** @type {string[]} */
  const existing = record.tasks.filter((t) => t.id).map((t) => /** @type {string} */ (t.id));
  await settleAll(
    record.tasks
      .filter((t) => !t.id)
      .map(async (t) => {
        const input = taskFor(t, { ...where, csmId: record.csm.id });
        try {
          const made = await createOwnedIfPossible(crm, input);
          ids.set(t.key, made.id);
          created.push(made.id);
        } catch (error) {
          if (statusOf(error) !== 409) throw error;
          const id = existingIdOf(error) ?? (await findTaskId(crm, t.key));
          if (!id) throw error;
          ids.set(t.key, id);
          existing.push(id);
        }
      }),
  );
  return { record: core.withTaskIds(record, ids), created, existing };
}

/**
 * Creates a task; when HubSpot knows no user by the owner id, creates it unowned instead, so the
 * onboarding work still lands on the company rather than the whole submission failing.
 * @param {import('./crm.js').Crm} crm
 * @param {{ properties: Record<string, string> }} input
 */
async function createOwnedIfPossible(crm, input) {
  try {
    return await crm.create('tasks', input);
  } catch (error) {
    const invalid = invalidOwnerIds(error);
    if (invalid === null || !input.properties.hubspot_owner_id) throw error;
    return crm.create('tasks', withoutInvalidOwner(input, invalid));
  }
}

/** @param {import('./crm.js').Crm} crm @param {string} key */
async function findTaskId(crm, key) {
  const found = await crm.search('tasks', {
    filterGroups: [{ filters: [{ propertyName: 'csops_action_key', operator: 'EQ', value: key }] }],
    properties: ['csops_action_key'],
    limit: 1,
  });
  return found.results[0]?.id ?? null;
}

/**
 * Carries out a recorded submission from wherever an earlier attempt stopped.
 * @param {import('./crm.js').Crm} crm
 * @param {import('@csops/core').SubmissionRecord} decided
 * @param {{ dealId: string, companyId: string, ownerId: string | null }} where
 */
async function carryOut(crm, decided, where) {
  const tasks = await step('tasks', () => createTasks(crm, decided, where));
  const csmId = core.csmToStore(decided);
  if (csmId) {
    await step('csm', () =>
      crm.update('companies', where.companyId, {
        csops_csm_owner_id: csmId,
        ...(decided.csm.slot ? { csops_csm_slot: decided.csm.slot } : {}),
      }),
    );
  }
  await step('finish', () =>
    crm.update('deals', where.dealId, {
      csops_handoff_status: 'submitted',
      csops_handoff_submission: JSON.stringify(tasks.record),
    }),
  );
  return { record: tasks.record, created: tasks.created, existing: tasks.existing };
}

module.exports = { STEPS, SubmissionStepError, step, decideAndClaim, carryOut };
