// Settings page load: the saved settings (defaults when none), their version history and whether
// the caller may change them, and the portal's owners to pick CSMs from — one call.
'use strict';

const core = require('@csops/core');
const { crmFor } = require('./lib/runtime.js');
const { answer, ok, handler } = require('./lib/respond.js');
const { createSettingsStore } = require('./lib/settings-store.js');
const { mayManageSettings } = require('./lib/permissions.js');
const { settleAll } = require('./lib/settle.js');

/**
 * The portal's owners for the CSM picker. Without them (a missing scope, HubSpot busy) the page
 * still loads and asks for the owner id instead.
 * @param {import('./lib/crm.js').Crm} crm
 */
async function ownersOrNone(crm) {
  try {
    return await crm.owners();
  } catch (error) {
    console.warn('csops settings: owners could not be listed', error);
    return [];
  }
}

/** @param {import('./lib/runtime.js').FunctionContext} context */
exports.main = handler(async (context) =>
  answer(async () => {
    const crm = crmFor(context);
    const store = createSettingsStore(crm);
    const [current, permission, owners] = await settleAll([
      store.current(50),
      mayManageSettings(crm, context),
      ownersOrNone(crm),
    ]);
    const history = current.history;
    return ok({
      settings: current.settings,
      version: current.version?.version ?? null,
      isDefault: current.isDefault,
      problems: current.problems,
      defaults: core.defaultSettings(),
      history,
      canEdit: permission.allowed,
      cannotEditBecause: permission.allowed ? null : permission.reason,
      owners,
    });
  }),
);
