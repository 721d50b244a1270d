// Health card on companies: read the account and its csops tasks, score it with the core, write
// the result back to the company's csops properties when the core finds it changed, record the
// playbook steps the core says are due as tasks (and close the ones it says are moot), and return
// what the card shows. One call per card load.
'use strict';

const core = require('@csops/core');
const { crmFor, inputOf, now } = require('./lib/runtime.js');
const { answer, ok, fail, invalidInput, handler } = require('./lib/respond.js');
const { companyInput } = require('./lib/inputs.js');
const { createSettingsStore } = require('./lib/settings-store.js');
const { loadAccount, evaluateRecords } = require('./lib/accounts.js');
const { settleAll } = require('./lib/settle.js');
const { applyLedger, playbookView } = require('./lib/ledger-tasks.js');

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
      loadAccount(crm, companyId, { tasks: true }),
    ]);
    const { company } = records;
    const result = evaluateRecords(records, settings, asOf, version?.version ?? null);
    if (!result.ok) return fail('invalid_record', 'This company cannot be scored.', result.issues);
    const writeBack = result.writeBack;
    const ledger = /** @type {import('@csops/core').LedgerPlan} */ (result.evaluation.ledger);
    const tasks = records.tasks ?? [];
    // The write-back and the ledger's writes do not depend on each other: one wave, or none.
    const [, applied] = await settleAll([
      writeBack !== null ? crm.update('companies', company.id, writeBack) : Promise.resolve(null),
      applyLedger(crm, [{ companyId: company.id, company, plan: ledger, tasks }], settings),
    ]);
    return ok({
      company: { id: company.id, name: result.snapshot.name ?? '' },
      asOf,
      settingsVersion: version?.version ?? null,
      evaluation: result.evaluation,
      playbook: playbookView({
        tasks: applied.tasksOf.get(company.id) ?? tasks,
        waiting: ledger.waiting,
        created: applied.created,
        asOf,
        settings,
        portalId: context.accountId ?? null,
      }),
      openExpansionDeal: result.openDeal,
      dataIssues: result.dataIssues,
      requests: crm.stats.requests,
    });
  });
});
