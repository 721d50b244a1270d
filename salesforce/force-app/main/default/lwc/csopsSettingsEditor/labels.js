// Every string the settings editor shows besides the core's own field names and refusals, as
// custom labels (labels/CustomLabels), so an org translates them with Translation Workbench.
import SETTINGS_TITLE from '@salesforce/label/c.Csops_Settings_Title';
import SETTINGS_LOADING from '@salesforce/label/c.Csops_Settings_Loading';
import SETTINGS_LOAD_FAILED from '@salesforce/label/c.Csops_Settings_LoadFailed';
import SETTINGS_NO_RECORD from '@salesforce/label/c.Csops_Settings_NoRecord';
import SETTINGS_READ_ONLY from '@salesforce/label/c.Csops_Settings_ReadOnly';
import SETTINGS_STORED_REFUSED from '@salesforce/label/c.Csops_Settings_StoredRefused';
import SETTINGS_WEIGHTS from '@salesforce/label/c.Csops_Settings_Weights';
import SETTINGS_BANDS from '@salesforce/label/c.Csops_Settings_Bands';
import SETTINGS_RENEWAL from '@salesforce/label/c.Csops_Settings_Renewal';
import SETTINGS_FRESHNESS from '@salesforce/label/c.Csops_Settings_Freshness';
import SETTINGS_EXPANSION from '@salesforce/label/c.Csops_Settings_Expansion';
import SETTINGS_TEAM from '@salesforce/label/c.Csops_Settings_Team';
import SETTINGS_ALERTS from '@salesforce/label/c.Csops_Settings_Alerts';
import SETTINGS_MANAGER_ID from '@salesforce/label/c.Csops_Settings_ManagerId';
import SETTINGS_MANAGER_NAME from '@salesforce/label/c.Csops_Settings_ManagerName';
import SETTINGS_CHANNEL_EVENTS from '@salesforce/label/c.Csops_Settings_ChannelEvents';
import SETTINGS_ADD_CHANNEL from '@salesforce/label/c.Csops_Settings_AddChannel';
import SETTINGS_REMOVE_CHANNEL from '@salesforce/label/c.Csops_Settings_RemoveChannel';
import SETTINGS_ADVANCED from '@salesforce/label/c.Csops_Settings_Advanced';
import SETTINGS_SHOW_ADVANCED from '@salesforce/label/c.Csops_Settings_ShowAdvanced';
import SETTINGS_HIDE_ADVANCED from '@salesforce/label/c.Csops_Settings_HideAdvanced';
import SETTINGS_NOT_JSON from '@salesforce/label/c.Csops_Settings_NotJson';
import SETTINGS_OTHER_PROBLEMS from '@salesforce/label/c.Csops_Settings_OtherProblems';
import SETTINGS_CHANGES from '@salesforce/label/c.Csops_Settings_Changes';
import SETTINGS_NO_CHANGES from '@salesforce/label/c.Csops_Settings_NoChanges';
import SETTINGS_PREVIEW from '@salesforce/label/c.Csops_Settings_Preview';
import SETTINGS_PREVIEWING from '@salesforce/label/c.Csops_Settings_Previewing';
import SETTINGS_PREVIEW_NEEDS_VALID from '@salesforce/label/c.Csops_Settings_PreviewNeedsValid';
import SETTINGS_SAVE from '@salesforce/label/c.Csops_Settings_Save';
import SETTINGS_SAVING from '@salesforce/label/c.Csops_Settings_Saving';
import SETTINGS_QUEUED from '@salesforce/label/c.Csops_Settings_Queued';
import SETTINGS_SUCCEEDED from '@salesforce/label/c.Csops_Settings_Succeeded';
import SETTINGS_FAILED from '@salesforce/label/c.Csops_Settings_Failed';
import SETTINGS_UNCONFIRMED from '@salesforce/label/c.Csops_Settings_Unconfirmed';
import SETTINGS_SAVE_REFUSED from '@salesforce/label/c.Csops_Settings_SaveRefused';
import SETTINGS_RELOAD from '@salesforce/label/c.Csops_Settings_Reload';

export const LABELS = {
  title: SETTINGS_TITLE,
  loading: SETTINGS_LOADING,
  loadFailed: SETTINGS_LOAD_FAILED,
  noRecord: SETTINGS_NO_RECORD,
  readOnly: SETTINGS_READ_ONLY,
  storedRefused: SETTINGS_STORED_REFUSED,
  weights: SETTINGS_WEIGHTS,
  bands: SETTINGS_BANDS,
  renewal: SETTINGS_RENEWAL,
  freshness: SETTINGS_FRESHNESS,
  expansion: SETTINGS_EXPANSION,
  team: SETTINGS_TEAM,
  alerts: SETTINGS_ALERTS,
  managerId: SETTINGS_MANAGER_ID,
  managerName: SETTINGS_MANAGER_NAME,
  channelEvents: SETTINGS_CHANNEL_EVENTS,
  addChannel: SETTINGS_ADD_CHANNEL,
  removeChannel: SETTINGS_REMOVE_CHANNEL,
  advanced: SETTINGS_ADVANCED,
  showAdvanced: SETTINGS_SHOW_ADVANCED,
  hideAdvanced: SETTINGS_HIDE_ADVANCED,
  notJson: SETTINGS_NOT_JSON,
  otherProblems: SETTINGS_OTHER_PROBLEMS,
  changes: SETTINGS_CHANGES,
  noChanges: SETTINGS_NO_CHANGES,
  preview: SETTINGS_PREVIEW,
  previewing: SETTINGS_PREVIEWING,
  previewNeedsValid: SETTINGS_PREVIEW_NEEDS_VALID,
  save: SETTINGS_SAVE,
  saving: SETTINGS_SAVING,
  queued: SETTINGS_QUEUED,
  succeeded: SETTINGS_SUCCEEDED,
  failed: SETTINGS_FAILED,
  unconfirmed: SETTINGS_UNCONFIRMED,
  saveRefused: SETTINGS_SAVE_REFUSED,
  reload: SETTINGS_RELOAD,
};
