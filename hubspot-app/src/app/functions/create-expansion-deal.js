// "Create expansion deal" on the health card. Idempotent: the deal carries the draft's key in
// csops_expansion_key (a unique property) and is created together with its company association,
// so a retry, a double click or a second card finds the deal that exists instead of adding one.
'use strict';

const core = require('@csops/core');
const { crmFor, inputOf, now } = require('./lib/runtime.js');
const { answer, ok, fail, invalidInput, handler } = require('./lib/respond.js');
const { companyInput } = require('./lib/inputs.js');
const { createSettingsStore } = require('./lib/settings-store.js');
const { loadAccount, evaluateRecords } = require('./lib/accounts.js');
const { settleAll } = require('./lib/settle.js');
const { statusOf } = require('./lib/retry.js');

/** HubSpot's own association type: deal → company, primary. */
const DEAL_TO_COMPANY_PRIMARY = 5;

/** @param {import('./lib/crm.js').Crm} crm @param {string} key */
async function findByKey(crm, key) {
  const page = await crm.search('deals', {
    filterGroups: [
      { filters: [{ propertyName: 'csops_expansion_key', operator: 'EQ', value: key }] },
    ],
    properties: ['dealname', 'amount', 'csops_expansion_key'],
    limit: 1,
  });
  return page.results[0] ?? null;
}

/** @param {import('./lib/crm.js').CrmRecord} deal @param {boolean} created */
const dealView = (deal, created) => ({
  created,
  deal: {
    id: deal.id,
    name: String(deal.properties.dealname ?? ''),
    amount: deal.properties.amount ? Number(deal.properties.amount) : null,
    key: String(deal.properties.csops_expansion_key ?? ''),
  },
});

/** @param {import('./lib/runtime.js').FunctionContext} context */
exports.main = handler(async (context) => {
  const input = core.parseWith(companyInput, inputOf(context));
  if (!input.success) return invalidInput(input.issues);
  const { companyId } = input.data;
  const asOf = input.data.asOf ?? now();
  return answer(async () => {
    const crm = crmFor(context);
    const [{ settings }, records] = await settleAll([
      createSettingsStore(crm).current(),
      loadAccount(crm, companyId),
    ]);
    const { company } = records;
    const result = evaluateRecords(records, settings, asOf);
    if (!result.ok) return fail('invalid_record', 'This company cannot be scored.', result.issues);
    if (result.openDeal) {
      return ok({
        created: false,
        deal: {
          id: result.openDeal.id,
          name: result.openDeal.name,
          amount: result.openDeal.amount,
          key: result.openDeal.key,
        },
      });
    }
    const draft = result.evaluation.expansion.draft;
    if (!draft) {
      return fail(
        'no_expansion_signal',
        result.evaluation.expansion.suppressedBecause ??
          'No expansion signal for this account right now.',
      );
    }
    // The association may not be visible yet when two clicks race: look the key up directly.
    const existing = await findByKey(crm, draft.idempotencyKey);
    if (existing) return ok(dealView(existing, false));
    try {
      const deal = await crm.create('deals', {
        properties: {
          dealname: draft.name,
          amount: String(draft.amount),
          closedate: draft.closeDate,
          csops_expansion_key: draft.idempotencyKey,
          pipeline: 'default',
          dealstage: 'appointmentscheduled',
          // Existing business: the handoff card then knows this customer is Customer Success's already.
          dealtype: settings.expansion.dealType,
          // The snapshot's owner is the account's CSM, else the company owner (the mapping table).
          ...(result.snapshot.ownerId ? { hubspot_owner_id: result.snapshot.ownerId } : {}),
        },
        associations: [
          {
            to: { id: company.id },
            types: [
              {
                associationCategory: 'HUBSPOT_DEFINED',
                associationTypeId: DEAL_TO_COMPANY_PRIMARY,
              },
            ],
          },
        ],
      });
      return ok(dealView(deal, true));
    } catch (error) {
      // 409: the unique key exists already — an earlier attempt got through.
      if (statusOf(error) !== 409) throw error;
      const winner = await findByKey(crm, draft.idempotencyKey);
      if (!winner) throw error;
      return ok(dealView(winner, false));
    }
  });
});
