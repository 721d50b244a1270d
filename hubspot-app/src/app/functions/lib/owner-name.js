// A HubSpot owner's name as csops shows it: first and last name, else the email; null when the id
// is no owner id or the owner cannot be read (a deleted user, a portal without the owners scope),
// so the caller falls back to what it already knows.
'use strict';

/**
 * @param {import('./crm.js').Crm} crm @param {string | null | undefined} ownerId
 * @returns {Promise<string | null>}
 */
async function ownerNameOf(crm, ownerId) {
  if (!ownerId || !/^\d+$/.test(ownerId)) return null;
  try {
    const owner = await crm.owner(ownerId);
    const name = [owner.firstName, owner.lastName].filter(Boolean).join(' ').trim();
    return name || owner.email || null;
  } catch {
    return null;
  }
}

module.exports = { ownerNameOf };
