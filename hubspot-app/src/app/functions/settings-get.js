// Settings page load: the saved settings (defaults when none), their version history and whether
// the caller may change them — one call.
'use strict';

const core = require('@csops/core');
const { crmFor } = require('./lib/runtime.js');
const { answer, ok, handler } = require('./lib/respond.js');
const { createSettingsStore } = require('./lib/settings-store.js');
const { mayManageSettings } = require('./lib/permissions.js');

/** @param {import('./lib/runtime.js').FunctionContext} context */
exports.main = handler(async (context) =>
  answer(async () => {
    const crm = crmFor(context);
    const store = createSettingsStore(crm);
    const current = await store.current(50);
    const history = current.history;
    const permission = await mayManageSettings(crm, context);
    return ok({
      settings: current.settings,
      version: current.version?.version ?? null,
      isDefault: current.isDefault,
      problems: current.problems,
      defaults: core.defaultSettings(),
      history,
      canEdit: permission.allowed,
      cannotEditBecause: permission.allowed ? null : permission.reason,
    });
  }),
);
