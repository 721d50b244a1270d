// Before saving: how many accounts would change band under the draft settings. Reads only, and
// only for people who may change settings.
'use strict';

const core = require('@csops/core');
const { crmFor, inputOf, now } = require('./lib/runtime.js');
const { answer, ok, fail, handler } = require('./lib/respond.js');
const { refusedSettings } = require('./lib/settings-answers.js');
const { mayManageSettings } = require('./lib/permissions.js');
const { settingsPreviewInput } = require('./lib/inputs.js');
const { createSettingsStore } = require('./lib/settings-store.js');
const { previewBandChanges } = require('./lib/portfolio.js');

const DEFAULT_MAX_ACCOUNTS = 2_000;
const TIME_BUDGET_MS = 10_000;

/** @param {import('./lib/runtime.js').FunctionContext} context */
exports.main = handler(async (context) => {
  const input = core.parseWith(settingsPreviewInput, inputOf(context));
  if (!input.success) return refusedSettings(input.issues);
  const draft = core.parseSettings(input.data.settings);
  if (!draft.success)
    return refusedSettings(draft.issues.map((i) => ({ ...i, path: `settings.${i.path}` })));
  const started = Date.now();
  return answer(async () => {
    const crm = crmFor(context);
    // Scanning the portfolio spends the account's request budget: only for those who may change settings.
    const permission = await mayManageSettings(crm, context);
    if (!permission.allowed) return fail('forbidden', permission.reason);
    const { settings } = await createSettingsStore(crm).current();
    const preview = await previewBandChanges({
      crm,
      saved: settings,
      draft: draft.data,
      asOf: input.data.asOf ?? now(),
      maxAccounts: input.data.maxAccounts ?? DEFAULT_MAX_ACCOUNTS,
      deadline: started + TIME_BUDGET_MS,
    });
    return ok(preview);
  });
});
