// Health card on companies: read the account and its csops tasks, score it with the core, write
// the result back to the company's csops properties when the core finds it changed, record the
// playbook steps the core says are due as tasks (and close the ones it says are moot), and return
// what the card shows. One call per card load.
'use strict';

const core = require('@csops/core');
const { crmFor, inputOf, now } = require('./lib/runtime.js');
const { answer, ok, fail, invalidInput, handler } = require('./lib/respond.js');
const { companyInput } = require('./lib/inputs.js');
const { rescoreCompany } = require('./lib/company-rescore.js');
const { playbookView } = require('./lib/ledger-tasks.js');

/** @param {import('./lib/runtime.js').FunctionContext} context */
exports.main = handler(async (context) => {
  const input = core.parseWith(companyInput, inputOf(context));
  if (!input.success) return invalidInput(input.issues);
  const { companyId } = input.data;
  const asOf = input.data.asOf ?? now();
  return answer(async () => {
    const crm = crmFor(context);
    const done = await rescoreCompany(crm, companyId, asOf);
    if (!done.ok) return fail('invalid_record', 'This company cannot be scored.', done.issues);
    const { company, result, settings, version, ledger, applied } = done;
    return ok({
      company: { id: company.id, name: result.snapshot.name ?? '' },
      asOf,
      settingsVersion: version?.version ?? null,
      evaluation: result.evaluation,
      playbook: playbookView({
        tasks: done.tasks,
        waiting: ledger.waiting,
        created: applied.created,
        asOf,
        settings,
        portalId: context.accountId ?? null,
        ownerNames: done.ownerNames,
      }),
      openExpansionDeal: result.openDeal,
      dataIssues: result.dataIssues,
      requests: crm.stats.requests,
    });
  });
});
