// The "Rescore with csops" workflow action: HubSpot posts each company a workflow enrols to this
// public endpoint. A public endpoint is not authenticated, so a call is only a hint: it must carry
// the shared secret the admin typed into the action, and then only its company id is used. The
// company, its records and the settings are re-read with the app's own token and rescored exactly
// as a card load does (writes only what changed, tasks once by key), so a repeated or forged call
// can at worst make csops rescore a company again.
'use strict';

const { timingSafeEqual } = require('node:crypto');
const core = require('@csops/core');
const { createHubSpotClient } = require('./lib/hubspot-client.js');
const { createCrm } = require('./lib/crm.js');
const { now } = require('./lib/runtime.js');
const { workflowRescoreInput } = require('./lib/inputs.js');
const { rescoreCompany } = require('./lib/company-rescore.js');
const { describeFailure } = require('./lib/respond.js');

/** @param {number} statusCode @param {unknown} body */
const respond = (statusCode, body) => ({
  statusCode,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** Compares without leaking, through timing, how much of the secret a caller got right. */
function sameSecret(/** @type {string} */ given, /** @type {string} */ expected) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** @param {{ body?: unknown, secrets?: Record<string, string> }} context */
exports.main = async (context) => {
  const secrets = context?.secrets ?? {};
  const expected = secrets.CSOPS_WORKFLOW_SECRET ?? process.env.CSOPS_WORKFLOW_SECRET;
  const token = secrets.CSOPS_ACCESS_TOKEN ?? process.env.CSOPS_ACCESS_TOKEN;
  if (!expected || !token) {
    return respond(500, {
      error:
        'csops is not set up for workflows: add the CSOPS_WORKFLOW_SECRET and CSOPS_ACCESS_TOKEN secrets',
    });
  }
  const input = core.parseWith(workflowRescoreInput, context?.body);
  if (!input.success) {
    return respond(400, { error: `Not a csops workflow call: ${core.formatIssues(input.issues)}` });
  }
  if (!sameSecret(input.data.inputFields.sharedSecret, expected)) {
    return respond(401, { error: 'The shared secret does not match this csops app' });
  }
  try {
    const crm = createCrm(createHubSpotClient({ accessToken: token }));
    const done = await rescoreCompany(crm, input.data.object.objectId, now());
    if (!done.ok) {
      return respond(200, { outputFields: { csops_outcome: 'not_scored' } });
    }
    const health = done.result.evaluation.health;
    return respond(200, {
      outputFields: {
        csops_outcome: done.result.writeBack === null ? 'unchanged' : 'rescored',
        csops_health_band: health.band ?? '',
        csops_health_score: health.score ?? '',
        csops_tasks_created: done.applied.created,
      },
    });
  } catch (error) {
    // A 5xx asks HubSpot to try the action again later; the reason is in words, never a dump.
    return respond(503, { error: describeFailure(error).message });
  }
};
