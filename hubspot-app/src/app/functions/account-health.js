// Health card on companies: read the account, score it with the core, write the result back to
// the company's csops properties when the core finds it changed, and return what the card shows.
// One call per card load.
'use strict';

const core = require('@csops/core');
const { crmFor, inputOf, now } = require('./lib/runtime.js');
const { answer, ok, fail, invalidInput, handler } = require('./lib/respond.js');
const { companyInput } = require('./lib/inputs.js');
const { createSettingsStore } = require('./lib/settings-store.js');
const { loadAccount, evaluateRecords } = require('./lib/accounts.js');
const { settleAll } = require('./lib/settle.js');

/** @param {import('./lib/runtime.js').FunctionContext} context */
exports.main = handler(async (context) => {
  const input = core.parseWith(companyInput, inputOf(context));
  if (!input.success) return invalidInput(input.issues);
  const { companyId } = input.data;
  const asOf = input.data.asOf ?? now();
  return answer(async () => {
    const crm = crmFor(context);
    // Settings and the account are read together in two waves; the write-back is the third.
    const [{ settings, version }, records] = await settleAll([
      createSettingsStore(crm).current(),
      loadAccount(crm, companyId),
    ]);
    const { company } = records;
    const result = evaluateRecords(records, settings, asOf, version?.version ?? null);
    if (!result.ok) return fail('invalid_record', 'This company cannot be scored.', result.issues);
    if (result.writeBack !== null) await crm.update('companies', company.id, result.writeBack);
    return ok({
      company: { id: company.id, name: result.snapshot.name ?? '' },
      asOf,
      settingsVersion: version?.version ?? null,
      evaluation: result.evaluation,
      openExpansionDeal: result.openDeal,
      dataIssues: result.dataIssues,
      requests: crm.stats.requests,
    });
  });
});
