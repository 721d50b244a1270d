// Rescores the whole portfolio, writes every company's results back and carries out the playbook
// ledger (tasks created, escalations due, moot steps closed). A HubSpot function runs for seconds,
// not hours: it works until its time budget is spent and returns the id to resume after
// (`afterId`), which the caller passes to the next run until `done`.
'use strict';

const core = require('@csops/core');
const { crmFor, inputOf, now } = require('./lib/runtime.js');
const { answer, ok, invalidInput, handler } = require('./lib/respond.js');
const { rescoreInput } = require('./lib/inputs.js');
const { rescoreWithSavedSettings } = require('./lib/rescore-job.js');

const DEFAULT_TIME_BUDGET_MS = 10_000;

/** @param {import('./lib/runtime.js').FunctionContext} context */
exports.main = handler(async (context) => {
  const input = core.parseWith(rescoreInput, inputOf(context));
  if (!input.success) return invalidInput(input.issues);
  const started = Date.now();
  return answer(async () => {
    const result = await rescoreWithSavedSettings({
      crm: crmFor(context),
      asOf: input.data.asOf ?? now(),
      afterId: input.data.afterId,
      deadline: started + (input.data.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS),
    });
    return ok(result);
  });
});
