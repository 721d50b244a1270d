export { launchSalesforcePreview } from './launch.js';
export type { RunningSalesforcePreview, SalesforcePreviewLaunchOptions } from './launch.js';
export { buildHostBundle } from './build.js';
export type { SalesforcePreviewServer } from './server.js';
