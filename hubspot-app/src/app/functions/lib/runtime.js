// What every app function needs from HubSpot's runtime: a CRM gateway and the time.
// Functions read the clock here (the core never does) and accept an explicit asOf for replays.
'use strict';

const { createHubSpotClient } = require('./hubspot-client.js');
const { createCrm } = require('./crm.js');

/**
 * @typedef {{
 *   parameters?: Record<string, unknown>,
 *   propertiesToSend?: Record<string, unknown>,
 *   user?: { id?: number | string, email?: string },
 *   userId?: number | string,
 *   userEmail?: string,
 *   accountId?: number | string,
 *   secrets?: Record<string, string>,
 * }} FunctionContext
 */

/** @param {FunctionContext} context */
function crmFor(context) {
  const accessToken =
    context.secrets?.PRIVATE_APP_ACCESS_TOKEN ?? process.env.PRIVATE_APP_ACCESS_TOKEN;
  return createCrm(createHubSpotClient({ accessToken }));
}

/** @param {FunctionContext} context */
function inputOf(context) {
  return { ...(context.propertiesToSend ?? {}), ...(context.parameters ?? {}) };
}

const now = () => new Date().toISOString();

module.exports = { crmFor, inputOf, now };
