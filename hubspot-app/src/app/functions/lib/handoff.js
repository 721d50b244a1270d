// The sales-to-CS handoff on a deal: stored as JSON on the deal, judged by the core's
// evaluateHandoff (the same rules the card applies as the AE types).
'use strict';

const core = require('@csops/core');

const DEAL_HANDOFF_PROPERTIES = [
  'dealname',
  'amount',
  'hubspot_owner_id',
  'dealtype',
  'csops_handoff',
  'csops_handoff_status',
  'csops_handoff_completeness',
  'csops_handoff_submitted_at',
];

/** HubSpot's own association types: task → company and task → deal. */
const TASK_TO_COMPANY = 192;
const TASK_TO_DEAL = 216;

/** The handoff saved on a deal; an unreadable value reads as an empty draft. @param {import('./crm.js').CrmRecord} deal */
function storedHandoff(deal) {
  const raw = deal.properties.csops_handoff;
  if (!raw) return {};
  try {
    const parsed = core.parseHandoffInput(JSON.parse(String(raw)));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** @param {import('./crm.js').CrmRecord} deal */
function handoffView(deal) {
  const p = deal.properties;
  return {
    dealId: deal.id,
    dealName: String(p.dealname ?? ''),
    dealType: p.dealtype || null,
    status: p.csops_handoff_status === 'submitted' ? 'submitted' : 'draft',
    submittedAt: p.csops_handoff_submitted_at || null,
    handoff: storedHandoff(deal),
  };
}

/** Blocking items as field issues, so the card and the error body name what is missing. @param {import('@csops/core').HandoffEvaluation} evaluation */
const blockingIssues = (evaluation) =>
  evaluation.blocking.map((item) => ({
    path: `handoff.${item.key}`,
    message: item.message || `${item.label} is required`,
  }));

/**
 * The company as the core's submitHandoff reads it.
 * @param {import('./crm.js').CrmRecord} company
 * @returns {import('@csops/core').HandoffAccount}
 */
function handoffAccount(company) {
  const p = company.properties;
  return {
    accountId: company.id,
    name: p.name ? String(p.name) : undefined,
    arr:
      p.csops_arr === undefined || p.csops_arr === null || p.csops_arr === ''
        ? null
        : Number(p.csops_arr),
    segment: p.csops_segment || null,
    csmId: p.csops_csm_owner_id || null,
  };
}

/**
 * The current book of every CSM: ARR and account count of the companies assigned to them.
 * @param {import('./crm.js').Crm} crm
 */
async function csmBook(crm) {
  /** @type {Map<string, { csmId: string, arr: number, accounts: number }>} */
  const book = new Map();
  let lastId = '0';
  for (;;) {
    const page = await crm.search('companies', {
      filterGroups: [
        {
          filters: [
            { propertyName: 'csops_csm_owner_id', operator: 'HAS_PROPERTY' },
            { propertyName: 'hs_object_id', operator: 'GT', value: lastId },
          ],
        },
      ],
      sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
      properties: ['csops_csm_owner_id', 'csops_arr'],
      limit: 200,
    });
    for (const c of page.results) {
      const id = String(c.properties.csops_csm_owner_id);
      const entry = book.get(id) ?? { csmId: id, arr: 0, accounts: 0 };
      entry.arr += Number(c.properties.csops_arr) || 0;
      entry.accounts += 1;
      book.set(id, entry);
    }
    if (page.results.length < 200) break;
    lastId = /** @type {string} */ (page.results.at(-1)?.id);
  }
  return [...book.values()];
}

/**
 * The name to show for the CSM an account is routed to: the CSM as named in settings, else the
 * HubSpot owner's name; null when neither is known, so the caller falls back to the owner id.
 * @param {import('./crm.js').Crm} crm
 * @param {import('@csops/core').Settings} settings
 * @param {string | null} csmId
 * @returns {Promise<string | null>}
 */
async function csmName(crm, settings, csmId) {
  if (!csmId) return null;
  const named = settings.csms.find((c) => c.id === csmId)?.name;
  if (named) return named;
  if (!/^\d+$/.test(csmId)) return null;
  try {
    const owner = await crm.owner(csmId);
    const name = [owner.firstName, owner.lastName].filter(Boolean).join(' ').trim();
    return name || owner.email || null;
  } catch {
    // A deleted owner or a portal without the owners scope leaves the id to stand for the CSM.
    return null;
  }
}

/**
 * Creates the playbook's tasks once each: existing keys are found first, and a unique-value
 * clash (a concurrent submit) falls back to one-by-one creation that skips the clashing key.
 * @param {import('./crm.js').Crm} crm
 * @param {{ key: string, properties: Record<string, string>, associations: any[] }[]} tasks
 */
async function createTasksOnce(crm, tasks) {
  if (tasks.length === 0) return { created: [], existing: [] };
  const found = await crm.search('tasks', {
    filterGroups: [
      {
        filters: [
          { propertyName: 'csops_action_key', operator: 'IN', values: tasks.map((t) => t.key) },
        ],
      },
    ],
    properties: ['csops_action_key'],
    limit: 100,
  });
  const existing = new Set(found.results.map((r) => String(r.properties.csops_action_key)));
  const missing = tasks.filter((t) => !existing.has(t.key));
  const created = [];
  try {
    created.push(
      ...(await crm.batchCreate('tasks', missing)).map((r) =>
        String(r.properties.csops_action_key),
      ),
    );
  } catch (error) {
    if (/** @type {{ code?: number }} */ (error).code !== 409) throw error;
    for (const t of missing) {
      try {
        await crm.create('tasks', t);
        created.push(t.key);
      } catch (e) {
        if (/** @type {{ code?: number }} */ (e).code !== 409) throw e;
        existing.add(t.key);
      }
    }
  }
  return { created, existing: [...existing] };
}

/**
 * @param {import('@csops/core').PlaybookAction} action
 * @param {{ companyId: string, dealId: string, csmId: string | null, ownerId: string | null }} where
 */
function taskFor(action, where) {
  const owner =
    action.assignee === 'csm' ? where.csmId : action.assignee === 'owner' ? where.ownerId : null;
  const prefix = action.type === 'escalation' ? '[Escalation] ' : '';
  return {
    key: action.key,
    properties: {
      hs_task_subject: `${prefix}${action.title}`,
      hs_task_body: `${action.playbookName}: ${action.triggerReason}`,
      hs_task_status: 'NOT_STARTED',
      hs_timestamp: action.dueAt,
      csops_action_key: action.key,
      ...(owner ? { hubspot_owner_id: owner } : {}),
    },
    associations: [
      {
        to: { id: where.companyId },
        types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_TO_COMPANY }],
      },
      {
        to: { id: where.dealId },
        types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_TO_DEAL }],
      },
    ],
  };
}

module.exports = {
  DEAL_HANDOFF_PROPERTIES,
  storedHandoff,
  handoffView,
  blockingIssues,
  handoffAccount,
  csmBook,
  csmName,
  createTasksOnce,
  taskFor,
};
