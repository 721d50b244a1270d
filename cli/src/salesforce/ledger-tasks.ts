// csops playbook steps as Salesforce Tasks, read back as the core's ledger and written from its plan.
// A Task carries its step's action key in Csops_Action_Key__c (plain text: Activity fields cannot
// be unique), so "once" is looking the keys up before creating, and again before a retried create.
import { stepOwner } from '@csops/core';
import type { LedgerClosure, LedgerEntry, PlaybookAction, Settings } from '@csops/core';
import type { Onboarding } from './lwc.js';
import type { Row } from './records.js';

/** What the rescore reads of a csops Task. */
export const TASK_FIELDS = [
  'WhatId',
  'Status',
  'IsClosed',
  'CreatedDate',
  'Description',
  'Csops_Outcome__c',
];
const COMPLETED = 'Completed';
const DESCRIPTION_LIMIT = 32_000;

/**
 * A Task as a ledger entry. A completed Task is skipped when its csops outcome says so (the
 * Account page's Skip, or csops closing a step nobody needs), else done. Salesforce holds no
 * trigger time on a Task, so its creation stands for it: csops creates a step's Task the first
 * run its trigger is seen.
 */
export function ledgerEntry(task: Row, keyField: string): LedgerEntry | null {
  const key = task[keyField];
  if (typeof key !== 'string' || key === '') return null;
  const created = typeof task.CreatedDate === 'string' ? task.CreatedDate : undefined;
  return {
    key,
    status:
      task.Status === COMPLETED || task.IsClosed === true
        ? task.Csops_Outcome__c === 'skipped'
          ? 'skipped'
          : 'done'
        : 'open',
    ...(created ? { triggeredAt: new Date(created).toISOString() } : {}),
  };
}

export interface AccountPeople {
  accountId: string;
  csmId: string | null;
  ownerId: string | null;
}

/** The Task to create for a step: the Account page's Task fields, owned as the core says. */
export function taskToCreate(
  action: PlaybookAction,
  people: AccountPeople,
  settings: Settings,
  onboarding: Onboarding,
): Record<string, unknown> {
  const { apiName, fields } = onboarding.taskInput(action, {
    accountId: people.accountId,
    csmId: people.csmId,
    ownerId: people.ownerId,
  });
  const owner = stepOwner(
    action.assignee,
    { csmId: people.csmId, accountOwnerId: people.ownerId },
    settings,
  );
  const { OwnerId: _byAssignee, ...rest } = fields;
  return {
    attributes: { type: apiName },
    ...rest,
    ...(owner ? { OwnerId: owner } : {}),
    Status: 'Not Started',
    Priority: action.type === 'escalation' ? 'High' : 'Normal',
  };
}

/** Closing an open step csops no longer wants: completed, with the reason added to its comments. */
export function taskToClose(task: Row, closure: LedgerClosure): Record<string, unknown> {
  const before = typeof task.Description === 'string' ? task.Description : '';
  const note = `csops closed this step: ${closure.note}`;
  return {
    attributes: { type: 'Task' },
    Id: task.Id,
    Status: COMPLETED,
    Csops_Outcome__c: closure.outcome,
    Description: (before ? `${before}\n\n${note}` : note).slice(0, DESCRIPTION_LIMIT),
  };
}
