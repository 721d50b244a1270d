// @csops/preview — the HubSpot app run locally: its cards, settings page and functions in a browser,
// against the CRM sandbox with the demo portfolio. What `csops start` serves.
export {
  launchPreview,
  demoAccountLines,
  previewUser,
  HUBSPOT_APP_DIR,
  type LaunchOptions,
  type RunningPreview,
} from './launch.js';
export {
  parseStartOptions,
  DEFAULT_PREVIEW_PORT,
  type StartOptions,
  type Parsed,
} from './start-options.js';
