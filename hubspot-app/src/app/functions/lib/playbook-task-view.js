// A csops playbook task as the health card shows it: the HubSpot task read back as the core's
// RecordedTask (the reading the playbook contract fixes), listed by the core for its flags, with a
// link and the owner's name.
'use strict';

const core = require('@csops/core');

/** What a playbook task is read with. */
const TASK_PROPERTIES = [
  'hs_task_subject',
  'hs_task_status',
  'hs_timestamp',
  'hubspot_owner_id',
  'hs_task_completion_date',
  'hs_lastmodifieddate',
  'csops_action_key',
  'csops_playbook_id',
  'csops_outcome',
  'csops_closed_note',
];

/** @param {string | null | undefined} value */
const present = (value) => (value === null || value === undefined || value === '' ? null : value);

/**
 * @param {import('./crm.js').CrmRecord} task
 * @returns {import('@csops/core').RecordedTask}
 */
function recordedTaskOf(task) {
  const p = task.properties;
  const closed = p.hs_task_status === 'COMPLETED';
  return {
    id: task.id,
    key: present(p.csops_action_key),
    title: p.hs_task_subject ?? '',
    status: closed ? (p.csops_outcome === 'skipped' ? 'skipped' : 'done') : 'open',
    dueAt: present(p.hs_timestamp),
    ownerId: present(p.hubspot_owner_id),
    note: present(p.csops_closed_note),
    completedAt: closed
      ? (present(p.hs_task_completion_date) ?? present(p.hs_lastmodifieddate))
      : null,
  };
}

/**
 * The task in HubSpot's task view; null when the portal id did not reach the function.
 * @param {string | number | undefined} portalId @param {string} taskId
 */
function taskUrl(portalId, taskId) {
  return portalId === undefined || portalId === ''
    ? null
    : `https://app.hubspot.com/tasks/${portalId}/view/all/task/${taskId}`;
}

/**
 * The owner's name; null when the task has no owner or the owner cannot be read (deleted, or no
 * owners scope), so the card says "Unassigned" or keeps the name it had.
 * @param {import('./crm.js').Crm} crm @param {string | null | undefined} ownerId
 * @returns {Promise<string | null>}
 */
async function ownerNameOf(crm, ownerId) {
  if (!ownerId || !/^\d+$/.test(ownerId)) return null;
  try {
    const owner = await crm.owner(ownerId);
    const name = [owner.firstName, owner.lastName].filter(Boolean).join(' ').trim();
    return name || owner.email || null;
  } catch {
    return null;
  }
}

/**
 * @param {import('./crm.js').CrmRecord} task
 * @param {{ asOf: string, portalId?: string | number, ownerName: string | null }} how
 */
function taskView(task, how) {
  const listed = /** @type {import('@csops/core').ListedTask} */ (
    core.playbookTaskList([recordedTaskOf(task)], how.asOf).tasks[0]
  );
  return { ...listed, url: taskUrl(how.portalId, task.id), ownerName: how.ownerName };
}

module.exports = { TASK_PROPERTIES, recordedTaskOf, ownerNameOf, taskView };
