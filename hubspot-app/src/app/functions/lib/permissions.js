// Who may change csops settings: HubSpot super admins. An app function learns who called it from
// the context HubSpot passes (never from parameters, which the caller controls), then asks the
// user provisioning API (settings/v3/users) whether that user is a super admin.
'use strict';

const { statusOf } = require('./retry.js');

/** @param {import('./runtime.js').FunctionContext} context */
function callerOf(context) {
  const id = context.user?.id ?? context.userId;
  const email = context.user?.email ?? context.userEmail;
  return {
    id: id === undefined || id === null || id === '' ? undefined : String(id),
    email: email ? String(email) : undefined,
  };
}

/**
 * @param {import('./crm.js').Crm} crm
 * @param {import('./runtime.js').FunctionContext} context
 * @returns {Promise<{ allowed: true, who: string } | { allowed: false, reason: string }>}
 */
async function mayManageSettings(crm, context) {
  const caller = callerOf(context);
  if (caller.id === undefined) {
    return {
      allowed: false,
      reason: 'HubSpot did not say which user is calling, so settings cannot be changed.',
    };
  }
  try {
    const user = await crm.user(caller.id);
    if (user.superAdmin === true)
      return { allowed: true, who: user.email || caller.email || caller.id };
    return { allowed: false, reason: 'Only HubSpot super admins can change csops settings.' };
  } catch (error) {
    if (statusOf(error) === 404)
      return { allowed: false, reason: 'Your HubSpot user was not found.' };
    throw error;
  }
}

module.exports = { mayManageSettings, callerOf };
