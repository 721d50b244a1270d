// The Account's csops Tasks, read from its Tasks related list and written back when a CSM closes one.
import { playbookTaskList } from 'c/csopsCore';
import { value } from 'c/csopsAccountMapping';

const KEY_FIELD = 'Csops_Action_Key__c';
const OUTCOME_FIELD = 'Csops_Outcome__c';
const COMPLETED = 'Completed';
const DESCRIPTION_LIMIT = 32000;
/** Task comments are the reason's home: csops's rescore writes its reason the same way. */
const CLOSED_MARKER = 'csops closed this step: ';
const SKIPPED_MARKER = 'Skipped: ';
export const SKIP_REASON_LIMIT = 500;

export const TASKS = {
  relatedListId: 'Tasks',
  fields: ['Task.Id', 'Task.Subject', 'Task.Status'],
  optionalFields: [
    'Task.ActivityDate',
    'Task.OwnerId',
    'Task.Owner.Name',
    'Task.Description',
    'Task.LastModifiedDate',
    `Task.${KEY_FIELD}`,
    `Task.${OUTCOME_FIELD}`,
  ],
  sortBy: ['-Task.ActivityDate'],
};

function ownerName(record) {
  const owner = record.fields && record.fields.Owner && record.fields.Owner.value;
  return owner ? value(owner, 'Name') : undefined;
}

/** The last reason in the comments, csops's or the CSM's. */
export function closedNote(description) {
  if (!description) return null;
  const lines = String(description).split('\n').reverse();
  for (const line of lines) {
    for (const marker of [SKIPPED_MARKER, CLOSED_MARKER]) {
      if (line.startsWith(marker)) return line.slice(marker.length).trim() || null;
    }
  }
  return null;
}

/** A Task as the core's RecordedTask, or nothing when csops did not create it. */
export function recordedTask(record) {
  const key = value(record, KEY_FIELD);
  if (typeof key !== 'string' || key === '') return null;
  const closed = value(record, 'Status') === COMPLETED;
  const status = !closed ? 'open' : value(record, OUTCOME_FIELD) === 'skipped' ? 'skipped' : 'done';
  const dueDay = value(record, 'ActivityDate');
  return {
    id: record.id,
    key,
    title: value(record, 'Subject') || key,
    status,
    dueAt: dueDay ? `${String(dueDay).slice(0, 10)}T00:00:00.000Z` : null,
    ownerId: value(record, 'OwnerId') || null,
    ownerName: ownerName(record) || null,
    note: closed ? closedNote(value(record, 'Description')) : null,
    completedAt: closed ? value(record, 'LastModifiedDate') || null : null,
    description: value(record, 'Description') || '',
  };
}

/**
 * The csops Tasks of a related-list page, open first and late first, as everywhere in csops.
 * Tasks closed on this page count as closed before the list is read again.
 */
export function accountTaskList(page, asOf, closedHere = {}) {
  const recorded = ((page && page.records) || [])
    .map(recordedTask)
    .filter((t) => t)
    .map((t) => (t.status === 'open' && closedHere[t.id] ? { ...t, ...closedHere[t.id] } : t));
  return playbookTaskList(recorded, asOf);
}

/** How a Task reads once this page has closed it. */
export function closedHereAs(outcome, reason, asOf) {
  return { status: outcome, note: outcome === 'skipped' ? reason.trim() : null, completedAt: asOf };
}

/** The updateRecord input closing a Task; the skip reason is appended to its comments. */
export function taskClosure(task, outcome, reason) {
  const fields = { Id: task.id, Status: COMPLETED, [OUTCOME_FIELD]: outcome };
  if (outcome === 'skipped') {
    const note = `${SKIPPED_MARKER}${reason.trim()}`;
    const before = task.description || '';
    fields.Description = (before ? `${before}\n\n${note}` : note).slice(0, DESCRIPTION_LIMIT);
  }
  return { fields };
}

/** Why a skip reason cannot be saved, as a label key; nothing when it can. */
export function skipReasonProblem(reason) {
  const trimmed = (reason || '').trim();
  if (!trimmed) return 'skipReasonMissing';
  if (trimmed.length > SKIP_REASON_LIMIT) return 'skipReasonTooLong';
  return undefined;
}
