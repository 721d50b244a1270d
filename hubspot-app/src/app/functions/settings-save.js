// Saves the admin's settings as a new version. Refused unless the settings pass the core's schema
// (every field's problem named) and the caller is a HubSpot super admin; nothing is written then.
'use strict';

const core = require('@csops/core');
const { crmFor, inputOf, now } = require('./lib/runtime.js');
const { answer, ok, fail, invalidInput, handler } = require('./lib/respond.js');
const { settingsSaveInput } = require('./lib/inputs.js');
const { createSettingsStore } = require('./lib/settings-store.js');
const { mayManageSettings } = require('./lib/permissions.js');

/** @param {import('./lib/runtime.js').FunctionContext} context */
exports.main = handler(async (context) => {
  const input = core.parseWith(settingsSaveInput, inputOf(context));
  if (!input.success) return invalidInput(input.issues);
  const parsed = core.parseSettings(input.data.settings);
  if (!parsed.success) {
    return invalidInput(parsed.issues.map((i) => ({ ...i, path: `settings.${i.path}` })));
  }
  return answer(async () => {
    const crm = crmFor(context);
    const permission = await mayManageSettings(crm, context);
    if (!permission.allowed) return fail('forbidden', permission.reason);
    const saved = await createSettingsStore(crm).append(parsed.data, {
      changedBy: permission.who,
      changedAt: now(),
      note: input.data.note,
    });
    return ok({ saved, settings: parsed.data });
  });
});
