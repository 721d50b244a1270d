// "Save draft" on the handoff card: any partial handoff may be saved while it is a draft.
'use strict';

const core = require('@csops/core');
const { crmFor, inputOf, now } = require('./lib/runtime.js');
const { answer, ok, fail, invalidInput, handler } = require('./lib/respond.js');
const { dealInput } = require('./lib/inputs.js');
const { createSettingsStore } = require('./lib/settings-store.js');
const { DEAL_HANDOFF_PROPERTIES, handoffView } = require('./lib/handoff.js');

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
    const deal = await crm.get('deals', input.data.dealId, DEAL_HANDOFF_PROPERTIES);
    const status = deal.properties.csops_handoff_status;
    if (status === 'submitted' || status === 'submitting') {
      return fail('already_submitted', 'This handoff was already submitted to Customer Success.');
    }
    const { settings } = await createSettingsStore(crm).current();
    const evaluation = core.evaluateHandoff(handoff.data, settings, asOf);
    const saved = await crm.update('deals', deal.id, {
      csops_handoff: JSON.stringify(handoff.data),
      csops_handoff_status: 'draft',
      csops_handoff_completeness: String(evaluation.completeness),
    });
    return ok({
      ...handoffView({ ...deal, properties: { ...deal.properties, ...saved.properties } }),
      evaluation,
    });
  });
});
