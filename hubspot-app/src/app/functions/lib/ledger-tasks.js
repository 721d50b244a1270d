// The playbook ledger in HubSpot: csops tasks on a company are what the CRM holds of its
// playbooks. They are read back as the core's LedgerEntry / RecordedTask, and the plan the core
// makes from them is carried out with batch calls. `csops_action_key` is a unique property, so a
// create that clashes (a retry, a concurrent card load, a run that died after its create went
// through) finds the task already there by its key instead of making a second one.
'use strict';

const core = require('@csops/core');
const { chunk, BATCH_SIZE } = require('./crm.js');
const { statusOf } = require('./retry.js');
const { invalidOwnerIds, withoutInvalidOwner } = require('./task-owner.js');
const { settleAll } = require('./settle.js');

/** Task properties csops reads back. */
const TASK_PROPERTIES = [
  'hs_task_subject',
  'hs_task_status',
  'hs_timestamp',
  'hubspot_owner_id',
  'hs_task_completion_date',
  'hs_lastmodifieddate',
  'csops_action_key',
  'csops_triggered_at',
  'csops_outcome',
  'csops_closed_note',
];

/** HubSpot's own association type task → company (the default one). */
const TASK_TO_COMPANY = 192;

/** How often a batch of creates is tried again after a key clash before giving up. */
const MAX_CLASH_ROUNDS = 5;

/** @typedef {import('./crm.js').CrmRecord} CrmRecord */

/** @param {string | null | undefined} v */
const present = (v) => (v === undefined || v === null || String(v).trim() === '' ? null : v);

/** A task csops made: it carries the action key. @param {CrmRecord} task */
const isCsopsTask = (task) => present(task.properties.csops_action_key) !== null;

/** @param {string | null | undefined} v @returns {string | null} */
function instant(v) {
  const s = present(v);
  if (s === null) return null;
  const ms = /^\d{10,}$/.test(String(s)) ? Number(s) : Date.parse(String(s));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** @param {CrmRecord} task @returns {import('@csops/core').LedgerStatus} */
function statusOfTask(task) {
  if (task.properties.hs_task_status !== 'COMPLETED') return 'open';
  return task.properties.csops_outcome === 'skipped' ? 'skipped' : 'done';
}

/** @param {CrmRecord} task @returns {import('@csops/core').LedgerEntry} */
function toLedgerEntry(task) {
  const triggeredAt = instant(task.properties.csops_triggered_at);
  return {
    key: String(task.properties.csops_action_key),
    status: statusOfTask(task),
    ...(triggeredAt !== null ? { triggeredAt } : {}),
  };
}

/** @param {CrmRecord} task @returns {import('@csops/core').RecordedTask} */
function toRecordedTask(task) {
  const p = task.properties;
  const status = statusOfTask(task);
  return {
    id: task.id,
    key: present(p.csops_action_key),
    title: String(p.hs_task_subject ?? ''),
    status,
    dueAt: instant(p.hs_timestamp),
    ownerId: present(p.hubspot_owner_id),
    note: present(p.csops_closed_note),
    completedAt:
      status === 'open'
        ? null
        : (instant(p.hs_task_completion_date) ?? instant(p.hs_lastmodifieddate)),
  };
}

/**
 * The csops tasks of many companies, from the company → task associations already read: batch
 * reads of 100, all together.
 * @param {import('./crm.js').Crm} crm
 * @param {Map<string, string[]>} taskIds company id → associated task ids
 * @returns {Promise<Map<string, CrmRecord>>} csops tasks by id
 */
async function readTasks(crm, taskIds) {
  const all = [...new Set([...taskIds.values()].flat())];
  if (all.length === 0) return new Map();
  const tasks = await crm.batchRead('tasks', all, TASK_PROPERTIES);
  return new Map(tasks.filter(isCsopsTask).map((t) => [t.id, t]));
}

/**
 * The task HubSpot holds for one playbook action.
 * @param {import('@csops/core').PlaybookAction} action
 * @param {string} companyId
 * @param {string | null} ownerId
 */
function taskInput(action, companyId, ownerId) {
  return {
    properties: {
      hs_task_subject: action.title,
      hs_task_body: `${action.triggerReason}\n\nPlaybook: ${action.playbookName}`,
      hs_timestamp: action.dueAt,
      hs_task_status: 'NOT_STARTED',
      hs_task_priority: action.type === 'escalation' ? 'HIGH' : 'MEDIUM',
      csops_action_key: action.key,
      csops_playbook_id: action.playbookId,
      csops_triggered_at: action.triggeredAt,
      csops_action_type: action.type,
      ...(ownerId ? { hubspot_owner_id: ownerId } : {}),
    },
    associations: [
      {
        to: { id: companyId },
        types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_TO_COMPANY }],
      },
    ],
  };
}

/**
 * The tasks that hold these action keys, read by the unique key itself (batch reads of 100).
 * @param {import('./crm.js').Crm} crm @param {string[]} keys
 * @returns {Promise<Map<string, CrmRecord>>} by key
 */
async function tasksByKey(crm, keys) {
  if (keys.length === 0) return new Map();
  const found = await crm.batchReadBy('tasks', 'csops_action_key', keys, TASK_PROPERTIES);
  return new Map(found.map((t) => [String(t.properties.csops_action_key), t]));
}

/**
 * Creates one batch of tasks (≤ 100). A key clash refuses the whole batch: the keys that exist
 * are read back and the rest created again, until every key has its one task.
 * @param {import('./crm.js').Crm} crm
 * @param {{ key: string, input: ReturnType<typeof taskInput> }[]} wanted
 * @returns {Promise<{ made: Map<string, CrmRecord>, existing: Map<string, CrmRecord> }>}
 */
async function createBatch(crm, wanted) {
  /** @type {Map<string, CrmRecord>} */
  const made = new Map();
  /** @type {Map<string, CrmRecord>} */
  const existing = new Map();
  let pending = wanted;
  for (let round = 1; pending.length > 0; round++) {
    try {
      const created = await crm.batchCreate(
        'tasks',
        pending.map((w) => w.input),
      );
      // HubSpot answers in the order asked; the properties sent are what the task now holds.
      created.forEach((task, i) => {
        const w = /** @type {(typeof pending)[number]} */ (pending[i]);
        made.set(w.key, { id: task.id, properties: { ...w.input.properties, ...task.properties } });
      });
      return { made, existing };
    } catch (error) {
      const invalidOwners = invalidOwnerIds(error);
      if (invalidOwners !== null && round < MAX_CLASH_ROUNDS) {
        pending = pending.map((w) => ({
          ...w,
          input: withoutInvalidOwner(w.input, invalidOwners),
        }));
        continue;
      }
      if (statusOf(error) !== 409 || round >= MAX_CLASH_ROUNDS) throw error;
      const found = await tasksByKey(
        crm,
        pending.map((w) => w.key),
      );
      for (const [key, task] of found) existing.set(key, task);
      pending = pending.filter((w) => !found.has(w.key));
    }
  }
  return { made, existing };
}

/**
 * @typedef {{
 *   companyId: string,
 *   company: CrmRecord,
 *   plan: import('@csops/core').LedgerPlan,
 *   tasks: CrmRecord[],
 * }} AccountLedger
 * @typedef {{ key: string, companyId: string, type: string, input: ReturnType<typeof taskInput> }} PendingTask
 */

/**
 * Carries out the ledger plans of many companies: creates of 100 per call (the company
 * association in the same call), then closes of 100 per call. Every step can run again: a
 * create finds the task its key already made, a close writes the same values twice.
 * A rescore passes `holdBack`: creates that do not fill a call of 100 are held (`held`) for the
 * next batch's call, with the creates held before (`carried`) going first — kept with the
 * checkpoint, so a crash loses none of them.
 * @param {import('./crm.js').Crm} crm
 * @param {AccountLedger[]} accounts
 * @param {import('@csops/core').Settings} settings
 * @param {{ carried?: PendingTask[], holdBack?: boolean }} [options]
 * @returns {Promise<{ created: number, closed: number, escalations: number, tasksOf: Map<string, CrmRecord[]>, createdFor: Map<string, number>, held: PendingTask[] }>}
 */
async function applyLedger(crm, accounts, settings, options = {}) {
  /** @type {PendingTask[]} */
  const planned = accounts.flatMap((a) =>
    a.plan.create.map((action) => {
      const owner = core.stepOwner(
        action.assignee,
        {
          csmId: present(a.company.properties.csops_csm_owner_id),
          accountOwnerId: present(a.company.properties.hubspot_owner_id),
        },
        settings,
      );
      return {
        key: action.key,
        companyId: a.companyId,
        type: action.type,
        input: taskInput(action, a.companyId, owner),
      };
    }),
  );
  const all = [...(options.carried ?? []), ...planned];
  const sendNow = options.holdBack ? all.length - (all.length % BATCH_SIZE) : all.length;
  const wanted = all.slice(0, sendNow);
  /** @type {{ id: string, properties: Record<string, string> }[]} */
  const closes = [];
  /** @type {Map<string, CrmRecord>} */
  const closedById = new Map();
  for (const a of accounts) {
    const byKey = new Map(a.tasks.map((t) => [String(t.properties.csops_action_key), t]));
    for (const c of a.plan.close) {
      const task = byKey.get(c.key);
      if (!task) continue;
      const properties = {
        hs_task_status: 'COMPLETED',
        csops_outcome: c.outcome,
        csops_closed_note: c.note,
      };
      closes.push({ id: task.id, properties });
      closedById.set(task.id, { id: task.id, properties: { ...task.properties, ...properties } });
    }
  }
  // Creates and closes touch different tasks, so they go out together.
  const [batches] = await settleAll([
    settleAll(chunk(wanted, BATCH_SIZE).map((part) => createBatch(crm, part))),
    closes.length > 0 ? crm.batchUpdate('tasks', closes) : Promise.resolve(),
  ]);
  /** @type {Map<string, CrmRecord>} */
  const made = new Map();
  /** @type {Map<string, CrmRecord>} */
  const existing = new Map();
  for (const res of batches) {
    for (const [k, t] of res.made) made.set(k, t);
    for (const [k, t] of res.existing) existing.set(k, t);
  }

  /** @type {Map<string, CrmRecord[]>} */
  const tasksOf = new Map();
  /** @type {Map<string, number>} */
  const createdFor = new Map();
  for (const a of accounts) {
    const keys = new Set(a.tasks.map((t) => String(t.properties.csops_action_key)));
    const own = a.tasks.map((t) => closedById.get(t.id) ?? t);
    let createdHere = 0;
    for (const action of a.plan.create) {
      if (keys.has(action.key)) continue;
      const task = made.get(action.key) ?? existing.get(action.key);
      if (!task) continue;
      own.push(task);
      if (made.has(action.key)) createdHere += 1;
    }
    tasksOf.set(a.companyId, own);
    createdFor.set(a.companyId, createdHere);
  }
  return {
    created: made.size,
    closed: closes.length,
    escalations: wanted.filter((w) => w.type === 'escalation' && made.has(w.key)).length,
    tasksOf,
    createdFor,
    held: all.slice(sendNow),
  };
}

/** HubSpot's object type id for tasks, as record links name it. */
const TASK_TYPE_ID = '0-27';

/** @param {string | number | null} portalId @param {string} taskId */
const taskUrl = (portalId, taskId) =>
  portalId === null || portalId === ''
    ? null
    : `https://app.hubspot.com/contacts/${portalId}/record/${TASK_TYPE_ID}/${taskId}`;

/**
 * Who owns a task, by the names settings already hold (the CSMs, the CS manager): a name costs no
 * request, and an owner settings do not name is shown by the card as unnamed.
 * @param {import('@csops/core').Settings} settings @param {string | null | undefined} ownerId
 * @param {Map<string, string>} [known] names already read from HubSpot's owners, by owner id
 */
function ownerNameIn(settings, ownerId, known = new Map()) {
  if (!ownerId) return null;
  const read = known.get(ownerId);
  if (read) return read;
  const csm = settings.csms.find((c) => c.id === ownerId);
  if (csm) return csm.name;
  const manager = settings.team.manager;
  return manager && manager.id === ownerId ? manager.name : null;
}

/**
 * The card's playbook section: the company's csops tasks as the core lists them, each with its
 * link and owner's name, the escalations still waiting, and how many tasks this load created.
 * @param {{ tasks: CrmRecord[], waiting: import('@csops/core').WaitingEscalation[], created: number, asOf: string, settings: import('@csops/core').Settings, portalId: string | number | null, ownerNames?: Map<string, string> }} input
 */
function playbookView(input) {
  const list = core.playbookTaskList(input.tasks.map(toRecordedTask), input.asOf);
  return {
    tasks: list.tasks.map((t) => ({
      ...t,
      url: taskUrl(input.portalId, t.id),
      ownerName: ownerNameIn(input.settings, t.ownerId, input.ownerNames),
    })),
    open: list.open,
    overdue: list.overdue,
    waiting: input.waiting,
    created: input.created,
  };
}

module.exports = {
  TASK_TYPE_ID,
  taskUrl,
  ownerNameIn,
  playbookView,
  TASK_PROPERTIES,
  TASK_TO_COMPANY,
  isCsopsTask,
  toLedgerEntry,
  toRecordedTask,
  readTasks,
  taskInput,
  applyLedger,
};
