// Handoff card on deals: the saved handoff and the settings that judge it, in one call, so the
// card can show completeness and missing items with the core's own rules as the AE types.
'use strict';

const core = require('@csops/core');
const { crmFor, inputOf } = require('./lib/runtime.js');
const { answer, ok, invalidInput, handler } = require('./lib/respond.js');
const { dealLoadInput } = require('./lib/inputs.js');
const { createSettingsStore } = require('./lib/settings-store.js');
const { DEAL_HANDOFF_PROPERTIES, handoffView } = require('./lib/handoff.js');
const { settleAll } = require('./lib/settle.js');

/** @param {import('./lib/runtime.js').FunctionContext} context */
exports.main = handler(async (context) => {
  const input = core.parseWith(dealLoadInput, inputOf(context));
  if (!input.success) return invalidInput(input.issues);
  return answer(async () => {
    const crm = crmFor(context);
    const [{ settings }, deal] = await settleAll([
      createSettingsStore(crm).current(),
      crm.get('deals', input.data.dealId, DEAL_HANDOFF_PROPERTIES),
    ]);
    return ok({ ...handoffView(deal), settings });
  });
});
