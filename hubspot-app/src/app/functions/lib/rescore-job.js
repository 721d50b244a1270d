// One portfolio rescore, wherever it runs: the portfolio_rescore function (within its time
// budget, resumed by its caller) and `csops rescore hubspot` (paced to the account's rate limit,
// checkpointed to a file, no budget) both come through here to the same scan, write-back and
// playbook ledger.
'use strict';

const { createCrm } = require('./crm.js');
const { createCrmLimiter } = require('./rate-limit.js');
const { createHubSpotClient } = require('./hubspot-client.js');
const { createSettingsStore } = require('./settings-store.js');
const { rescorePortfolio } = require('./portfolio.js');

/**
 * A CRM gateway for a run outside HubSpot: its own token and base URL, paced to `requestsPer10s`.
 * @param {{ accessToken: string, baseUrl?: string, requestsPer10s: number, onRetry?: (info: { status: number, attempt: number, waitMs: number }) => void }} options
 */
function pacedCrm(options) {
  return createCrm(
    createHubSpotClient({ accessToken: options.accessToken, baseUrl: options.baseUrl }),
    {
      limiter: createCrmLimiter({ requestsPer10s: options.requestsPer10s }),
      retry: options.onRetry ? { onRetry: options.onRetry } : undefined,
    },
  );
}

/**
 * Reads the saved settings, then rescores under them.
 * @param {Omit<Parameters<typeof rescorePortfolio>[0], 'settings' | 'settingsVersion'>} options
 */
async function rescoreWithSavedSettings(options) {
  const { settings, version } = await createSettingsStore(options.crm).current();
  const settingsVersion = version?.version ?? null;
  const result = await rescorePortfolio({ ...options, settings, settingsVersion });
  return {
    ...result,
    settingsVersion,
    alertChannels: settings.alerts.channels.length,
    requests: options.crm.stats.requests,
    retries: options.crm.stats.retries,
  };
}

module.exports = { pacedCrm, rescoreWithSavedSettings };
