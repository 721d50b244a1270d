// A csops playbook task as the health card shows it: the HubSpot task read back as the core's
// RecordedTask (the reading the playbook contract fixes), listed by the core for its flags, with a
// link and the owner's name.
'use strict';

const core = require('@csops/core');

const { TASK_PROPERTIES, toRecordedTask, taskUrl } = require('./ledger-tasks.js');

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
    core.playbookTaskList([toRecordedTask(task)], how.asOf).tasks[0]
  );
  return { ...listed, url: taskUrl(how.portalId ?? null, task.id), ownerName: how.ownerName };
}

module.exports = { TASK_PROPERTIES, ownerNameOf, taskView };
