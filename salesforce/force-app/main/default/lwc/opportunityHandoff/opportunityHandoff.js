import { LightningElement, api, wire } from 'lwc';
import { getRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getSettings from '@salesforce/apex/CsopsSettingsController.getSettings';
import { evaluateHandoff, parseHandoffInput, STAKEHOLDER_ROLES } from 'c/csopsCore';
import { settingsFromRecord } from 'c/csopsSettings';
import { reduceErrors, isNoAccess } from 'c/csopsLds';
import {
  OPPORTUNITY_FIELDS,
  TEXT_ITEMS,
  handoffFromRecord,
  toHandoffInput,
  toRecordInput,
} from 'c/csopsHandoffMapping';

const ROLE_LABELS = {
  champion: 'Champion',
  executive_sponsor: 'Executive sponsor',
  admin: 'Admin',
  user: 'User',
  other: 'Other',
};
const TEXT_LABELS = {
  customerGoals: 'Customer goals',
  successCriteria: 'Success criteria',
  technicalRequirements: 'Technical requirements',
  implementationRequirements: 'Implementation requirements',
  competitiveAlternatives: 'Competitive alternatives evaluated',
  promisesMade: 'Promises made during the sale',
};

let rowId = 0;
const withRowKey = (p) => ({ ...p, rowKey: `row-${++rowId}` });

export default class OpportunityHandoff extends LightningElement {
  @api recordId;
  /** Show every checklist item with its status, not only the open ones (design-time property). */
  @api showAllItems = false;
  /** DeveloperName of the Csops_Settings__mdt record to use. */
  @api settingsRecord = 'Default';

  record;
  recordError;
  settingsResult;
  settingsError;

  form;
  status = 'draft';
  submittedAt;
  stakeholderProblem;
  dirty = false;
  saving = false;
  saveError;
  inputIssues;
  refusal;

  @wire(getRecord, { recordId: '$recordId', optionalFields: OPPORTUNITY_FIELDS })
  wiredOpportunity({ data, error }) {
    if (data) {
      this.record = data;
      this.recordError = undefined;
      // The record re-fires after our own save; never overwrite what the AE is typing.
      if (!this.dirty) this.loadForm(data);
    } else if (error) {
      this.recordError = error;
    }
  }

  @wire(getSettings, { recordName: '$settingsRecord' })
  wiredSettings({ data, error }) {
    if (data !== undefined) {
      this.settingsResult = settingsFromRecord(data);
      this.settingsError = undefined;
    } else if (error) {
      this.settingsError = error;
    }
  }

  loadForm(record) {
    const loaded = handoffFromRecord(record);
    this.form = {
      ...loaded.form,
      stakeholders: loaded.form.stakeholders.map(withRowKey),
    };
    this.status = loaded.status;
    this.submittedAt = loaded.submittedAt;
    this.stakeholderProblem = loaded.stakeholderProblem;
  }

  // ---- states

  get isLoading() {
    return (!this.form || !this.settingsResult) && !this.recordError && !this.settingsError;
  }
  get noAccess() {
    return isNoAccess(this.recordError) || isNoAccess(this.settingsError);
  }
  get errorMessage() {
    if (this.noAccess) return undefined;
    const errors = [this.recordError, this.settingsError].filter((e) => e);
    return errors.length ? reduceErrors(errors).join(', ') : undefined;
  }
  get configIssues() {
    return this.settingsResult && this.settingsResult.issues;
  }
  get ready() {
    return !!this.form && !!this.settingsResult && !!this.settingsResult.settings;
  }
  get isSubmitted() {
    return this.status === 'submitted';
  }
  get isDraft() {
    return !this.isSubmitted;
  }

  // ---- evaluation, recomputed as the AE types

  get evaluation() {
    return evaluateHandoff(
      toHandoffInput(this.form),
      this.settingsResult.settings,
      new Date().toISOString(),
    );
  }
  get completeness() {
    return this.evaluation.completeness;
  }
  get completenessText() {
    const e = this.evaluation;
    if (e.readyForOnboarding) return `${e.completeness}% complete · ready to submit`;
    const n = e.blocking.length;
    return `${e.completeness}% complete · ${n} required item${n === 1 ? '' : 's'} missing`;
  }
  get listedItems() {
    const e = this.evaluation;
    const items = this.showAllItems ? e.items : e.missing;
    return items.map((i) => ({
      key: i.key,
      label: i.label,
      message: i.message,
      tag: i.status === 'complete' ? 'Done' : i.required ? 'Required' : 'Optional',
      tagClass:
        i.status === 'complete'
          ? 'slds-badge slds-theme_success'
          : i.required
            ? 'slds-badge slds-theme_error'
            : 'slds-badge',
    }));
  }
  get hasListedItems() {
    return this.listedItems.length > 0;
  }

  // ---- form

  get textFields() {
    const e = this.evaluation;
    return TEXT_ITEMS.map((key) => {
      const item = e.items.find((i) => i.key === key);
      return {
        key,
        label: TEXT_LABELS[key],
        value: this.form[key],
        required: item.required,
        hint: item.status === 'complete' ? '' : item.message,
      };
    });
  }
  get roleOptions() {
    return STAKEHOLDER_ROLES.map((r) => ({ label: ROLE_LABELS[r], value: r }));
  }
  get stakeholders() {
    return this.form.stakeholders.map((p, index) => ({
      ...p,
      index,
      removeLabel: `Remove stakeholder ${index + 1}`,
    }));
  }
  get hasStakeholders() {
    return this.form.stakeholders.length > 0;
  }
  get submittedText() {
    return this.submittedAt
      ? `Submitted ${this.submittedAt.slice(0, 10)}; onboarding has started.`
      : 'Submitted.';
  }
  get actionsDisabled() {
    return this.saving;
  }

  update(changes) {
    this.form = { ...this.form, ...changes };
    this.dirty = true;
    this.refusal = undefined;
    this.inputIssues = undefined;
  }
  handleTextChange(event) {
    this.update({ [event.target.dataset.item]: event.detail.value });
  }
  handleCheckboxChange(event) {
    this.update({ [event.target.dataset.item]: event.target.checked });
  }
  handleKickoffChange(event) {
    this.update({ kickoffDate: event.detail.value || '' });
  }
  handleStakeholderChange(event) {
    const index = Number(event.target.dataset.index);
    const field = event.target.dataset.field;
    const stakeholders = this.form.stakeholders.map((p, i) => {
      return i === index ? { ...p, [field]: event.detail.value } : p;
    });
    this.update({ stakeholders });
  }
  handleAddStakeholder() {
    this.update({
      stakeholders: [
        ...this.form.stakeholders,
        withRowKey({ name: '', email: '', role: 'champion' }),
      ],
    });
  }
  handleRemoveStakeholder(event) {
    const index = Number(event.target.dataset.index);
    this.update({ stakeholders: this.form.stakeholders.filter((p, i) => i !== index) });
  }

  /** The core's schema refuses what no CRM field should hold (e.g. text over its limit). */
  validInput() {
    const parsed = parseHandoffInput(toHandoffInput(this.form));
    if (parsed.success) return true;
    this.inputIssues = parsed.issues.map((i) => `${i.path}: ${i.message}`);
    return false;
  }

  handleSave() {
    if (!this.validInput()) return;
    this.persist(undefined);
  }

  handleSubmit() {
    if (!this.validInput()) return;
    const e = this.evaluation;
    if (!e.readyForOnboarding) {
      this.refusal = e.blocking.map((i) => ({ key: i.key, text: `${i.label}: ${i.message}` }));
      return;
    }
    this.persist(new Date().toISOString());
  }

  async persist(submittedAt) {
    if (this.saving) return;
    this.saving = true;
    this.saveError = undefined;
    try {
      await updateRecord(toRecordInput(this.recordId, this.form, this.evaluation, submittedAt));
      this.dirty = false;
      if (submittedAt) {
        this.status = 'submitted';
        this.submittedAt = submittedAt;
      }
      this.dispatchEvent(
        new ShowToastEvent({
          title: submittedAt ? 'Handoff submitted' : 'Handoff saved',
          message: submittedAt ? 'Onboarding starts with the account CSM.' : 'Draft saved.',
          variant: 'success',
        }),
      );
    } catch (error) {
      this.saveError = reduceErrors(error).join(', ');
    } finally {
      this.saving = false;
    }
  }
}
