// The sales-to-CS handoff on a deal: stored as JSON on the deal, judged by the core's
// evaluateHandoff (the same rules the card applies as the AE types).
'use strict';

const core = require('@csops/core');
const { ownerNameOf } = require('./owner-name.js');
const { TASK_TO_COMPANY } = require('./ledger-tasks.js');

const DEAL_HANDOFF_PROPERTIES = [
  'dealname',
  'amount',
  'hubspot_owner_id',
  'dealtype',
  'csops_handoff',
  'csops_handoff_status',
  'csops_handoff_completeness',
  'csops_handoff_submitted_at',
  'csops_handoff_submission',
];

/** @typedef {'draft' | 'submitting' | 'submitted'} HandoffStatus */

/** HubSpot's own association types: task → company and task → deal. */
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

/** @param {import('./crm.js').CrmRecord} deal @returns {HandoffStatus} */
function statusOf(deal) {
  const s = deal.properties.csops_handoff_status;
  return s === 'submitted' || s === 'submitting' ? s : 'draft';
}

/**
 * What the submission did, as the card shows it: who and when, the CSM, the tasks.
 * @param {import('@csops/core').SubmissionRecord} record
 */
function submissionView(record) {
  return {
    submittedAt: record.submittedAt,
    submittedBy: record.submittedBy,
    csm: { id: record.csm.id, name: record.csm.name, reason: record.csm.reason },
    tasks: record.tasks.map((t) => ({ id: t.id, title: t.title, dueAt: t.dueAt })),
  };
}

/**
 * The submission stored on the deal; a deal submitted before submissions were recorded shows
 * its stamp alone.
 * @param {import('./crm.js').CrmRecord} deal
 */
function storedSubmission(deal) {
  const record = core.parseSubmissionRecord(deal.properties.csops_handoff_submission);
  if (record) return record;
  const at = deal.properties.csops_handoff_submitted_at;
  if (statusOf(deal) !== 'submitted' || !at) return null;
  return {
    submittedAt: String(at),
    submittedBy: null,
    completeness: Number(deal.properties.csops_handoff_completeness) || 0,
    csm: { id: null, name: null, reason: '', alreadyAssigned: true, slot: null },
    tasks: [],
  };
}

/** @param {import('./crm.js').CrmRecord} deal */
function handoffView(deal) {
  const p = deal.properties;
  const record = storedSubmission(deal);
  return {
    dealId: deal.id,
    dealName: String(p.dealname ?? ''),
    dealType: deal.properties.dealtype || null,
    status: statusOf(deal),
    submittedAt: record?.submittedAt ?? null,
    submission: record ? submissionView(record) : null,
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
  // A deleted owner or a portal without the owners scope leaves the id to stand for the CSM.
  return ownerNameOf(crm, csmId);
}

/**
 * @param {import('@csops/core').SubmissionTask} action
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
      hs_task_body: action.detail,
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
  storedSubmission,
  submissionView,
  handoffView,
  blockingIssues,
  handoffAccount,
  csmBook,
  csmName,
  taskFor,
};
