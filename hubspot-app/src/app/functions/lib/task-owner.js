// HubSpot refuses a task whose owner id is no user of the portal (a deleted user, a CSM id typed
// in settings): the task is then created unowned on its company rather than not at all, so the
// playbook work still shows where the CSMs look.
'use strict';

const { statusOf } = require('./retry.js');

/**
 * The owner ids HubSpot named as invalid in a refusal, or null when it is another refusal.
 * @param {unknown} error
 * @returns {Set<string> | null}
 */
function invalidOwnerIds(error) {
  if (statusOf(error) !== 400) return null;
  const body = /** @type {{ body?: unknown }} */ (error)?.body;
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
  if (!/INVALID_OWNER_ID/.test(text)) return null;
  return new Set([...text.matchAll(/(\d+) is not a valid owner id/g)].map((m) => String(m[1])));
}

/**
 * The task input without its owner when HubSpot refused that owner (or named none: then every
 * owner in the call is suspect).
 * @template {{ properties: Record<string, string> }} T
 * @param {T} input @param {Set<string>} invalid
 * @returns {T}
 */
function withoutInvalidOwner(input, invalid) {
  const owner = input.properties.hubspot_owner_id;
  if (!owner || (invalid.size > 0 && !invalid.has(owner))) return input;
  const { hubspot_owner_id: _refused, ...properties } = input.properties;
  return { ...input, properties };
}

module.exports = { invalidOwnerIds, withoutInvalidOwner };
