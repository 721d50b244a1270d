// Functions answer with a body, never a crash: { ok: true, data } or { ok: false, error }.
// The card shows error.message; error.issues name the fields that were refused.
'use strict';

const { statusOf } = require('./retry.js');

/**
 * @typedef {{ path: string, message: string }} FieldIssue
 * @typedef {{ code: string, message: string, issues?: FieldIssue[] }} FunctionError
 */

/** @template T @param {T} data */
const ok = (data) => ({ ok: /** @type {const} */ (true), data });

/** @param {string} code @param {string} message @param {FieldIssue[]} [issues] */
const fail = (code, message, issues) => ({
  ok: /** @type {const} */ (false),
  error: /** @type {FunctionError} */ (
    issues && issues.length > 0 ? { code, message, issues } : { code, message }
  ),
});

/** @param {FieldIssue[]} issues */
const invalidInput = (issues) =>
  fail(
    'invalid_input',
    `The request was refused: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    issues,
  );

/** Turns a CRM failure into an answer the card can show. @param {unknown} error */
function fromError(error) {
  const status = statusOf(error);
  if (status === 401) return fail('unauthorized', 'HubSpot refused the app’s access token.');
  if (status === 403) {
    return fail(
      'forbidden',
      'The csops app is missing a permission (scope) for this data. Ask a HubSpot super admin to reinstall it.',
    );
  }
  if (status === 404) return fail('not_found', 'The record no longer exists in HubSpot.');
  if (status === 429)
    return fail('rate_limited', 'HubSpot is busy (rate limit reached). Try again in a minute.');
  if (status >= 500) return fail('crm_unavailable', 'HubSpot did not answer. Try again shortly.');
  const message = error instanceof Error ? error.message : String(error);
  return fail('internal', `Something went wrong: ${message}`);
}

/**
 * Wraps a function body so any thrown error becomes an error body.
 * @template T
 * @param {() => Promise<T>} body
 */
async function answer(body) {
  try {
    return await body();
  } catch (error) {
    console.error('csops function failed', error);
    return fromError(error);
  }
}

module.exports = { ok, fail, invalidInput, fromError, answer };
