/**
 * Opportunity fields ↔ the core's HandoffInput. The checklist lives in separate fields so reports
 * and flows can use them; stakeholders are a JSON list in one long text field.
 */
import GOALS from '@salesforce/schema/Opportunity.Csops_Customer_Goals__c';
import CRITERIA from '@salesforce/schema/Opportunity.Csops_Success_Criteria__c';
import TECHNICAL from '@salesforce/schema/Opportunity.Csops_Technical_Requirements__c';
import IMPLEMENTATION from '@salesforce/schema/Opportunity.Csops_Implementation_Requirements__c';
import STAKEHOLDERS from '@salesforce/schema/Opportunity.Csops_Stakeholders__c';
import ALTERNATIVES from '@salesforce/schema/Opportunity.Csops_Competitive_Alternatives__c';
import PROMISES from '@salesforce/schema/Opportunity.Csops_Promises_Made__c';
import CONTRACT_EXECUTED from '@salesforce/schema/Opportunity.Csops_Contract_Executed__c';
import PAYMENT_TERMS from '@salesforce/schema/Opportunity.Csops_Payment_Terms_Confirmed__c';
import KICKOFF from '@salesforce/schema/Opportunity.Csops_Kickoff_Date__c';
import STATUS from '@salesforce/schema/Opportunity.Csops_Handoff_Status__c';
import COMPLETENESS from '@salesforce/schema/Opportunity.Csops_Handoff_Completeness__c';
import SUBMITTED_AT from '@salesforce/schema/Opportunity.Csops_Handoff_Submitted_At__c';
import STARTED_AT from '@salesforce/schema/Opportunity.Csops_Handoff_Started_At__c';
import OPPORTUNITY_NAME from '@salesforce/schema/Opportunity.Name';
import ACCOUNT_ID from '@salesforce/schema/Opportunity.AccountId';
import OWNER_ID from '@salesforce/schema/Opportunity.OwnerId';

/** Checklist item → the Opportunity field that holds it. */
export const ITEM_FIELDS = {
  customerGoals: GOALS,
  successCriteria: CRITERIA,
  technicalRequirements: TECHNICAL,
  implementationRequirements: IMPLEMENTATION,
  stakeholders: STAKEHOLDERS,
  competitiveAlternatives: ALTERNATIVES,
  promisesMade: PROMISES,
  contractExecuted: CONTRACT_EXECUTED,
  paymentTermsConfirmed: PAYMENT_TERMS,
  kickoffDate: KICKOFF,
};
export const TEXT_ITEMS = [
  'customerGoals',
  'successCriteria',
  'technicalRequirements',
  'implementationRequirements',
  'competitiveAlternatives',
  'promisesMade',
];
export const CHECKBOX_ITEMS = ['contractExecuted', 'paymentTermsConfirmed'];

export const OPPORTUNITY_FIELDS = [
  OPPORTUNITY_NAME,
  ACCOUNT_ID,
  OWNER_ID,
  ...Object.values(ITEM_FIELDS),
  STATUS,
  COMPLETENESS,
  SUBMITTED_AT,
  STARTED_AT,
].map((f) => `${f.objectApiName}.${f.fieldApiName}`);

const fieldValue = (record, f) => {
  const entry = record && record.fields && record.fields[f.fieldApiName];
  return entry && entry.value !== null ? entry.value : undefined;
};

/** Stakeholders saved by older versions or edited by hand may not parse: start from an empty list. */
export function parseStakeholders(raw) {
  if (!raw) return { stakeholders: [] };
  try {
    const list = JSON.parse(raw);
    if (!Array.isArray(list)) throw new Error('not a list');
    return {
      stakeholders: list.map((p) => ({
        name: typeof p.name === 'string' ? p.name : '',
        email: typeof p.email === 'string' ? p.email : '',
        role: typeof p.role === 'string' ? p.role : 'other',
      })),
    };
  } catch (e) {
    return {
      stakeholders: [],
      problem: `Stakeholders could not be read (${e.message}); add them again.`,
    };
  }
}

/** The form's starting state from the Opportunity record. */
export function handoffFromRecord(record) {
  const form = {};
  TEXT_ITEMS.forEach((key) => {
    form[key] = fieldValue(record, ITEM_FIELDS[key]) || '';
  });
  CHECKBOX_ITEMS.forEach((key) => {
    form[key] = fieldValue(record, ITEM_FIELDS[key]) === true;
  });
  form.kickoffDate = fieldValue(record, KICKOFF) || '';
  const { stakeholders, problem } = parseStakeholders(fieldValue(record, STAKEHOLDERS));
  form.stakeholders = stakeholders;
  return {
    form,
    stakeholderProblem: problem,
    status: fieldValue(record, STATUS) || 'draft',
    submittedAt: fieldValue(record, SUBMITTED_AT),
    startedAt: fieldValue(record, STARTED_AT),
    name: fieldValue(record, OPPORTUNITY_NAME),
    accountId: fieldValue(record, ACCOUNT_ID),
    ownerId: fieldValue(record, OWNER_ID),
  };
}

/**
 * The updateRecord input that stores when an accepted submit started onboarding, before its first
 * Task: a retry, even on another day, submits with this stamp and so makes the same Task keys.
 */
export function toStartInput(recordId, startedAt) {
  return { fields: { Id: recordId, [STARTED_AT.fieldApiName]: startedAt } };
}

/** The form as the core's HandoffInput: blanks are left for the core to report as missing. */
export function toHandoffInput(form) {
  const input = {};
  TEXT_ITEMS.forEach((key) => {
    input[key] = form[key] || undefined;
  });
  CHECKBOX_ITEMS.forEach((key) => {
    input[key] = form[key] === true;
  });
  input.kickoffDate = form.kickoffDate || undefined;
  input.stakeholders = form.stakeholders.map((p) => ({
    name: p.name || '',
    email: p.email || undefined,
    role: p.role,
  }));
  return input;
}

/**
 * The updateRecord input that saves the form with the completeness it reached. With submittedAt
 * it also records the submission; without it the handoff stays a draft.
 */
export function toRecordInput(recordId, form, evaluation, submittedAt) {
  const fields = { Id: recordId };
  TEXT_ITEMS.forEach((key) => {
    fields[ITEM_FIELDS[key].fieldApiName] = form[key] || null;
  });
  CHECKBOX_ITEMS.forEach((key) => {
    fields[ITEM_FIELDS[key].fieldApiName] = form[key] === true;
  });
  fields[KICKOFF.fieldApiName] = form.kickoffDate || null;
  fields[STAKEHOLDERS.fieldApiName] = form.stakeholders.length
    ? JSON.stringify(
        form.stakeholders.map((p) => ({ name: p.name, email: p.email || undefined, role: p.role })),
      )
    : null;
  fields[COMPLETENESS.fieldApiName] = evaluation.completeness;
  fields[STATUS.fieldApiName] = submittedAt ? 'submitted' : 'draft';
  if (submittedAt) fields[SUBMITTED_AT.fieldApiName] = submittedAt;
  return { fields };
}
