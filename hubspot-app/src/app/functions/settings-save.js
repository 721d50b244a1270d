// Saves the admin's settings as a new version. Refused unless the settings pass the core's schema
// (every field's problem named), fit in HubSpot, differ from the newest version and the caller is
// a HubSpot super admin; nothing is written then. The answer says how many accounts the new
// settings move to another band, so the page can offer a rescore.
'use strict';

const core = require('@csops/core');
const { crmFor, inputOf, now } = require('./lib/runtime.js');
const { answer, ok, fail, handler } = require('./lib/respond.js');
const { settingsSaveInput } = require('./lib/inputs.js');
const { createSettingsStore } = require('./lib/settings-store.js');
const { mayManageSettings } = require('./lib/permissions.js');
const { refusedSettings, savedOrRefused } = require('./lib/settings-answers.js');
const { previewBandChanges } = require('./lib/portfolio.js');

const PREVIEW_MAX_ACCOUNTS = 2_000;
const PREVIEW_TIME_BUDGET_MS = 8_000;

/** @param {import('./lib/runtime.js').FunctionContext} context */
exports.main = handler(async (context) => {
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
    const asOf = now();
    const result = await createSettingsStore(crm).append(parsed.data, {
      changedBy: permission.who,
      changedAt: asOf,
      note: input.data.note,
    });
    if (!('saved' in result)) return savedOrRefused(result, () => undefined);
    // The same count the page previews, so the page can offer a rescore when bands move. The save
    // stands if the count cannot be made: the answer then says nothing about bands.
    const bandChanges = await previewBandChanges({
      crm,
      saved: result.previous,
      draft: parsed.data,
      asOf,
      maxAccounts: PREVIEW_MAX_ACCOUNTS,
      deadline: Date.now() + PREVIEW_TIME_BUDGET_MS,
    }).catch((/** @type {unknown} */ error) => {
      console.error('csops settings saved; the band-change count failed', error);
      return null;
    });
    return ok({ saved: result.saved, settings: parsed.data, bandChanges });
  });
});
