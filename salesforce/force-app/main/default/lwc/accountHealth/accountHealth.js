import { LightningElement, api, wire } from 'lwc';
import { getRecord, createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent } from 'lightning/refresh';
import getSettings from '@salesforce/apex/CsopsSettingsController.getSettings';
import OPPORTUNITY_OBJECT from '@salesforce/schema/Opportunity';
import OPP_NAME from '@salesforce/schema/Opportunity.Name';
import OPP_ACCOUNT from '@salesforce/schema/Opportunity.AccountId';
import OPP_AMOUNT from '@salesforce/schema/Opportunity.Amount';
import OPP_CLOSE_DATE from '@salesforce/schema/Opportunity.CloseDate';
import OPP_STAGE from '@salesforce/schema/Opportunity.StageName';
import OPP_DESCRIPTION from '@salesforce/schema/Opportunity.Description';
import OPP_EXPANSION_KEY from '@salesforce/schema/Opportunity.Csops_Expansion_Key__c';
import { displayScore, driversToShow, evaluateAccount } from 'c/csopsCore';
import { settingsFromRecord } from 'c/csopsSettings';
import { reduceErrors, isNoAccess, isDuplicateValue } from 'c/csopsLds';
import {
  ACCOUNT_FIELDS,
  CASES,
  CONTACTS,
  OPPORTUNITIES,
  EVENTS,
  RELATED_PAGE_SIZE,
  toAccountSnapshot,
  storedHealth,
  hasOpenExpansion,
  findExpansion,
  healthWriteBack,
} from 'c/csopsAccountMapping';
import { formatLabel } from 'c/csopsLabels';
import {
  TASKS,
  accountTaskList,
  closedHereAs,
  taskClosure,
  skipReasonProblem,
  SKIP_REASON_LIMIT,
} from './playbookTasks';
import HEALTH_TITLE from '@salesforce/label/c.Csops_Health_Title';
import HEALTH_LOADING from '@salesforce/label/c.Csops_Health_Loading';
import HEALTH_NOACCESS from '@salesforce/label/c.Csops_Health_NoAccess';
import HEALTH_LOADFAILED from '@salesforce/label/c.Csops_Health_LoadFailed';
import HEALTH_CONFIGINVALID from '@salesforce/label/c.Csops_Health_ConfigInvalid';
import HEALTH_NODATA from '@salesforce/label/c.Csops_Health_NoData';
import HEALTH_SCORESECTION from '@salesforce/label/c.Csops_Health_ScoreSection';
import HEALTH_OUTOF100 from '@salesforce/label/c.Csops_Health_OutOf100';
import HEALTH_TREND from '@salesforce/label/c.Csops_Health_Trend';
import HEALTH_COVERAGEBAR from '@salesforce/label/c.Csops_Health_CoverageBar';
import HEALTH_DRIVERS from '@salesforce/label/c.Csops_Health_Drivers';
import HEALTH_RENEWAL from '@salesforce/label/c.Csops_Health_Renewal';
import HEALTH_ARRATRISK from '@salesforce/label/c.Csops_Health_ArrAtRisk';
import HEALTH_PLAYBOOKSTEPS from '@salesforce/label/c.Csops_Health_PlaybookSteps';
import HEALTH_OVERDUE from '@salesforce/label/c.Csops_Health_Overdue';
import HEALTH_DUETODAY from '@salesforce/label/c.Csops_Health_DueToday';
import HEALTH_DUE from '@salesforce/label/c.Csops_Health_Due';
import HEALTH_ONLYIFOPEN from '@salesforce/label/c.Csops_Health_OnlyIfOpen';
import HEALTH_NOACTIONS from '@salesforce/label/c.Csops_Health_NoActions';
import HEALTH_EXPANSION from '@salesforce/label/c.Csops_Health_Expansion';
import HEALTH_NOEXPANSION from '@salesforce/label/c.Csops_Health_NoExpansion';
import HEALTH_HELDBACK from '@salesforce/label/c.Csops_Health_HeldBack';
import HEALTH_EXPANSIONCREATED from '@salesforce/label/c.Csops_Health_ExpansionCreated';
import HEALTH_EXPANSIONEXISTS from '@salesforce/label/c.Csops_Health_ExpansionExists';
import HEALTH_LIFTSHEALTH from '@salesforce/label/c.Csops_Health_LiftsHealth';
import HEALTH_LOWERSHEALTH from '@salesforce/label/c.Csops_Health_LowersHealth';
import HEALTH_NEUTRAL from '@salesforce/label/c.Csops_Health_Neutral';
import HEALTH_NOTSAVED from '@salesforce/label/c.Csops_Health_NotSaved';
import HEALTH_FIRSTSCORING from '@salesforce/label/c.Csops_Health_FirstScoring';
import HEALTH_TRENDSINCE from '@salesforce/label/c.Csops_Health_TrendSince';
import HEALTH_NODATAFOR from '@salesforce/label/c.Csops_Health_NoDataFor';
import HEALTH_BASEDON from '@salesforce/label/c.Csops_Health_BasedOn';
import HEALTH_OUTOFDATE from '@salesforce/label/c.Csops_Health_OutOfDate';
import HEALTH_HIDEMEASURES from '@salesforce/label/c.Csops_Health_HideMeasures';
import HEALTH_ALLMEASURES from '@salesforce/label/c.Csops_Health_AllMeasures';
import HEALTH_RISK from '@salesforce/label/c.Csops_Health_Risk';
import HEALTH_NORENEWALDATE from '@salesforce/label/c.Csops_Health_NoRenewalDate';
import HEALTH_RENEWALPASSED from '@salesforce/label/c.Csops_Health_RenewalPassed';
import HEALTH_RENEWSIN from '@salesforce/label/c.Csops_Health_RenewsIn';
import HEALTH_CREATING from '@salesforce/label/c.Csops_Health_Creating';
import HEALTH_CREATEEXPANSION from '@salesforce/label/c.Csops_Health_CreateExpansion';
import HEALTH_ALREADYEXISTSREFRESH from '@salesforce/label/c.Csops_Health_AlreadyExistsRefresh';
import HEALTH_PLAYBOOKTASKS from '@salesforce/label/c.Csops_Health_PlaybookTasks';
import HEALTH_MARKDONE from '@salesforce/label/c.Csops_Health_MarkDone';
import HEALTH_SKIP from '@salesforce/label/c.Csops_Health_Skip';
import HEALTH_SKIPREASON from '@salesforce/label/c.Csops_Health_SkipReason';
import HEALTH_SAVESKIP from '@salesforce/label/c.Csops_Health_SaveSkip';
import HEALTH_CANCEL from '@salesforce/label/c.Csops_Health_Cancel';
import HEALTH_SAVING from '@salesforce/label/c.Csops_Health_Saving';
import HEALTH_DONE from '@salesforce/label/c.Csops_Health_Done';
import HEALTH_SKIPPED from '@salesforce/label/c.Csops_Health_Skipped';
import HEALTH_DUEON from '@salesforce/label/c.Csops_Health_DueOn';
import HEALTH_NODUEDATE from '@salesforce/label/c.Csops_Health_NoDueDate';
import HEALTH_UNASSIGNED from '@salesforce/label/c.Csops_Health_Unassigned';
import HEALTH_OPENTASK from '@salesforce/label/c.Csops_Health_OpenTask';
import HEALTH_SKIPREASONMISSING from '@salesforce/label/c.Csops_Health_SkipReasonMissing';
import HEALTH_SKIPREASONTOOLONG from '@salesforce/label/c.Csops_Health_SkipReasonTooLong';
import HEALTH_TASKNOTSAVED from '@salesforce/label/c.Csops_Health_TaskNotSaved';
import HEALTH_TASKSOPEN from '@salesforce/label/c.Csops_Health_TasksOpen';

/** The UI text, as custom labels an admin can translate (Setup → Custom Labels). */
const LABELS = {
  title: HEALTH_TITLE,
  loading: HEALTH_LOADING,
  noAccess: HEALTH_NOACCESS,
  loadFailed: HEALTH_LOADFAILED,
  configInvalid: HEALTH_CONFIGINVALID,
  noData: HEALTH_NODATA,
  scoreSection: HEALTH_SCORESECTION,
  outOf100: HEALTH_OUTOF100,
  trend: HEALTH_TREND,
  coverageBar: HEALTH_COVERAGEBAR,
  drivers: HEALTH_DRIVERS,
  renewal: HEALTH_RENEWAL,
  arrAtRisk: HEALTH_ARRATRISK,
  playbookSteps: HEALTH_PLAYBOOKSTEPS,
  overdue: HEALTH_OVERDUE,
  dueToday: HEALTH_DUETODAY,
  due: HEALTH_DUE,
  onlyIfOpen: HEALTH_ONLYIFOPEN,
  noActions: HEALTH_NOACTIONS,
  expansion: HEALTH_EXPANSION,
  noExpansion: HEALTH_NOEXPANSION,
  heldBack: HEALTH_HELDBACK,
  expansionCreated: HEALTH_EXPANSIONCREATED,
  expansionExists: HEALTH_EXPANSIONEXISTS,
  liftsHealth: HEALTH_LIFTSHEALTH,
  lowersHealth: HEALTH_LOWERSHEALTH,
  neutral: HEALTH_NEUTRAL,
  notSaved: HEALTH_NOTSAVED,
  firstScoring: HEALTH_FIRSTSCORING,
  trendSince: HEALTH_TRENDSINCE,
  noDataFor: HEALTH_NODATAFOR,
  basedOn: HEALTH_BASEDON,
  outOfDate: HEALTH_OUTOFDATE,
  hideMeasures: HEALTH_HIDEMEASURES,
  allMeasures: HEALTH_ALLMEASURES,
  risk: HEALTH_RISK,
  noRenewalDate: HEALTH_NORENEWALDATE,
  renewalPassed: HEALTH_RENEWALPASSED,
  renewsIn: HEALTH_RENEWSIN,
  creating: HEALTH_CREATING,
  createExpansion: HEALTH_CREATEEXPANSION,
  alreadyExistsRefresh: HEALTH_ALREADYEXISTSREFRESH,
  playbookTasks: HEALTH_PLAYBOOKTASKS,
  markDone: HEALTH_MARKDONE,
  skip: HEALTH_SKIP,
  skipReason: HEALTH_SKIPREASON,
  saveSkip: HEALTH_SAVESKIP,
  cancel: HEALTH_CANCEL,
  saving: HEALTH_SAVING,
  done: HEALTH_DONE,
  skipped: HEALTH_SKIPPED,
  dueOn: HEALTH_DUEON,
  noDueDate: HEALTH_NODUEDATE,
  unassigned: HEALTH_UNASSIGNED,
  openTask: HEALTH_OPENTASK,
  skipReasonMissing: HEALTH_SKIPREASONMISSING,
  skipReasonTooLong: HEALTH_SKIPREASONTOOLONG,
  taskNotSaved: HEALTH_TASKNOTSAVED,
  tasksOpen: HEALTH_TASKSOPEN,
};

const BAND_THEMES = {
  green: 'slds-theme_success',
  yellow: 'slds-theme_warning',
  red: 'slds-theme_error',
};
const RISK_THEMES = {
  low: 'slds-theme_success',
  medium: 'slds-theme_warning',
  high: 'slds-theme_error',
  critical: 'slds-theme_error',
};
const TREND_ICONS = {
  up: 'utility:arrowup',
  down: 'utility:arrowdown',
  flat: 'utility:forward',
  new: 'utility:new',
};

/** A wire result not yet answered is loading; an error on a related list only drops its signals. */
const PENDING = undefined;

function driverLine(d) {
  return {
    key: d.measure,
    label: d.label,
    score: displayScore(d.score),
    reason: d.reason,
    icon:
      d.direction === 'positive'
        ? 'utility:arrowup'
        : d.direction === 'negative'
          ? 'utility:arrowdown'
          : 'utility:dash',
    iconText:
      d.direction === 'positive'
        ? LABELS.liftsHealth
        : d.direction === 'negative'
          ? LABELS.lowersHealth
          : LABELS.neutral,
  };
}

export default class AccountHealth extends LightningElement {
  labels = LABELS;
  showAllMeasures = false;
  @api recordId;
  /** Number of drivers listed (design-time property). */
  @api driversShown = 3;
  /** Hide the expansion section, e.g. on pages for support agents. */
  @api hideExpansion = false;
  /** Write score, band and risk back to the Account for lists, reports and flows. */
  @api skipWriteBack = false;
  /** Stage of a created expansion Opportunity; must be a value of the org's Stage picklist. */
  @api expansionStage = 'Prospecting';
  /** DeveloperName of the Csops_Settings__mdt record to use. */
  @api settingsRecord = 'Default';

  account = PENDING;
  accountError;
  lists = { cases: PENDING, contacts: PENDING, opportunities: PENDING, events: PENDING };
  settingsResult = PENDING;
  settingsError;

  evaluation;
  configIssues;
  writeBackError;
  creating = false;
  createdExpansion;
  createError;
  writtenFor;
  tasksPage = PENDING;
  /** Per open Task: { saving, skipping, reason, error }. */
  taskStates = {};
  closedHere = {};

  @wire(getRecord, { recordId: '$recordId', optionalFields: ACCOUNT_FIELDS })
  wiredAccount({ data, error }) {
    if (data) {
      this.account = data;
      this.accountError = undefined;
    } else if (error) {
      this.account = null;
      this.accountError = error;
    }
    this.evaluate();
  }

  @wire(getSettings, { recordName: '$settingsRecord' })
  wiredSettings({ data, error }) {
    if (data !== undefined) {
      this.settingsResult = settingsFromRecord(data);
      this.settingsError = undefined;
    } else if (error) {
      this.settingsResult = null;
      this.settingsError = error;
    }
    this.evaluate();
  }

  @wire(getRelatedListRecords, {
    parentRecordId: '$recordId',
    relatedListId: CASES.relatedListId,
    fields: CASES.fields,
    sortBy: CASES.sortBy,
    pageSize: RELATED_PAGE_SIZE,
  })
  wiredCases(result) {
    this.setList('cases', result);
  }

  @wire(getRelatedListRecords, {
    parentRecordId: '$recordId',
    relatedListId: CONTACTS.relatedListId,
    fields: CONTACTS.fields,
    optionalFields: CONTACTS.optionalFields,
    pageSize: RELATED_PAGE_SIZE,
  })
  wiredContacts(result) {
    this.setList('contacts', result);
  }

  @wire(getRelatedListRecords, {
    parentRecordId: '$recordId',
    relatedListId: OPPORTUNITIES.relatedListId,
    fields: OPPORTUNITIES.fields,
    optionalFields: OPPORTUNITIES.optionalFields,
    pageSize: RELATED_PAGE_SIZE,
  })
  wiredOpportunities(result) {
    this.setList('opportunities', result);
  }

  @wire(getRelatedListRecords, {
    parentRecordId: '$recordId',
    relatedListId: EVENTS.relatedListId,
    fields: EVENTS.fields,
    optionalFields: EVENTS.optionalFields,
    sortBy: EVENTS.sortBy,
    pageSize: RELATED_PAGE_SIZE,
  })
  wiredEvents(result) {
    this.setList('events', result);
  }

  // Kept apart from the scoring inputs: the score shows without them, the due steps stand in.
  @wire(getRelatedListRecords, {
    parentRecordId: '$recordId',
    relatedListId: TASKS.relatedListId,
    fields: TASKS.fields,
    optionalFields: TASKS.optionalFields,
    sortBy: TASKS.sortBy,
    pageSize: RELATED_PAGE_SIZE,
  })
  wiredTasks({ data, error }) {
    if (data) this.tasksPage = data;
    else if (error) this.tasksPage = null;
  }

  setList(key, { data, error }) {
    if (data) this.lists = { ...this.lists, [key]: data };
    else if (error) this.lists = { ...this.lists, [key]: null };
    this.evaluate();
  }

  get loaded() {
    return (
      this.account !== PENDING &&
      this.settingsResult !== PENDING &&
      Object.values(this.lists).every((l) => l !== PENDING)
    );
  }

  evaluate() {
    if (!this.loaded || !this.account || !this.settingsResult) return;
    if (this.settingsResult.issues) {
      this.configIssues = this.settingsResult.issues;
      this.evaluation = undefined;
      return;
    }
    this.configIssues = undefined;
    const asOf = new Date().toISOString();
    const related = {
      cases: this.lists.cases || undefined,
      contacts: this.lists.contacts || undefined,
      opportunities: this.lists.opportunities || undefined,
      events: this.lists.events || undefined,
    };
    const snapshot = toAccountSnapshot({ account: this.account, ...related, asOf });
    this.evaluation = evaluateAccount(snapshot, this.settingsResult.settings, {
      stored: storedHealth(this.account),
      openExpansionDeal: hasOpenExpansion(related.opportunities),
    });
    this.writeBack(asOf);
  }

  async writeBack(asOf) {
    if (this.skipWriteBack) return;
    const input = healthWriteBack(this.account, this.evaluation.writeBack);
    const signature =
      input && JSON.stringify({ ...input.fields, Csops_Health_Updated_At__c: asOf.slice(0, 10) });
    // One write per distinct result: the wires re-fire after our own update.
    if (!input || signature === this.writtenFor) return;
    this.writtenFor = signature;
    try {
      await updateRecord(input);
      this.writeBackError = undefined;
    } catch (error) {
      this.writeBackError = formatLabel(LABELS.notSaved, reduceErrors(error).join(', '));
    }
  }

  // ---- states

  get isLoading() {
    return !this.loaded && !this.accountError && !this.settingsError;
  }
  get noAccess() {
    return isNoAccess(this.accountError) || isNoAccess(this.settingsError);
  }
  get errorMessage() {
    if (this.noAccess) return undefined;
    const errors = [this.accountError, this.settingsError].filter((e) => e);
    return errors.length ? reduceErrors(errors).join(', ') : undefined;
  }
  get hasConfigIssues() {
    return !!this.configIssues;
  }
  get hasNoData() {
    return !!this.evaluation && this.evaluation.health.score === null;
  }
  get hasScore() {
    return !!this.evaluation && this.evaluation.health.score !== null;
  }

  // ---- health

  get health() {
    return this.evaluation.health;
  }
  get scoreText() {
    return this.evaluation.display.score;
  }
  get bandLabel() {
    return this.evaluation.display.band;
  }
  get bandClass() {
    return `slds-badge ${BAND_THEMES[this.health.band]}`;
  }
  get trendIcon() {
    return TREND_ICONS[this.health.trend.direction];
  }
  get trendText() {
    const t = this.health.trend;
    if (t.direction === 'new' || t.delta === undefined) return LABELS.firstScoring;
    return formatLabel(
      LABELS.trendSince,
      this.evaluation.display.trend,
      (t.previousAsOf || '').slice(0, 10),
    );
  }
  /** The progress bar's value: the share itself, unrounded. */
  get coverageBarStyle() {
    return `width: ${this.coveragePercent}%`;
  }
  get coveragePercent() {
    return this.health.coverage * 100;
  }
  get coverageText() {
    const missing = this.health.missing.length
      ? ` ${formatLabel(LABELS.noDataFor, this.measureLabels(this.health.missing))}`
      : '';
    return formatLabel(LABELS.basedOn, this.evaluation.display.coverage, missing);
  }
  get staleText() {
    return this.health.stale.length
      ? formatLabel(LABELS.outOfDate, this.measureLabels(this.health.stale))
      : undefined;
  }
  measureLabels(keys) {
    return keys
      .map((k) => {
        const m = this.health.measures.find((x) => x.key === k);
        return m ? m.label : k;
      })
      .join(', ');
  }
  get drivers() {
    const shown = Math.max(0, Number(this.driversShown) || 0);
    return driversToShow(this.health.drivers, shown).map(driverLine);
  }
  get allMeasures() {
    return this.health.drivers.map(driverLine);
  }
  get allMeasuresLabel() {
    return formatLabel(
      this.showAllMeasures ? LABELS.hideMeasures : LABELS.allMeasures,
      this.health.drivers.length,
    );
  }
  handleToggleMeasures() {
    this.showAllMeasures = !this.showAllMeasures;
  }

  // ---- renewal

  get risk() {
    return this.evaluation.risk;
  }
  get riskLabel() {
    return formatLabel(LABELS.risk, this.evaluation.display.risk);
  }
  get riskClass() {
    return `slds-badge ${RISK_THEMES[this.risk.level]}`;
  }
  get renewalText() {
    const r = this.risk;
    if (r.daysToRenewal === null) return LABELS.noRenewalDate;
    const days = Math.round(r.daysToRenewal);
    if (r.overdue)
      return formatLabel(LABELS.renewalPassed, Math.abs(days), r.renewalDate.slice(0, 10));
    return formatLabel(LABELS.renewsIn, days, r.renewalDate.slice(0, 10));
  }
  get hasArrAtRisk() {
    return this.risk.arrAtRisk > 0;
  }
  get riskReasons() {
    return this.risk.reasons.map((r) => ({ key: r.code, message: r.message }));
  }

  // ---- playbooks

  get actions() {
    return [...this.evaluation.actions]
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
      .map((a) => ({
        key: a.key,
        title: a.title,
        playbook: a.playbookName,
        reason: a.triggerReason,
        dueAt: a.dueAt,
        overdue: a.overdue,
        dueToday: a.dueToday,
        onlyIfOpen: a.onlyIfOpen,
        onlyIfOpenText: a.onlyIfOpen ? formatLabel(LABELS.onlyIfOpen, a.onlyIfOpen) : undefined,
      }));
  }
  get hasActions() {
    return this.evaluation.actions.length > 0;
  }

  // ---- playbook tasks

  get taskList() {
    return this.tasksPage
      ? accountTaskList(this.tasksPage, new Date().toISOString(), this.closedHere)
      : undefined;
  }
  get hasTasks() {
    const list = this.taskList;
    return !!list && list.tasks.length > 0;
  }
  get tasksSummary() {
    const list = this.taskList;
    return formatLabel(LABELS.tasksOpen, list.open, list.overdue);
  }
  get tasks() {
    return this.taskList.tasks.map((t) => {
      const state = this.taskStates[t.id] || {};
      const open = t.status === 'open';
      return {
        ...t,
        open,
        url: `/lightning/r/Task/${t.id}/view`,
        owner: t.ownerName || t.ownerId || LABELS.unassigned,
        outcome: t.status === 'skipped' ? LABELS.skipped : LABELS.done,
        rowClass: `task slds-var-m-top_x-small${open ? '' : ' task_closed slds-text-color_weak'}`,
        saving: !!state.saving,
        skipping: !!state.skipping,
        reason: state.reason || '',
        error: state.error,
        markDoneLabel: state.saving === 'done' ? LABELS.saving : LABELS.markDone,
        saveSkipLabel: state.saving === 'skipped' ? LABELS.saving : LABELS.saveSkip,
      };
    });
  }
  setTaskState(id, change) {
    this.taskStates = { ...this.taskStates, [id]: { ...this.taskStates[id], ...change } };
  }
  findTask(id) {
    const list = this.taskList;
    return list && list.tasks.find((t) => t.id === id);
  }
  handleMarkDone(event) {
    this.closeTask(event.target.dataset.id, 'done');
  }
  handleSkipStart(event) {
    this.setTaskState(event.target.dataset.id, { skipping: true, error: undefined });
  }
  handleSkipCancel(event) {
    this.setTaskState(event.target.dataset.id, { skipping: false, reason: '' });
  }
  handleSkipReason(event) {
    this.setTaskState(event.target.dataset.id, { reason: event.detail.value });
  }
  handleSkipSave(event) {
    const id = event.target.dataset.id;
    const field = this.template.querySelector(`lightning-textarea[data-id="${id}"]`);
    const reason = (this.taskStates[id] || {}).reason || '';
    const problem = skipReasonProblem(reason);
    if (field) {
      field.setCustomValidity(problem ? formatLabel(LABELS[problem], SKIP_REASON_LIMIT) : '');
      field.reportValidity();
    }
    if (!problem) this.closeTask(id, 'skipped', reason);
  }

  async closeTask(id, outcome, reason) {
    const task = this.findTask(id);
    // One save per Task at a time: a second click while the first is in flight does nothing.
    if (!task || task.status !== 'open' || (this.taskStates[id] || {}).saving) return;
    this.setTaskState(id, { saving: outcome, error: undefined });
    try {
      await updateRecord(taskClosure(task, outcome, reason));
      this.setTaskState(id, { saving: false, skipping: false, reason: '' });
      this.closedHere = {
        ...this.closedHere,
        [id]: closedHereAs(outcome, reason || '', new Date().toISOString()),
      };
      // The Task list here and the Account's standard activity lists read the closed Task again.
      this.dispatchEvent(new RefreshEvent());
    } catch (error) {
      this.setTaskState(id, {
        saving: false,
        error: formatLabel(LABELS.taskNotSaved, reduceErrors(error).join(', ')),
      });
    }
  }

  // ---- expansion

  get showExpansion() {
    return !this.hideExpansion && this.hasScore;
  }
  get expansion() {
    return this.evaluation.expansion;
  }
  get expansionSignals() {
    return this.expansion.signals.map((s) => ({ key: s.code, message: s.message }));
  }
  get hasExpansionSignals() {
    return this.expansion.signals.length > 0;
  }
  get heldBackReasons() {
    return (this.expansion.heldBackBecause || []).map((message) => ({ key: message, message }));
  }
  get hasHeldBack() {
    return this.hasExpansionSignals && this.heldBackReasons.length > 0;
  }
  get draft() {
    return this.expansion.draft;
  }
  get existingExpansion() {
    if (!this.draft) return undefined;
    if (this.createdExpansion && this.createdExpansion.key === this.draft.idempotencyKey) {
      return this.createdExpansion;
    }
    const found = findExpansion(this.lists.opportunities || undefined, this.draft.idempotencyKey);
    return found ? { id: found.id, key: this.draft.idempotencyKey } : undefined;
  }
  get existingExpansionUrl() {
    const existing = this.existingExpansion;
    return existing && existing.id ? `/lightning/r/Opportunity/${existing.id}/view` : undefined;
  }
  get createDisabled() {
    return this.creating || !!this.existingExpansion;
  }
  get createLabel() {
    return this.creating ? LABELS.creating : LABELS.createExpansion;
  }

  async handleCreateExpansion() {
    const draft = this.draft;
    // A second click while the first is in flight, or after it succeeded, creates nothing.
    if (!draft || this.creating || this.existingExpansion) return;
    this.creating = true;
    this.createError = undefined;
    try {
      const record = await createRecord({
        apiName: OPPORTUNITY_OBJECT.objectApiName,
        fields: {
          [OPP_NAME.fieldApiName]: draft.name,
          [OPP_ACCOUNT.fieldApiName]: this.recordId,
          [OPP_AMOUNT.fieldApiName]: draft.amount,
          [OPP_CLOSE_DATE.fieldApiName]: draft.closeDate.slice(0, 10),
          [OPP_STAGE.fieldApiName]: this.expansionStage,
          [OPP_DESCRIPTION.fieldApiName]: `${draft.reason}\nAmount: ${draft.amountBasis}`,
          [OPP_EXPANSION_KEY.fieldApiName]: draft.idempotencyKey,
        },
      });
      this.createdExpansion = { id: record.id, key: draft.idempotencyKey };
      // The Account's standard Opportunities list shows the new deal without a page reload.
      this.dispatchEvent(new RefreshEvent());
      this.dispatchEvent(
        new ShowToastEvent({
          title: LABELS.expansionCreated,
          message: draft.name,
          variant: 'success',
        }),
      );
    } catch (error) {
      // The key is unique: someone else created this expansion since the page loaded.
      if (isDuplicateValue(error)) {
        this.createdExpansion = { key: draft.idempotencyKey };
        this.createError = LABELS.alreadyExistsRefresh;
      } else {
        this.createError = reduceErrors(error).join(', ');
      }
    } finally {
      this.creating = false;
    }
  }
}
