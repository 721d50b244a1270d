/**
 * Every string the settings editor shows besides the core's own field names and refusals. Kept in
 * one module so they can become custom labels (@salesforce/label/c.*) without touching the component.
 */
export const LABELS = {
  title: 'csops Settings',
  loading: 'Loading the settings…',
  loadFailed: 'The settings could not be loaded',
  noRecord: 'There is no csops settings record with this name.',
  readOnly: 'You can look but not save: saving needs the csops Settings Admin permission set.',
  storedRefused:
    'The saved settings are refused by csops, so every csops component shows a configuration error. The form starts from the csops defaults; saving replaces the refused settings.',
  weights: 'Measure weights',
  bands: 'Bands',
  renewal: 'Renewal',
  freshness: 'Data freshness',
  expansion: 'Expansion',
  team: 'CS manager',
  alerts: 'Slack alerts',
  managerId: 'CS manager’s User Id',
  managerName: 'CS manager’s name',
  channelEvents: 'events (comma-separated)',
  addChannel: 'Add channel',
  removeChannel: 'Remove',
  advanced: 'Advanced (JSON)',
  showAdvanced: 'Show the settings as JSON',
  hideAdvanced: 'Hide the JSON',
  notJson: 'This is not valid JSON',
  otherProblems: 'Also to fix',
  changes: 'What this save changes',
  noChanges: 'Nothing changed yet.',
  preview: 'Preview band changes',
  previewing: 'Scoring a sample of Accounts…',
  previewNeedsValid: 'Fix the fields marked in red to preview.',
  save: 'Save settings',
  saving: 'Sending the save to Salesforce…',
  queued: 'Queued: Salesforce is deploying the settings…',
  succeeded: 'Saved. csops components use these settings from now on.',
  failed: 'Salesforce did not save the settings:',
  unconfirmed:
    'Salesforce has not confirmed the save yet. See Setup → Deployment Status, then reload this page.',
  saveRefused: 'Not saved:',
  reload: 'Reload the settings',
};
