// @csops/hubspot-model — what csops declares in a HubSpot portal, and its idempotent installation.
export { crmModel, type CrmModel, type CrmProperty } from './crm-model.js';
export { setupHubSpot, type SetupReport } from './setup.js';
