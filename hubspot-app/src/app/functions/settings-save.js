// Saves the admin's settings as a new version. Refused unless the settings pass the core's schema
// (every field's problem named), fit in HubSpot, differ from the newest version and the caller is
// a HubSpot super admin; nothing is written then.
'use strict';

const core = require('@csops/core');
const { crmFor, inputOf, now } = require('./lib/runtime.js');
const { answer, ok, fail } = require('./lib/respond.js');
const { settingsSaveInput } = require('./lib/inputs.js');
const { createSettingsStore } = require('./lib/settings-store.js');
const { mayManageSettings } = require('./lib/permissions.js');
const { refusedSettings, savedOrRefused } = require('./lib/settings-answers.js');

/** @param {import('./lib/runtime.js').FunctionContext} context */
exports.main = async (context = {}) => {
  const input = core.parseWith(settingsSaveInput, inputOf(context));
  if (!input.success) return refusedSettings(input.issues);
  const parsed = core.parseSettings(input.data.settings);
  if (!parsed.success) {
    return refusedSettings(parsed.issues.map((i) => ({ ...i, path: `settings.${i.path}` })));
  }
  return answer(async () => {
    const crm = crmFor(context);
    const permission = await mayManageSettings(crm, context);
    if (!permission.allowed) return fail('forbidden', permission.reason);
    const result = await createSettingsStore(crm).append(parsed.data, {
      changedBy: permission.who,
      changedAt: now(),
      note: input.data.note,
    });
    return savedOrRefused(result, (saved) => ok({ saved, settings: parsed.data }));
  });
};
