// The settings functions' refusals, in the admin's words: the core's message per field (the path
// stays on each issue so the page can place it), never a settings path in the sentence.
'use strict';

const { fail } = require('./respond.js');
const { tooLargeMessage } = require('./settings-storage.js');

/** @param {import('./respond.js').FieldIssue[]} issues */
function refusedSettings(issues) {
  return fail('invalid_input', `Not saved: ${issues.map((i) => i.message).join('; ')}.`, issues);
}

/**
 * @template S, T
 * @param {{ saved: S } | { unchanged: { version: number } | null } | { tooLarge: number }} result
 * @param {(saved: S) => T} onSaved
 */
function savedOrRefused(result, onSaved) {
  if ('tooLarge' in result) {
    const message = tooLargeMessage(result.tooLarge);
    return fail('too_large', message, [{ path: 'settings', message }]);
  }
  if ('unchanged' in result) {
    return fail(
      'unchanged',
      result.unchanged
        ? `Nothing was saved: these are the settings of version ${result.unchanged.version}.`
        : 'Nothing was saved: these are csops’s default settings.',
    );
  }
  return onSaved(result.saved);
}

module.exports = { refusedSettings, savedOrRefused };
