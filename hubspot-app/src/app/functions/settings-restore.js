// Restores an earlier settings version by saving its content again as the newest version, so the
// history stays complete. Same permission rule as saving; restoring the current settings writes
// nothing.
'use strict';

const core = require('@csops/core');
const { crmFor, inputOf, now } = require('./lib/runtime.js');
const { answer, ok, fail, invalidInput, handler } = require('./lib/respond.js');
const { settingsRestoreInput } = require('./lib/inputs.js');
const { createSettingsStore } = require('./lib/settings-store.js');
const { mayManageSettings } = require('./lib/permissions.js');
const { savedOrRefused } = require('./lib/settings-answers.js');

/** @param {import('./lib/runtime.js').FunctionContext} context */
exports.main = handler(async (context) => {
  const input = core.parseWith(settingsRestoreInput, inputOf(context));
  if (!input.success) return invalidInput(input.issues);
  const version = Number(input.data.version);
  return answer(async () => {
    const crm = crmFor(context);
    const permission = await mayManageSettings(crm, context);
    if (!permission.allowed) return fail('forbidden', permission.reason);
    const store = createSettingsStore(crm);
    const found = await store.find(version);
    if (!found) return fail('not_found', `There is no settings version ${version}.`);
    if (!found.parsed.success) {
      return fail('invalid_version', `Version ${version} cannot be restored.`, found.parsed.issues);
    }
    const settings = found.parsed.data;
    const result = await store.append(settings, {
      changedBy: permission.who,
      changedAt: now(),
      note: input.data.note ?? `Restored version ${version}`,
      restoredFrom: version,
    });
    return savedOrRefused(result, (saved) => ok({ saved, settings }));
  });
});
