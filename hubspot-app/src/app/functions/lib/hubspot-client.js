// One place builds the HubSpot client, so every function reaches the same account the same way.
// HUBSPOT_API_BASE_URL lets the local preview and the tests point the official client at the
// CRM sandbox; in HubSpot it is unset and the client talks to api.hubapi.com.
'use strict';

const { Client } = require('@hubspot/api-client');

const DEFAULT_BASE_URL = 'https://api.hubapi.com';

/**
 * @param {{ accessToken?: string, baseUrl?: string }} [options]
 */
function createHubSpotClient(options = {}) {
  const accessToken = options.accessToken ?? process.env.PRIVATE_APP_ACCESS_TOKEN;
  const basePath = (
    options.baseUrl ??
    process.env.HUBSPOT_API_BASE_URL ??
    DEFAULT_BASE_URL
  ).replace(/\/+$/, '');
  // Retries are ours (lib/retry.js): the client's own retry waits blindly and ignores Retry-After.
  return new Client({ accessToken, basePath, numberOfApiCallRetries: 0 });
}

module.exports = { createHubSpotClient, DEFAULT_BASE_URL };
