// "Submit to CS" on the handoff card. The core's submitHandoff decides: refused, with the missing
// items named, until the required items are there; else the onboarding tasks to create (once each,
// keyed by csops_action_key), the CSM to store on the company, and the submission stamp.
'use strict';

const core = require('@csops/core');
const { crmFor, inputOf, now } = require('./lib/runtime.js');
const { answer, ok, fail, invalidInput, handler } = require('./lib/respond.js');
const { dealInput } = require('./lib/inputs.js');
const { createSettingsStore } = require('./lib/settings-store.js');
const { COMPANY_PROPERTIES } = require('./lib/snapshot-mapping.js');
const handoffLib = require('./lib/handoff.js');

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
    const { settings } = await createSettingsStore(crm).current();
    const deal = await crm.get('deals', input.data.dealId, handoffLib.DEAL_HANDOFF_PROPERTIES);
    const companyIds = (await crm.associations('deals', 'companies', [deal.id])).get(deal.id) ?? [];
    if (companyIds.length === 0) {
      return fail(
        'no_company',
        'Associate this deal with the customer’s company before submitting the handoff.',
      );
    }
    const company = await crm.get(
      'companies',
      /** @type {string} */ (companyIds[0]),
      COMPANY_PROPERTIES,
    );
    const account = handoffLib.handoffAccount(company);
    // The book only matters for routing an account that has no CSM yet.
    const book = account.csmId ? [] : await handoffLib.csmBook(crm);
    const submission = core.submitHandoff(handoff.data, settings, asOf, {
      account,
      book,
      submittedBefore: deal.properties.csops_handoff_submitted_at || null,
    });
    if (!submission.accepted) {
      const issues = handoffLib.blockingIssues(submission.evaluation);
      return fail(
        'handoff_incomplete',
        `Not ready for Customer Success: ${issues.length} required item(s) missing.`,
        issues,
      );
    }
    const submittedAt = /** @type {string} */ (submission.submittedAt);
    const csm = /** @type {import('@csops/core').HandoffRouting} */ (submission.assignment);
    const tasks = await handoffLib.createTasksOnce(
      crm,
      submission.onboardingActions.map((a) =>
        handoffLib.taskFor(a, {
          companyId: company.id,
          dealId: deal.id,
          csmId: csm.csmId,
          ownerId: deal.properties.hubspot_owner_id || null,
        }),
      ),
    );
    if (submission.csmToStore) {
      await crm.update('companies', company.id, { csops_csm_owner_id: submission.csmToStore });
    }
    await crm.update('deals', deal.id, {
      csops_handoff: JSON.stringify(handoff.data),
      csops_handoff_status: 'submitted',
      csops_handoff_completeness: String(submission.evaluation.completeness),
      csops_handoff_submitted_at: submittedAt,
    });
    const csmName = await handoffLib.csmName(crm, settings, csm.csmId);
    return ok({
      dealId: deal.id,
      companyId: company.id,
      status: 'submitted',
      submittedAt,
      evaluation: submission.evaluation,
      csm: { id: csm.csmId, name: csmName, reason: csm.reason },
      tasks,
    });
  });
});
