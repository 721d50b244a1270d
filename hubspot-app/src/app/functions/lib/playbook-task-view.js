// A csops playbook task as the health card shows it: the HubSpot task read back as the core's
// RecordedTask (the reading the playbook contract fixes), listed by the core for its flags, with a
// link and the owner's name.
'use strict';

const core = require('@csops/core');

const { TASK_PROPERTIES, toRecordedTask, taskUrl } = require('./ledger-tasks.js');
const { ownerNameOf } = require('./owner-name.js');

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
