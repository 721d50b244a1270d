// "Submit to CS" on the handoff card. The core's submitHandoff decides: refused, with the missing
// items named, until the required items are there; else the submission stamp, the CSM (claimed as
// a numbered slot in their book) and the onboarding tasks. The decision is stored on the deal
// before anything else is written (lib/handoff-submission.js), so a retry completes it and a
// repeat returns it without writing anything.
'use strict';

const core = require('@csops/core');
const { crmFor, inputOf, now } = require('./lib/runtime.js');
const { answer, ok, fail, invalidInput, handler } = require('./lib/respond.js');
const { dealInput } = require('./lib/inputs.js');
const { createSettingsStore } = require('./lib/settings-store.js');
const { COMPANY_PROPERTIES } = require('./lib/snapshot-mapping.js');
const { settleAll } = require('./lib/settle.js');
const { statusOf } = require('./lib/retry.js');
const handoffLib = require('./lib/handoff.js');
const sequence = require('./lib/handoff-submission.js');

/** Who is submitting, from the context HubSpot passes (never from parameters). @param {import('./lib/runtime.js').FunctionContext} context */
function submitterOf(context) {
  const email = context.user?.email ?? context.userEmail;
  const id = context.user?.id ?? context.userId;
  return email ? String(email) : id !== undefined ? String(id) : null;
}

/**
 * @param {{ dealId: string, companyId: string }} ids
 * @param {import('@csops/core').SubmissionRecord} record
 * @param {{ created: string[], existing: string[], repeated: boolean, evaluation: import('@csops/core').HandoffEvaluation | null }} what
 */
function submitted(ids, record, what) {
  return ok({
    ...ids,
    status: /** @type {const} */ ('submitted'),
    submittedAt: record.submittedAt,
    evaluation: what.evaluation,
    csm: { id: record.csm.id, name: record.csm.name, reason: record.csm.reason },
    tasks: { created: what.created, existing: what.existing },
    submission: handoffLib.submissionView(record),
    repeated: what.repeated,
  });
}

/** @param {import('./lib/runtime.js').FunctionContext} context */
exports.main = handler(async (context) => {
  const input = core.parseWith(dealInput, inputOf(context));
  if (!input.success) return invalidInput(input.issues);
  const handoff = core.parseHandoffInput(input.data.handoff ?? {});
  if (!handoff.success)
    return invalidInput(handoff.issues.map((i) => ({ ...i, path: `handoff.${i.path}` })));
  const asOf = input.data.asOf ?? now();
  return answer(async () => {
    const crm = crmFor(context);
    const [{ settings }, deal, companies] = await settleAll([
      createSettingsStore(crm).current(),
      crm.get('deals', input.data.dealId, handoffLib.DEAL_HANDOFF_PROPERTIES),
      crm.associations('deals', 'companies', [input.data.dealId]),
    ]);
    const stored = handoffLib.storedSubmission(deal);
    const status = deal.properties.csops_handoff_status;
    const companyId = (companies.get(deal.id) ?? [])[0];
    if (status === 'submitted' && stored) {
      return submitted({ dealId: deal.id, companyId: companyId ?? '' }, stored, {
        created: [],
        existing: stored.tasks.flatMap((t) => (t.id ? [t.id] : [])),
        repeated: true,
        evaluation: null,
      });
    }
    if (!core.handoffAppliesTo(deal.properties.dealtype, settings)) {
      return fail(
        'not_new_business',
        'Handoffs are for new business: this deal is existing business, so the customer is already with Customer Success and nothing was submitted.',
      );
    }
    if (!companyId) {
      return fail(
        'no_company',
        'Associate this deal with the customer’s company before submitting the handoff.',
      );
    }
    const where = {
      dealId: deal.id,
      companyId,
      ownerId: deal.properties.hubspot_owner_id || null,
    };
    try {
      /** @type {import('@csops/core').SubmissionRecord | null} */
      let decided = status === 'submitting' ? stored : null;
      /** @type {import('@csops/core').HandoffEvaluation | null} */
      let evaluation = null;
      if (!decided) {
        const company = await crm.get('companies', companyId, COMPANY_PROPERTIES);
        const account = handoffLib.handoffAccount(company);
        // The book only matters for routing an account that has no CSM yet.
        const book = account.csmId ? [] : await handoffLib.csmBook(crm);
        const submission = await sequence.decideAndClaim(crm, companyId, (takenSlots) =>
          core.submitHandoff(handoff.data, settings, asOf, {
            account,
            book,
            takenSlots,
            submittedBefore: deal.properties.csops_handoff_submitted_at || null,
          }),
        );
        evaluation = submission.evaluation;
        const record = core.submissionRecord(submission, submitterOf(context));
        if (!record) {
          const issues = handoffLib.blockingIssues(submission.evaluation);
          return fail(
            'handoff_incomplete',
            `Not ready for Customer Success: ${issues.length} required item(s) missing.`,
            issues,
          );
        }
        const name = await handoffLib.csmName(crm, settings, record.csm.id);
        decided = { ...record, csm: { ...record.csm, name } };
        const toRecord = decided;
        await sequence.step('record', () =>
          crm.update('deals', deal.id, {
            csops_handoff: JSON.stringify(handoff.data),
            csops_handoff_status: 'submitting',
            csops_handoff_completeness: String(toRecord.completeness),
            csops_handoff_submitted_at: toRecord.submittedAt,
            csops_handoff_submission: JSON.stringify(toRecord),
          }),
        );
      }
      const done = await sequence.carryOut(crm, decided, where);
      return submitted({ dealId: deal.id, companyId }, done.record, {
        created: done.created,
        existing: done.existing,
        repeated: false,
        evaluation,
      });
    } catch (error) {
      if (!(error instanceof sequence.SubmissionStepError)) throw error;
      // A refusal (400, 403) is not a hiccup: another try would meet it again.
      const status = statusOf(error.cause);
      if (status >= 400 && status < 500 && status !== 429) throw error.cause;
      console.error('csops handoff submission stopped', error.cause);
      return fail(
        'submission_incomplete',
        `The handoff is not submitted yet: HubSpot did not answer while ${
          sequence.STEPS[error.step]
        }. Submit again to complete it; nothing done so far is repeated.`,
      );
    }
  });
});
