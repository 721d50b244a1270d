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

/** @param {unknown} value @returns {value is Record<string, unknown>} */
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** @param {unknown} value */
const idOf = (value) =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))
    ? value
    : undefined;

/** @param {unknown} value */
const textOf = (value) => (typeof value === 'string' ? value : undefined);

/**
 * The context as the functions read it, whatever arrived: HubSpot's shape is not ours to trust,
 * so a missing or malformed part reads as absent (and is refused as input) instead of crashing.
 * @param {unknown} raw
 * @returns {FunctionContext}
 */
function contextOf(raw) {
  if (!isRecord(raw)) return {};
  /** @type {Record<string, string>} */
  const secrets = {};
  if (isRecord(raw.secrets)) {
    for (const [key, value] of Object.entries(raw.secrets)) {
      if (typeof value === 'string') secrets[key] = value;
    }
  }
  const user = isRecord(raw.user)
    ? { id: idOf(raw.user.id), email: textOf(raw.user.email) }
    : undefined;
  return {
    parameters: isRecord(raw.parameters) ? raw.parameters : undefined,
    propertiesToSend: isRecord(raw.propertiesToSend) ? raw.propertiesToSend : undefined,
    user,
    userId: idOf(raw.userId),
    userEmail: textOf(raw.userEmail),
    accountId: idOf(raw.accountId),
    secrets,
  };
}

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

module.exports = { contextOf, crmFor, inputOf, now };
