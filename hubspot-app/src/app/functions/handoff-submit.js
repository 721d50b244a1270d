// "Submit to CS" on the handoff card. Refused, with the missing items named, until the required
// items are there. Then: onboarding tasks (once each, keyed by csops_action_key), the company
// routed to a CSM by segment and capacity, and the handoff marked submitted on the deal.
'use strict';

const core = require('@csops/core');
const { crmFor, inputOf, now } = require('./lib/runtime.js');
const { answer, ok, fail, invalidInput } = require('./lib/respond.js');
const { dealInput } = require('./lib/inputs.js');
const { createSettingsStore } = require('./lib/settings-store.js');
const { loadAccountRecords, evaluateRecords } = require('./lib/accounts.js');
const { COMPANY_PROPERTIES } = require('./lib/snapshot-mapping.js');
const handoffLib = require('./lib/handoff.js');

/** @param {import('./lib/runtime.js').FunctionContext} context */
exports.main = async (context = {}) => {
  const input = core.parseWith(dealInput, inputOf(context));
  if (!input.success) return invalidInput(input.issues);
  const handoff = core.parseHandoffInput(input.data.handoff ?? {});
  if (!handoff.success)
    return invalidInput(handoff.issues.map((i) => ({ ...i, path: `handoff.${i.path}` })));
  const asOf = input.data.asOf ?? now();
  return answer(async () => {
    const crm = crmFor(context);
    const { settings } = await createSettingsStore(crm).current();
    const evaluation = core.evaluateHandoff(handoff.data, settings, asOf);
    if (!evaluation.readyForOnboarding) {
      const issues = handoffLib.blockingIssues(evaluation);
      return fail(
        'handoff_incomplete',
        `Not ready for Customer Success: ${issues.length} required item(s) missing.`,
        issues,
      );
    }
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
    const submittedAt = deal.properties.csops_handoff_submitted_at || asOf;

    // Route the account: keep a CSM already assigned, else the core picks one by capacity.
    const assignedCsm = company.properties.csops_csm_owner_id || null;
    /** @type {{ csmId: string | null, reason: string }} */
    let csm = { csmId: assignedCsm, reason: 'Already assigned to this CSM' };
    if (!assignedCsm) {
      const arr = Number(company.properties.csops_arr) || 0;
      const segment = company.properties.csops_segment || undefined;
      const assignment = core.assignCsm(
        { accountId: company.id, arr, segment: /** @type {any} */ (segment) },
        await handoffLib.csmBook(crm),
        settings,
      );
      csm = { csmId: assignment.csmId, reason: assignment.reason };
    }

    // The onboarding playbook fires on the submission itself.
    const records = /** @type {any} */ ((await loadAccountRecords(crm, [company])).get(company.id));
    records.company = {
      ...company,
      properties: { ...company.properties, csops_csm_owner_id: csm.csmId ?? '' },
    };
    records.deals = [
      ...records.deals.filter((/** @type {{ id: string }} */ d) => d.id !== deal.id),
      {
        id: deal.id,
        properties: {
          ...deal.properties,
          csops_handoff_status: 'submitted',
          csops_handoff_submitted_at: submittedAt,
        },
      },
    ];
    const account = evaluateRecords(records, settings, asOf);
    const actions = account.ok
      ? account.evaluation.actions.filter(
          (a) =>
            settings.playbooks.find((p) => p.id === a.playbookId)?.trigger.type ===
            'handoff_submitted',
        )
      : [];
    const tasks = await handoffLib.createTasksOnce(
      crm,
      actions.map((a) =>
        handoffLib.taskFor(a, {
          companyId: company.id,
          dealId: deal.id,
          csmId: csm.csmId,
          ownerId: deal.properties.hubspot_owner_id || null,
        }),
      ),
    );

    if (csm.csmId && csm.csmId !== assignedCsm) {
      await crm.update('companies', company.id, { csops_csm_owner_id: csm.csmId });
    }
    await crm.update('deals', deal.id, {
      csops_handoff: JSON.stringify(handoff.data),
      csops_handoff_status: 'submitted',
      csops_handoff_completeness: String(evaluation.completeness),
      csops_handoff_submitted_at: submittedAt,
    });
    const csmName = await handoffLib.csmName(crm, settings, csm.csmId);
    return ok({
      dealId: deal.id,
      companyId: company.id,
      status: 'submitted',
      submittedAt,
      evaluation,
      csm: { id: csm.csmId, name: csmName, reason: csm.reason },
      tasks,
    });
  });
};
