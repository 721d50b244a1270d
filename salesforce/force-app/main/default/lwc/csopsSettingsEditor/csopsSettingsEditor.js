/**
 * The csops settings page in the org: the main settings as a form and the whole settings as JSON,
 * every change checked with the core's schema and refused on its field, a band-change preview on
 * a sample of Accounts, and a save that is one Metadata API deployment of the whole record (never
 * half written), followed until Salesforce says it succeeded or failed.
 */
import { LightningElement, api } from 'lwc';
import getEditorState from '@salesforce/apex/CsopsSettingsDeployer.getEditorState';
import saveSettings from '@salesforce/apex/CsopsSettingsDeployer.saveSettings';
import getDeployStatus from '@salesforce/apex/CsopsSettingsDeployer.getDeployStatus';
import getPreviewAccounts from '@salesforce/apex/CsopsSettingsDeployer.getPreviewAccounts';
import {
  bandChangesText,
  defaultSettings,
  previewBandChanges,
  settingsChanges,
  settingsFieldLabel,
} from 'c/csopsCore';
import { parseSettings } from 'c/csopsValidation';
import { settingsFromRecord } from 'c/csopsSettings';
import { toAccountSnapshot } from 'c/csopsAccountMapping';
import { reduceErrors } from 'c/csopsLds';
import { LABELS } from './labels';
import { recordValuesFromSettings, uiRecordFromApex } from './settingsRecord';
import { formSections, issueFor, withChannelAdded, withChannelRemoved, withField } from './form';

export const PREVIEW_SAMPLE = 50;
export const POLL_MS = 2000;
export const POLL_LIMIT = 90;

export default class CsopsSettingsEditor extends LightningElement {
  /** The Csops_Settings__mdt record edited (DeveloperName). */
  @api recordName = 'Default';

  labels = LABELS;
  loading = true;
  loadError;
  canManage = false;
  revision;
  saved;
  storedIssues = [];
  draft;
  issues = [];
  jsonText = '';
  jsonError = '';
  showJson = false;
  previewText = '';
  previewing = false;
  phase = 'idle';
  saveMessages = [];
  polls = 0;

  connectedCallback() {
    this.load();
  }

  disconnectedCallback() {
    clearTimeout(this.timer);
  }

  handleReload() {
    this.phase = 'idle';
    this.saveMessages = [];
    this.load();
  }

  async load() {
    this.loading = true;
    this.loadError = undefined;
    try {
      const state = await getEditorState({ recordName: this.recordName });
      if (!state || !state.record) {
        this.loadError = LABELS.noRecord;
        return;
      }
      this.canManage = state.canManage === true;
      this.revision = state.revision;
      const read = settingsFromRecord(state.record);
      this.storedIssues = read.issues ? read.issues.map((i) => i.text) : [];
      this.saved = read.settings || null;
      this.setDraft(read.settings || defaultSettings());
    } catch (error) {
      this.loadError = reduceErrors(error).join(' ') || LABELS.loadFailed;
    } finally {
      this.loading = false;
    }
  }

  setDraft(draft) {
    this.draft = draft;
    const parsed = parseSettings(draft);
    this.parsed = parsed.success ? parsed.data : null;
    this.issues = parsed.success ? [] : parsed.issues;
    this.previewText = '';
    if (this.phase !== 'queued' && this.phase !== 'saving') {
      this.phase = 'idle';
      this.saveMessages = [];
    }
  }

  renderedCallback() {
    // Refusals sit on their fields; a field with none is cleared.
    this.template.querySelectorAll('lightning-input[data-path]').forEach((input) => {
      const issue = issueFor(this.issues, input.dataset.path);
      input.setCustomValidity(issue ? issue.message : '');
      input.reportValidity();
    });
    const json = this.template.querySelector('lightning-textarea[data-json]');
    if (json) {
      json.setCustomValidity(this.jsonError);
      json.reportValidity();
    }
  }

  get ready() {
    return !this.loading && !this.loadError && !!this.draft;
  }

  get readOnly() {
    return !this.canManage;
  }

  get sections() {
    return formSections(this.draft);
  }

  get hasStoredIssues() {
    return this.storedIssues.length > 0;
  }

  /** Refusals no form field shows (curves, playbooks, CSMs…), named as the core names them. */
  get otherIssues() {
    const shown = new Set(
      this.sections
        .flatMap((s) => [...s.fields, ...s.channels.flatMap((c) => c.fields)])
        .map((f) => f.path),
    );
    return this.issues
      .filter((i) => ![...shown].some((p) => i.path === p || i.path.startsWith(`${p}.`)))
      .map((i, n) => ({
        key: `${i.path}-${n}`,
        text: i.message.startsWith(settingsFieldLabel(i.path))
          ? i.message
          : `${settingsFieldLabel(i.path)}: ${i.message}`,
      }));
  }

  get hasOtherIssues() {
    return this.otherIssues.length > 0;
  }

  get changes() {
    if (!this.parsed || !this.saved) return [];
    return settingsChanges(this.saved, this.parsed).map((c) => ({ key: c.path, text: c.text }));
  }

  get hasChanges() {
    return this.changes.length > 0 || (!this.saved && !!this.parsed);
  }

  get previewDisabled() {
    return !this.parsed || !this.saved || this.previewing;
  }

  get busy() {
    return this.phase === 'saving' || this.phase === 'queued';
  }

  get saveDisabled() {
    return this.readOnly || !this.parsed || !this.hasChanges || this.busy;
  }

  get advancedLabel() {
    return this.showJson ? LABELS.hideAdvanced : LABELS.showAdvanced;
  }

  /** After a refusal, a failure or no answer, the way on is to read the record again. */
  get canReload() {
    return ['saveRefused', 'failed', 'unconfirmed'].includes(this.phase);
  }

  get phaseText() {
    return this.phase === 'idle' ? '' : LABELS[this.phase];
  }

  get phaseClass() {
    return this.phase === 'failed' || this.phase === 'saveRefused'
      ? 'slds-text-color_error'
      : this.phase === 'succeeded'
        ? 'slds-text-color_success'
        : '';
  }

  handleFieldChange(event) {
    this.setDraft(withField(this.draft, event.target.dataset.path, event.detail.value ?? ''));
  }

  handleAddChannel() {
    this.setDraft(withChannelAdded(this.draft));
  }

  handleRemoveChannel(event) {
    this.setDraft(withChannelRemoved(this.draft, Number(event.target.dataset.index)));
  }

  handleToggleJson() {
    this.showJson = !this.showJson;
    if (this.showJson) {
      this.jsonText = JSON.stringify(this.draft, null, 2);
      this.jsonError = '';
    }
  }

  handleJsonChange(event) {
    this.jsonText = event.detail.value ?? '';
    let value;
    try {
      value = JSON.parse(this.jsonText);
    } catch (e) {
      this.jsonError = `${LABELS.notJson}: ${e.message}`;
      return;
    }
    this.jsonError = '';
    this.setDraft(value);
  }

  async handlePreview() {
    if (this.previewDisabled) return;
    this.previewing = true;
    this.previewText = LABELS.previewing;
    try {
      const accounts = await getPreviewAccounts({ maxAccounts: PREVIEW_SAMPLE });
      const asOf = new Date().toISOString();
      const snapshots = (accounts || []).map((a) =>
        toAccountSnapshot({ account: uiRecordFromApex(a), asOf }),
      );
      const complete = snapshots.length < PREVIEW_SAMPLE;
      this.previewText = bandChangesText(
        previewBandChanges(snapshots, this.saved, this.parsed, complete),
      );
    } catch (error) {
      this.previewText = reduceErrors(error).join(' ');
    } finally {
      this.previewing = false;
    }
  }

  async handleSave() {
    if (this.saveDisabled) return;
    const { modelJson, typedFields } = recordValuesFromSettings(this.parsed);
    const target = this.parsed;
    this.phase = 'saving';
    this.saveMessages = [];
    let jobId;
    try {
      jobId = await saveSettings({
        recordName: this.recordName,
        modelJson,
        typedFieldsJson: JSON.stringify(typedFields),
        expectedVersion: this.revision,
      });
    } catch (error) {
      this.phase = 'saveRefused';
      this.saveMessages = reduceErrors(error);
      return;
    }
    this.phase = 'queued';
    this.polls = 0;
    this.follow(jobId, this.revision + 1, target);
  }

  follow(jobId, revision, target) {
    // The platform deploys on its own schedule and offers no event to the page: ask until it answers.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.timer = setTimeout(async () => {
      this.polls += 1;
      let status;
      try {
        status = await getDeployStatus({ jobId, recordName: this.recordName, revision });
      } catch {
        // A status read that fails says nothing about the deployment: ask again.
        status = { status: 'queued' };
      }
      if (status.status === 'succeeded') {
        this.revision = revision;
        this.saved = target;
        this.storedIssues = [];
        this.phase = 'succeeded';
      } else if (status.status === 'failed') {
        this.phase = 'failed';
        this.saveMessages = status.messages || [];
      } else if (this.polls >= POLL_LIMIT) {
        this.phase = 'unconfirmed';
      } else {
        this.follow(jobId, revision, target);
      }
    }, POLL_MS);
  }

  get saveMessageItems() {
    return this.saveMessages.map((text, i) => ({ key: `m${i}`, text }));
  }
}
