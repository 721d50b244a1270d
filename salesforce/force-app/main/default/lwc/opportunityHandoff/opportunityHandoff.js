import { LightningElement, api, wire } from 'lwc';
import { getRecord, updateRecord, createRecord } from 'lightning/uiRecordApi';
import { gql, graphql } from 'lightning/graphql';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent } from 'lightning/refresh';
import getSettings from '@salesforce/apex/CsopsSettingsController.getSettings';
import {
  evaluateHandoff,
  submitHandoff,
  stakeholderEmailProblem,
  STAKEHOLDER_ROLES,
  STAKEHOLDER_ROLE_TITLES,
} from 'c/csopsCore';
import { parseHandoffInput } from 'c/csopsValidation';
import { settingsFromRecord } from 'c/csopsSettings';
import { reduceErrors, isNoAccess } from 'c/csopsLds';
import {
  OPPORTUNITY_FIELDS,
  TEXT_ITEMS,
  handoffFromRecord,
  toHandoffInput,
  toRecordInput,
  toStartInput,
} from 'c/csopsHandoffMapping';
import {
  ACCOUNT_ROUTING_FIELDS,
  CSM_FIELD,
  createTasksOnce,
  currentCsm,
  bookFromAggregate,
  handoffAccount,
  onboardingKeyPattern,
  taskInput,
  taskKeys,
} from 'c/csopsOnboarding';
import { formatLabel } from 'c/csopsLabels';
import HANDOFF_TITLE from '@salesforce/label/c.Csops_Handoff_Title';
import HANDOFF_LOADING from '@salesforce/label/c.Csops_Handoff_Loading';
import HANDOFF_NOACCESS from '@salesforce/label/c.Csops_Handoff_NoAccess';
import HANDOFF_LOADFAILED from '@salesforce/label/c.Csops_Handoff_LoadFailed';
import HANDOFF_CONFIGINVALID from '@salesforce/label/c.Csops_Handoff_ConfigInvalid';
import HANDOFF_COMPLETENESSBAR from '@salesforce/label/c.Csops_Handoff_CompletenessBar';
import HANDOFF_OPENITEMS from '@salesforce/label/c.Csops_Handoff_OpenItems';
import HANDOFF_CHECKLIST from '@salesforce/label/c.Csops_Handoff_Checklist';
import HANDOFF_REQUIRED from '@salesforce/label/c.Csops_Handoff_Required';
import HANDOFF_STAKEHOLDERS from '@salesforce/label/c.Csops_Handoff_Stakeholders';
import HANDOFF_NAME from '@salesforce/label/c.Csops_Handoff_Name';
import HANDOFF_EMAIL from '@salesforce/label/c.Csops_Handoff_Email';
import HANDOFF_ROLE from '@salesforce/label/c.Csops_Handoff_Role';
import HANDOFF_ADDSTAKEHOLDER from '@salesforce/label/c.Csops_Handoff_AddStakeholder';
import HANDOFF_CANTSUBMIT from '@salesforce/label/c.Csops_Handoff_CantSubmit';
import HANDOFF_SAVEDRAFT from '@salesforce/label/c.Csops_Handoff_SaveDraft';
import HANDOFF_SUBMIT from '@salesforce/label/c.Csops_Handoff_Submit';
import HANDOFF_NOACCOUNT from '@salesforce/label/c.Csops_Handoff_NoAccount';
import HANDOFF_READYTOSUBMIT from '@salesforce/label/c.Csops_Handoff_ReadyToSubmit';
import HANDOFF_ITEMMISSING from '@salesforce/label/c.Csops_Handoff_ItemMissing';
import HANDOFF_ITEMSMISSING from '@salesforce/label/c.Csops_Handoff_ItemsMissing';
import HANDOFF_TAGDONE from '@salesforce/label/c.Csops_Handoff_TagDone';
import HANDOFF_TAGREQUIRED from '@salesforce/label/c.Csops_Handoff_TagRequired';
import HANDOFF_TAGOPTIONAL from '@salesforce/label/c.Csops_Handoff_TagOptional';
import HANDOFF_REMOVESTAKEHOLDER from '@salesforce/label/c.Csops_Handoff_RemoveStakeholder';
import HANDOFF_SUBMITTEDON from '@salesforce/label/c.Csops_Handoff_SubmittedOn';
import HANDOFF_SUBMITTED from '@salesforce/label/c.Csops_Handoff_Submitted';
import HANDOFF_CSM from '@salesforce/label/c.Csops_Handoff_Csm';
import HANDOFF_ACCOUNTUNREADABLE from '@salesforce/label/c.Csops_Handoff_AccountUnreadable';
import HANDOFF_BOOKSUNREADABLE from '@salesforce/label/c.Csops_Handoff_BooksUnreadable';
import HANDOFF_TASKSUNREADABLE from '@salesforce/label/c.Csops_Handoff_TasksUnreadable';
import HANDOFF_STILLLOADING from '@salesforce/label/c.Csops_Handoff_StillLoading';
import HANDOFF_CSMALREADYASSIGNED from '@salesforce/label/c.Csops_Handoff_CsmAlreadyAssigned';
import HANDOFF_ROUTEDTO from '@salesforce/label/c.Csops_Handoff_RoutedTo';
import HANDOFF_NOTROUTED from '@salesforce/label/c.Csops_Handoff_NotRouted';
import HANDOFF_TOASTSUBMITTED from '@salesforce/label/c.Csops_Handoff_ToastSubmitted';
import HANDOFF_TOASTSAVED from '@salesforce/label/c.Csops_Handoff_ToastSaved';
import HANDOFF_DRAFTSAVED from '@salesforce/label/c.Csops_Handoff_DraftSaved';
import HANDOFF_NOPLAYBOOK from '@salesforce/label/c.Csops_Handoff_NoPlaybook';
import HANDOFF_TASKSTHERE from '@salesforce/label/c.Csops_Handoff_TasksThere';
import HANDOFF_TASKCREATED from '@salesforce/label/c.Csops_Handoff_TaskCreated';
import HANDOFF_TASKSCREATED from '@salesforce/label/c.Csops_Handoff_TasksCreated';
import HANDOFF_ANDTHERE from '@salesforce/label/c.Csops_Handoff_AndThere';
import HANDOFF_SENTENCE from '@salesforce/label/c.Csops_Handoff_Sentence';

/** The UI text, as custom labels an admin can translate (Setup → Custom Labels). */
const LABELS = {
  title: HANDOFF_TITLE,
  loading: HANDOFF_LOADING,
  noAccess: HANDOFF_NOACCESS,
  loadFailed: HANDOFF_LOADFAILED,
  configInvalid: HANDOFF_CONFIGINVALID,
  completenessBar: HANDOFF_COMPLETENESSBAR,
  openItems: HANDOFF_OPENITEMS,
  checklist: HANDOFF_CHECKLIST,
  required: HANDOFF_REQUIRED,
  stakeholders: HANDOFF_STAKEHOLDERS,
  name: HANDOFF_NAME,
  email: HANDOFF_EMAIL,
  role: HANDOFF_ROLE,
  addStakeholder: HANDOFF_ADDSTAKEHOLDER,
  cantSubmit: HANDOFF_CANTSUBMIT,
  saveDraft: HANDOFF_SAVEDRAFT,
  submit: HANDOFF_SUBMIT,
  noAccount: HANDOFF_NOACCOUNT,
  readyToSubmit: HANDOFF_READYTOSUBMIT,
  itemMissing: HANDOFF_ITEMMISSING,
  itemsMissing: HANDOFF_ITEMSMISSING,
  tagDone: HANDOFF_TAGDONE,
  tagRequired: HANDOFF_TAGREQUIRED,
  tagOptional: HANDOFF_TAGOPTIONAL,
  removeStakeholder: HANDOFF_REMOVESTAKEHOLDER,
  submittedOn: HANDOFF_SUBMITTEDON,
  submitted: HANDOFF_SUBMITTED,
  csm: HANDOFF_CSM,
  accountUnreadable: HANDOFF_ACCOUNTUNREADABLE,
  booksUnreadable: HANDOFF_BOOKSUNREADABLE,
  tasksUnreadable: HANDOFF_TASKSUNREADABLE,
  stillLoading: HANDOFF_STILLLOADING,
  csmAlreadyAssigned: HANDOFF_CSMALREADYASSIGNED,
  routedTo: HANDOFF_ROUTEDTO,
  notRouted: HANDOFF_NOTROUTED,
  toastSubmitted: HANDOFF_TOASTSUBMITTED,
  toastSaved: HANDOFF_TOASTSAVED,
  draftSaved: HANDOFF_DRAFTSAVED,
  noPlaybook: HANDOFF_NOPLAYBOOK,
  tasksThere: HANDOFF_TASKSTHERE,
  taskCreated: HANDOFF_TASKCREATED,
  tasksCreated: HANDOFF_TASKSCREATED,
  andThere: HANDOFF_ANDTHERE,
  sentence: HANDOFF_SENTENCE,
};

let rowId = 0;
const withRowKey = (p) => ({ ...p, rowKey: `row-${++rowId}` });

export default class OpportunityHandoff extends LightningElement {
  labels = LABELS;
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
  /** When an accepted submit first started onboarding (stored before its first Task). */
  startedAt;
  stakeholderProblem;
  dirty = false;
  saving = false;
  saveError;
  inputIssues;
  refusal;

  opportunityName;
  ownerId;
  accountRecord;
  accountError;
  bookResult;
  taskResult;
  /** What the last submit did: { routedText, tasksText }. */
  outcome;

  @wire(getRecord, { recordId: '$recordId', optionalFields: OPPORTUNITY_FIELDS })
  wiredOpportunity({ data, error }) {
    if (data) {
      this.record = data;
      this.recordError = undefined;
      // Not a form field: the stored start stamp always wins, typing or not.
      const started = handoffFromRecord(data).startedAt;
      if (started) this.startedAt = started;
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

  // The Account the handoff goes to: its ARR and segment route it, its CSM field says who has it.
  @wire(getRecord, { recordId: '$accountId', optionalFields: ACCOUNT_ROUTING_FIELDS })
  wiredAccount({ data, error }) {
    if (data) {
      this.accountRecord = data;
      this.accountError = undefined;
    } else if (error) {
      this.accountError = error;
    }
  }

  // Each CSM's book, summed by the platform over the Accounts whose CSM field names them. The
  // aggregate runs with the user's sharing, like every LDS read: no Apex touches record data.
  @wire(graphql, {
    query: gql`
      query csopsCsmBook($csmIds: [ID]) {
        uiapi {
          aggregate {
            Account(
              where: { Csops_CSM__c: { in: $csmIds } }
              groupBy: { Csops_CSM__c: { group: true } }
              first: 2000
            ) {
              edges {
                node {
                  aggregate {
                    Csops_CSM__c {
                      value
                    }
                    Csops_ARR__c {
                      sum {
                        value
                      }
                    }
                    Id {
                      count {
                        value
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    `,
    variables: '$bookVariables',
  })
  wiredBook(result) {
    this.bookResult = result;
  }

  // Onboarding Tasks already created for this Account, found by their action keys.
  @wire(graphql, {
    query: gql`
      query csopsOnboardingTasks($keyPattern: String) {
        uiapi {
          query {
            Task(where: { Csops_Action_Key__c: { like: $keyPattern } }, first: 200) {
              edges {
                node {
                  Id
                  Csops_Action_Key__c {
                    value
                  }
                }
              }
            }
          }
        }
      }
    `,
    variables: '$taskVariables',
  })
  wiredTasks(result) {
    this.taskResult = result;
  }

  get accountId() {
    const entry = this.record && this.record.fields && this.record.fields.AccountId;
    return (entry && entry.value) || undefined;
  }
  get bookVariables() {
    const csms =
      this.settingsResult && this.settingsResult.settings && this.settingsResult.settings.csms;
    return csms && csms.length ? { csmIds: csms.map((c) => c.id) } : undefined;
  }
  get taskVariables() {
    return this.accountId ? { keyPattern: onboardingKeyPattern(this.accountId) } : undefined;
  }

  loadForm(record) {
    const loaded = handoffFromRecord(record);
    this.form = {
      ...loaded.form,
      stakeholders: loaded.form.stakeholders.map(withRowKey),
    };
    this.status = loaded.status;
    this.submittedAt = loaded.submittedAt;
    this.opportunityName = loaded.name;
    this.ownerId = loaded.ownerId;
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
  get completenessBarStyle() {
    return `width: ${this.completeness}%`;
  }
  get completenessText() {
    const e = this.evaluation;
    if (e.readyForOnboarding) return formatLabel(LABELS.readyToSubmit, e.completeness);
    const n = e.blocking.length;
    return formatLabel(n === 1 ? LABELS.itemMissing : LABELS.itemsMissing, e.completeness, n);
  }
  get listedItems() {
    const e = this.evaluation;
    const items = this.showAllItems ? e.items : e.missing;
    return items.map((i) => ({
      key: i.key,
      label: i.label,
      message: i.message,
      tag:
        i.status === 'complete'
          ? LABELS.tagDone
          : i.required
            ? LABELS.tagRequired
            : LABELS.tagOptional,
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

  /** Each checklist item's name, as the core's evaluation labels it. */
  get itemLabels() {
    return Object.fromEntries(this.evaluation.items.map((i) => [i.key, i.label]));
  }
  /** Which items settings require, for the fields' required markers. */
  get itemRequired() {
    return Object.fromEntries(this.evaluation.items.map((i) => [i.key, i.required]));
  }

  get textFields() {
    const e = this.evaluation;
    return TEXT_ITEMS.map((key) => {
      const item = e.items.find((i) => i.key === key);
      return {
        key,
        label: item.label,
        value: this.form[key],
        required: item.required,
        hint: item.status === 'complete' ? '' : item.message,
      };
    });
  }
  get roleOptions() {
    return STAKEHOLDER_ROLES.map((r) => ({ label: STAKEHOLDER_ROLE_TITLES[r], value: r }));
  }
  get stakeholders() {
    return this.form.stakeholders.map((p, index) => ({
      ...p,
      index,
      removeLabel: formatLabel(LABELS.removeStakeholder, index + 1),
      emailProblem: stakeholderEmailProblem(p.email),
    }));
  }
  get hasStakeholders() {
    return this.form.stakeholders.length > 0;
  }
  get submittedText() {
    return this.submittedAt
      ? formatLabel(LABELS.submittedOn, this.submittedAt.slice(0, 10))
      : LABELS.submitted;
  }
  /** Who has the account: what the submit just did, else the CSM the Account names. */
  get routedText() {
    if (this.outcome) return this.outcome.routedText;
    const csmId = this.accountRecord && currentCsm(this.accountRecord);
    return csmId ? formatLabel(LABELS.csm, this.csmName(csmId)) : undefined;
  }
  get tasksText() {
    return this.outcome ? this.outcome.tasksText : undefined;
  }
  csmName(csmId) {
    const settings = this.settingsResult && this.settingsResult.settings;
    const csm = settings && settings.csms.find((c) => c.id === csmId);
    return csm ? csm.name : csmId;
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
    const asOf = new Date().toISOString();
    const problem = this.submitBlocker();
    if (problem) {
      this.saveError = problem;
      return;
    }
    this.persist(true, asOf);
  }

  /** What must be loaded before a submit can start onboarding and route the account. */
  submitBlocker() {
    if (!this.accountId) return LABELS.noAccount;
    if (this.accountError) {
      return formatLabel(LABELS.accountUnreadable, reduceErrors(this.accountError).join(', '));
    }
    const book = this.bookResult;
    if (book && book.errors && this.bookVariables) {
      return formatLabel(LABELS.booksUnreadable, reduceErrors(book.errors).join(', '));
    }
    const tasks = this.taskResult;
    if (tasks && tasks.errors) {
      return formatLabel(LABELS.tasksUnreadable, reduceErrors(tasks.errors).join(', '));
    }
    const bookReady = !this.bookVariables || (book && book.data);
    if (!this.accountRecord || !bookReady || !(tasks && tasks.data)) {
      return LABELS.stillLoading;
    }
    return undefined;
  }

  /** Keys of onboarding Tasks there now: re-read, so a Task made elsewhere since loading counts. */
  async existingTaskKeys() {
    if (this.taskResult && typeof this.taskResult.refresh === 'function') {
      await this.taskResult.refresh();
    }
    return taskKeys(this.taskResult && this.taskResult.data);
  }

  /**
   * Starts onboarding and routes the account, the way the core decides: the onboarding Tasks
   * first (each once), then the Account's CSM, then the submission on the Opportunity — so a
   * failure part way leaves the handoff a draft that a second submit completes without doubles.
   */
  async startOnboarding(asOf) {
    const account = this.accountRecord;
    const submission = submitHandoff(
      toHandoffInput(this.form),
      this.settingsResult.settings,
      asOf,
      {
        account: handoffAccount(account),
        book: this.bookVariables ? bookFromAggregate(this.bookResult.data) : [],
        // A retry submits as the first attempt did, whatever the clock says now: same stamp, so
        // the same Task keys and due dates, and no second set after midnight UTC.
        submittedBefore: this.submittedAt || this.startedAt,
      },
    );
    if (!submission.accepted) return { refusedBecause: submission.refusedBecause };
    if (!this.submittedAt && !this.startedAt) {
      // The stamp is also the claim: written only if nobody changed the Opportunity since this
      // page read it, so a second tab or a colleague submitting at once creates no second set.
      const since = this.record && this.record.lastModifiedDate;
      await updateRecord(
        toStartInput(this.recordId, submission.submittedAt),
        since ? { ifUnmodifiedSince: since } : undefined,
      );
      this.startedAt = submission.submittedAt;
    }
    const { csmId, alreadyAssigned, reason } = submission.assignment;
    const inputs = submission.onboardingActions.map((a) =>
      taskInput(a, {
        accountId: account.id,
        csmId,
        ownerId: this.ownerId,
        opportunityName: this.opportunityName,
      }),
    );
    const tasks = inputs.length ? await this.createTasks(inputs) : { created: [], existing: [] };
    if (submission.csmToStore) {
      await updateRecord({ fields: { Id: account.id, [CSM_FIELD]: submission.csmToStore } });
    }
    return {
      submittedAt: submission.submittedAt,
      routedText: alreadyAssigned
        ? formatLabel(LABELS.csmAlreadyAssigned, this.csmName(csmId))
        : csmId
          ? formatLabel(LABELS.routedTo, this.csmName(csmId))
          : formatLabel(LABELS.notRouted, reason),
      tasksText: tasksSummary(tasks),
    };
  }

  /** Creates the Tasks not there yet; the Account's standard Activity list is then refreshed. */
  async createTasks(inputs) {
    let made = 0;
    const create = async (input) => {
      const record = await createRecord(input);
      made++;
      return record;
    };
    try {
      return await createTasksOnce(inputs, await this.existingTaskKeys(), create);
    } finally {
      // Even when a later Task failed, the ones made are real: related lists must show them.
      if (made) this.dispatchEvent(new RefreshEvent());
    }
  }

  async persist(submitting, asOf) {
    if (this.saving) return;
    this.saving = true;
    this.saveError = undefined;
    try {
      let submittedAt;
      if (submitting) {
        const started = await this.startOnboarding(asOf);
        if (started.refusedBecause) {
          this.refusal = started.refusedBecause.map((text) => ({ key: text, text }));
          return;
        }
        this.outcome = started;
        submittedAt = started.submittedAt;
      }
      await updateRecord(toRecordInput(this.recordId, this.form, this.evaluation, submittedAt));
      this.dirty = false;
      if (submittedAt) {
        this.status = 'submitted';
        this.submittedAt = submittedAt;
        // Standard components on the page (highlights, related lists) show the submission.
        this.dispatchEvent(new RefreshEvent());
      }
      this.dispatchEvent(
        new ShowToastEvent({
          title: submittedAt ? LABELS.toastSubmitted : LABELS.toastSaved,
          message: submittedAt
            ? `${this.outcome.routedText}. ${this.outcome.tasksText}`
            : LABELS.draftSaved,
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

function tasksSummary({ created, existing }) {
  const n = created.length;
  if (n === 0 && existing.length === 0) return LABELS.noPlaybook;
  if (n === 0) return LABELS.tasksThere;
  const made = n === 1 ? LABELS.taskCreated : formatLabel(LABELS.tasksCreated, n);
  return existing.length
    ? formatLabel(LABELS.andThere, made, existing.length)
    : formatLabel(LABELS.sentence, made);
}
