// "Mark done" and "Skip…" on the health card's playbook tasks. Closes one csops task of one
// company the way the playbook contract reads a closed task back: COMPLETED, with csops_outcome
// and the CSM's note in csops_closed_note. A task already closed with the same outcome is
// answered as it stands, so a retry or a second click writes nothing.
'use strict';

const { crmFor, inputOf, now } = require('./lib/runtime.js');
const { answer, ok, fail, invalidInput, handler } = require('./lib/respond.js');
const { playbookTaskUpdateInput } = require('./lib/inputs.js');
const { settleAll } = require('./lib/settle.js');
const { TASK_PROPERTIES, ownerNameOf, taskView } = require('./lib/playbook-task-view.js');
const { toRecordedTask } = require('./lib/ledger-tasks.js');
const core = require('@csops/core');

/** @param {import('./lib/runtime.js').FunctionContext} context */
exports.main = handler(async (context) => {
  const input = core.parseWith(playbookTaskUpdateInput, inputOf(context));
  if (!input.success) return invalidInput(input.issues);
  const { companyId, taskId, outcome, note } = input.data;
  const asOf = input.data.asOf ?? now();
  return answer(async () => {
    const crm = crmFor(context);
    const [task, companies] = await settleAll([
      crm.get('tasks', taskId, TASK_PROPERTIES),
      crm.associations('tasks', 'companies', [taskId]),
    ]);
    if (!task.properties.csops_action_key) {
      return fail(
        'not_a_playbook_task',
        'This task was not created by csops, so it is closed in HubSpot’s task view, not here.',
      );
    }
    if (!(companies.get(task.id) ?? []).includes(companyId)) {
      return fail(
        'other_company',
        'This task is not associated with this company. Reload the card to see this company’s tasks.',
      );
    }
    const view = (
      /** @type {import('./lib/crm.js').CrmRecord} */ record,
      /** @type {string | null} */ ownerName,
    ) => ok({ task: taskView(record, { asOf, portalId: context.accountId, ownerName }) });

    const status = toRecordedTask(task).status;
    if (status === outcome)
      return view(task, await ownerNameOf(crm, task.properties.hubspot_owner_id));
    if (status !== 'open') {
      return fail(
        'already_closed',
        `This task is already ${status}. Reload the card to see it as it stands.`,
      );
    }
    /** @type {Record<string, string>} */
    const closing = {
      hs_task_status: 'COMPLETED',
      csops_outcome: outcome,
      ...(note !== undefined ? { csops_closed_note: note } : {}),
    };
    const [written, ownerName] = await settleAll([
      crm.update('tasks', task.id, closing),
      ownerNameOf(crm, task.properties.hubspot_owner_id),
    ]);
    // HubSpot answers an update with what changed: the rest is the task as it was read.
    return view(
      { id: task.id, properties: { ...task.properties, ...written.properties, ...closing } },
      ownerName,
    );
  });
});
