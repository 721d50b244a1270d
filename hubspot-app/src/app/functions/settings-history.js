// Every saved settings version, newest first, with who changed it and when.
'use strict';

const core = require('@csops/core');
const { crmFor, inputOf } = require('./lib/runtime.js');
const { answer, ok, invalidInput, handler } = require('./lib/respond.js');
const { settingsHistoryInput } = require('./lib/inputs.js');
const { createSettingsStore } = require('./lib/settings-store.js');

/** @param {import('./lib/runtime.js').FunctionContext} context */
exports.main = handler(async (context) => {
  const input = core.parseWith(settingsHistoryInput, inputOf(context));
  if (!input.success) return invalidInput(input.issues);
  return answer(async () =>
    ok({ history: await createSettingsStore(crmFor(context)).history(input.data.limit ?? 50) }),
  );
});
