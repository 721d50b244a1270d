/**
 * What submitting a handoff starts in Salesforce: the onboarding playbook's steps as Tasks (each
 * once, found again by its action key) and the account routed to a CSM by segment and capacity.
 * The rules are the core's (submitHandoff); this module only maps records in and
 * Task and Account writes out, so the component stays a thin adapter.
 */
import { isDuplicateValue } from 'c/csopsLds';
import ACCOUNT_NAME from '@salesforce/schema/Account.Name';
import ARR from '@salesforce/schema/Account.Csops_ARR__c';
import SEGMENT from '@salesforce/schema/Account.Csops_Segment__c';
import CSM from '@salesforce/schema/Account.Csops_CSM__c';
import FIRST_VALUE from '@salesforce/schema/Account.Csops_First_Value_At__c';
import TASK_OBJECT from '@salesforce/schema/Task';
import TASK_SUBJECT from '@salesforce/schema/Task.Subject';
import TASK_DUE from '@salesforce/schema/Task.ActivityDate';
import TASK_WHAT from '@salesforce/schema/Task.WhatId';
import TASK_OWNER from '@salesforce/schema/Task.OwnerId';
import TASK_DESCRIPTION from '@salesforce/schema/Task.Description';
import ACTION_KEY from '@salesforce/schema/Task.Csops_Action_Key__c';
import { formatLabel } from 'c/csopsLabels';
import TASK_PLAYBOOK from '@salesforce/label/c.Csops_Task_Playbook';
import TASK_HANDOFF_OF from '@salesforce/label/c.Csops_Task_HandoffOf';
import TASK_DUE_ON from '@salesforce/label/c.Csops_Task_Due';

export const ACCOUNT_ROUTING_FIELDS = [ACCOUNT_NAME, ARR, SEGMENT, CSM, FIRST_VALUE].map(
  (f) => `${f.objectApiName}.${f.fieldApiName}`,
);
export const CSM_FIELD = CSM.fieldApiName;
export const ACTION_KEY_FIELD = ACTION_KEY.fieldApiName;

const SUBJECT_LIMIT = 255;
const DESCRIPTION_LIMIT = 32000;

const fieldValue = (record, f) => {
  const entry = record && record.fields && record.fields[f.fieldApiName];
  return entry && entry.value !== null && entry.value !== undefined ? entry.value : undefined;
};

/** The Account as the core's submitHandoff reads it. */
export function handoffAccount(account) {
  const arr = fieldValue(account, ARR);
  const firstValueAt = fieldValue(account, FIRST_VALUE);
  return {
    accountId: account.id,
    name: fieldValue(account, ACCOUNT_NAME),
    arr: arr === undefined ? null : Number(arr),
    segment: fieldValue(account, SEGMENT) || null,
    csmId: currentCsm(account),
    firstValueAt: firstValueAt ? new Date(firstValueAt).toISOString() : null,
  };
}

export function currentCsm(account) {
  return fieldValue(account, CSM) || null;
}

/**
 * The createRecord input of one step. Steps for the CSM go to the routed CSM and steps for the
 * owner to the Opportunity owner; with nobody to give it to, the Task stays with whoever submits.
 */
export function taskInput(action, { accountId, csmId, ownerId, opportunityName }) {
  const owner =
    action.assignee === 'csm' ? csmId : action.assignee === 'owner' ? ownerId : undefined;
  const prefix = action.type === 'escalation' ? '[Escalation] ' : '';
  const description = [
    formatLabel(TASK_PLAYBOOK, action.playbookName, action.triggerReason),
    opportunityName ? formatLabel(TASK_HANDOFF_OF, opportunityName) : '',
    formatLabel(TASK_DUE_ON, action.dueAt.slice(0, 10)),
  ]
    .filter((line) => line)
    .join('\n');
  const fields = {
    [TASK_SUBJECT.fieldApiName]: `${prefix}${action.title}`.slice(0, SUBJECT_LIMIT),
    [TASK_DUE.fieldApiName]: action.dueAt.slice(0, 10),
    [TASK_WHAT.fieldApiName]: accountId,
    [TASK_DESCRIPTION.fieldApiName]: description.slice(0, DESCRIPTION_LIMIT),
    [ACTION_KEY.fieldApiName]: action.key,
  };
  if (owner) fields[TASK_OWNER.fieldApiName] = owner;
  return { apiName: TASK_OBJECT.objectApiName, fields };
}

/** The LIKE pattern matching every onboarding action key of one account. */
export function onboardingKeyPattern(accountId) {
  return `csops:${accountId}:%:handoff_submitted:%`;
}

/** Action keys of the Tasks a GraphQL `uiapi.query.Task` answer holds. */
export function taskKeys(data) {
  const edges =
    (data &&
      data.uiapi &&
      data.uiapi.query &&
      data.uiapi.query.Task &&
      data.uiapi.query.Task.edges) ||
    [];
  return new Set(
    edges
      .map(
        (e) => e.node && e.node[ACTION_KEY.fieldApiName] && e.node[ACTION_KEY.fieldApiName].value,
      )
      .filter((key) => !!key),
  );
}

/** Each CSM's book (ARR and account count) from a GraphQL aggregate grouped by the CSM field. */
export function bookFromAggregate(data) {
  const edges =
    (data &&
      data.uiapi &&
      data.uiapi.aggregate &&
      data.uiapi.aggregate.Account &&
      data.uiapi.aggregate.Account.edges) ||
    [];
  return edges
    .map(({ node }) => {
      const agg = (node && node.aggregate) || {};
      const csmId = agg[CSM.fieldApiName] && agg[CSM.fieldApiName].value;
      const arr = agg[ARR.fieldApiName] && agg[ARR.fieldApiName].sum;
      const count = agg.Id && agg.Id.count;
      return {
        csmId,
        arr: Math.max(0, Number(arr && arr.value) || 0),
        accounts: Math.max(0, Math.round(Number(count && count.value) || 0)),
      };
    })
    .filter((load) => !!load.csmId);
}

/**
 * Creates the Tasks whose key is not there yet, one at a time so that a failure stops before the
 * rest. A unique-key clash means another submit created it first: that Task counts as there.
 */
export async function createTasksOnce(inputs, existingKeys, create) {
  const created = [];
  const existing = [];
  for (const input of inputs) {
    const key = input.fields[ACTION_KEY.fieldApiName];
    if (existingKeys.has(key)) {
      existing.push(key);
      continue;
    }
    try {
      // Sequential on purpose: the second Task must not be created while the first one failed.
      // eslint-disable-next-line no-await-in-loop
      await create(input);
      created.push(key);
    } catch (error) {
      if (!isDuplicateValue(error)) throw error;
      existing.push(key);
    }
  }
  return { created, existing };
}
