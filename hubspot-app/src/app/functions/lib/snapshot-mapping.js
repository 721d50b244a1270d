// HubSpot records → AccountSnapshot: the one place that knows which property or association
// feeds which snapshot field. MAPPING is the same table hubspot-app/README.md shows (a test keeps
// them in step); the code below implements it row by row.
'use strict';

const core = require('@csops/core');

const DAY_MS = 86_400_000;

/** Company properties csops reads. */
const COMPANY_PROPERTIES = [
  'name',
  'hubspot_owner_id',
  'csops_arr',
  'csops_segment',
  'csops_contract_start_date',
  'csops_renewal_date',
  'csops_contract_term_months',
  'csops_licensed_seats',
  'csops_auto_renew',
  'csops_downgrade_requested',
  'csops_contract_observed_at',
  'csops_active_users_30d',
  'csops_active_users_prior_30d',
  'csops_features_adopted',
  'csops_features_licensed',
  'csops_last_activity_at',
  'csops_usage_observed_at',
  'csops_csat',
  'csops_nps_latest',
  'csops_nps_previous',
  'csops_nps_observed_at',
  'csops_overdue_invoices',
  'csops_days_past_due',
  'csops_failed_payments_90d',
  'csops_auto_pay',
  'csops_billing_observed_at',
  'csops_kickoff_held_at',
  'csops_health_score',
  'csops_health_band',
  'csops_health_updated_at',
  'csops_alert_log',
  'csops_health_previous_score',
  'csops_health_previous_band',
  'csops_health_previous_at',
  // The rest of the stored result, so an unchanged rescoring writes nothing.
  'csops_health_trend',
  'csops_health_coverage',
  'csops_renewal_risk',
  'csops_arr_at_risk',
  'csops_health_settings_version',
  'csops_csm_owner_id',
];
const DEAL_PROPERTIES = [
  'dealname',
  'amount',
  'dealstage',
  'closedate',
  'hs_is_closed',
  'csops_expansion_key',
  'csops_handoff_status',
  'csops_handoff_submitted_at',
];
const TICKET_PROPERTIES = ['createdate', 'closed_date', 'hs_is_closed', 'hs_ticket_priority'];
const CONTACT_PROPERTIES = [
  'firstname',
  'lastname',
  'email',
  'csops_stakeholder_role',
  'csops_left_company_at',
];
const MEETING_PROPERTIES = ['hs_meeting_start_time', 'hs_timestamp'];

/**
 * field: snapshot field · source: HubSpot property or association · calculation: how the value is made.
 * @type {{ field: string, source: string, calculation: string }[]}
 */
const MAPPING = [
  { field: 'accountId', source: 'company `hs_object_id`', calculation: 'as is' },
  { field: 'name', source: 'company `name`', calculation: 'as is' },
  { field: 'arr', source: 'company `csops_arr`', calculation: 'number' },
  {
    field: 'segment',
    source: 'company `csops_segment`',
    calculation: 'as is; empty → derived from ARR by the core',
  },
  {
    field: 'ownerId',
    source: 'company `csops_csm_owner_id`, else `hubspot_owner_id`',
    calculation: 'first one set',
  },
  {
    field: 'contract.startDate',
    source: 'company `csops_contract_start_date`',
    calculation: 'date → ISO date-time',
  },
  {
    field: 'contract.renewalDate',
    source: 'company `csops_renewal_date`',
    calculation: 'date → ISO date-time',
  },
  {
    field: 'contract.termMonths',
    source: 'company `csops_contract_term_months`',
    calculation: 'number',
  },
  {
    field: 'contract.licensedSeats',
    source: 'company `csops_licensed_seats`',
    calculation: 'number',
  },
  {
    field: 'contract.autoRenew',
    source: 'company `csops_auto_renew`',
    calculation: '"true"/"false" → boolean',
  },
  {
    field: 'contract.downgradeRequested',
    source: 'company `csops_downgrade_requested`',
    calculation: '"true"/"false" → boolean',
  },
  {
    field: 'contract.observedAt',
    source: 'company `csops_contract_observed_at`',
    calculation: 'as is',
  },
  {
    field: 'usage.activeUsers30d',
    source: 'company `csops_active_users_30d`',
    calculation: 'number',
  },
  {
    field: 'usage.activeUsersPrior30d',
    source: 'company `csops_active_users_prior_30d`',
    calculation: 'number',
  },
  {
    field: 'usage.featuresAdopted',
    source: 'company `csops_features_adopted`',
    calculation: 'number',
  },
  {
    field: 'usage.featuresLicensed',
    source: 'company `csops_features_licensed`',
    calculation: 'number',
  },
  {
    field: 'usage.lastActivityAt',
    source: 'company `csops_last_activity_at`',
    calculation: 'as is',
  },
  { field: 'usage.observedAt', source: 'company `csops_usage_observed_at`', calculation: 'as is' },
  {
    field: 'support.openTickets',
    source: 'associated tickets',
    calculation: 'count created by asOf, without `closed_date` and not `hs_is_closed`',
  },
  {
    field: 'support.tickets30d',
    source: 'associated tickets',
    calculation: 'count with `createdate` in the 30 days up to asOf',
  },
  {
    field: 'support.escalations90d',
    source: 'associated tickets',
    calculation: 'count with `hs_ticket_priority` HIGH or URGENT created in the 90 days up to asOf',
  },
  { field: 'support.csat', source: 'company `csops_csat`', calculation: 'number, 0–100' },
  {
    field: 'support.observedAt',
    source: 'associated tickets',
    calculation: 'asOf (tickets are live CRM data); group absent without tickets and CSAT',
  },
  {
    field: 'engagement.meetings90d',
    source: 'associated meetings',
    calculation: 'count with `hs_meeting_start_time` in the 90 days up to asOf',
  },
  {
    field: 'engagement.lastExecutiveMeetingAt',
    source: 'associated meetings → their contacts',
    calculation:
      'latest meeting up to asOf attended by a contact whose `csops_stakeholder_role` is executive_sponsor',
  },
  {
    field: 'engagement.championPresent',
    source: 'associated contacts',
    calculation: 'a champion (`csops_stakeholder_role`) without `csops_left_company_at` up to asOf',
  },
  {
    field: 'engagement.championLeftAt',
    source: 'associated contacts',
    calculation: 'latest `csops_left_company_at` of a champion, up to asOf',
  },
  {
    field: 'engagement.observedAt',
    source: 'associated meetings and contacts',
    calculation: 'asOf (live CRM data); group absent without either',
  },
  {
    field: 'sentiment.npsLatest',
    source: 'company `csops_nps_latest`',
    calculation: 'number, −100–100',
  },
  {
    field: 'sentiment.npsPrevious',
    source: 'company `csops_nps_previous`',
    calculation: 'number, −100–100',
  },
  {
    field: 'sentiment.observedAt',
    source: 'company `csops_nps_observed_at`',
    calculation: 'as is',
  },
  {
    field: 'billing.overdueInvoices',
    source: 'company `csops_overdue_invoices`',
    calculation: 'number',
  },
  { field: 'billing.daysPastDue', source: 'company `csops_days_past_due`', calculation: 'number' },
  {
    field: 'billing.failedPayments90d',
    source: 'company `csops_failed_payments_90d`',
    calculation: 'number',
  },
  {
    field: 'billing.autoPay',
    source: 'company `csops_auto_pay`',
    calculation: '"true"/"false" → boolean',
  },
  {
    field: 'billing.observedAt',
    source: 'company `csops_billing_observed_at`',
    calculation: 'as is',
  },
  {
    field: 'onboarding.handoffSubmittedAt',
    source: 'associated deals',
    calculation:
      'latest `csops_handoff_submitted_at` of a deal whose `csops_handoff_status` is submitted',
  },
  {
    field: 'onboarding.milestones',
    source: 'company `csops_kickoff_held_at`',
    calculation: 'the kickoff milestone, done at that time',
  },
  {
    field: 'onboarding.observedAt',
    source: 'associated deals',
    calculation: 'asOf when a handoff was submitted or a kickoff held',
  },
  {
    field: 'previous (trend)',
    source:
      'company `csops_health_score`/`_band`/`_updated_at`, else `csops_health_previous_score`/`_band`/`_at`',
    calculation:
      'the last score written on an earlier day than asOf, so rescoring twice a day keeps the day-over-day trend',
  },
  {
    field: 'open expansion deal',
    source: 'associated deals',
    calculation:
      'a deal with `csops_expansion_key` that is not closed (`hs_is_closed`, or stage closedwon/closedlost)',
  },
];

/** @param {string | null | undefined} v */
const blank = (v) => v === undefined || v === null || String(v).trim() === '';

/** @param {string | null | undefined} v */
function num(v) {
  if (blank(v)) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** @param {string | null | undefined} v */
function bool(v) {
  if (blank(v)) return undefined;
  const s = String(v).toLowerCase();
  if (s === 'true') return true;
  if (s === 'false') return false;
  return undefined;
}

/** HubSpot sends dates as YYYY-MM-DD, ISO strings or epoch milliseconds. @param {string | null | undefined} v */
function iso(v) {
  if (blank(v)) return undefined;
  const s = String(v).trim();
  const ms = /^\d{10,}$/.test(s) ? Number(s) : Date.parse(s);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** Drops undefined fields, and the whole group when nothing in it was observed. @param {Record<string, unknown>} group */
function compact(group) {
  const out = Object.fromEntries(Object.entries(group).filter(([, v]) => v !== undefined));
  const observed = Object.keys(out).filter((k) => k !== 'observedAt');
  return observed.length > 0 ? out : undefined;
}

/** @param {string | undefined} at @param {number} asOfMs @param {number} days */
const within = (at, asOfMs, days) => {
  if (at === undefined) return false;
  const ms = Date.parse(at);
  return ms <= asOfMs && ms > asOfMs - days * DAY_MS;
};

/** @param {import('./crm.js').CrmRecord} deal */
function isClosedDeal(deal) {
  const p = deal.properties;
  return (
    bool(p.hs_is_closed) === true || ['closedwon', 'closedlost'].includes(String(p.dealstage ?? ''))
  );
}

/**
 * @typedef {import('./crm.js').CrmRecord} CrmRecord
 * @typedef {{
 *   company: CrmRecord,
 *   deals: CrmRecord[],
 *   tickets: CrmRecord[],
 *   contacts: CrmRecord[],
 *   meetings: CrmRecord[],
 *   meetingContacts: Map<string, string[]>,
 *   tasks?: CrmRecord[],
 * }} AccountRecords
 */

/** @param {CrmRecord[]} tickets @param {string | undefined} csat @param {string} asOf */
function supportGroup(tickets, csat, asOf) {
  const asOfMs = Date.parse(asOf);
  const csatValue = num(csat);
  if (tickets.length === 0 && csatValue === undefined) return undefined;
  const created = (/** @type {CrmRecord} */ t) => iso(t.properties.createdate);
  // Tickets opened after asOf did not exist yet at the moment the snapshot describes.
  const existed = (/** @type {CrmRecord} */ t) => {
    const at = created(t);
    return at === undefined || Date.parse(at) <= asOfMs;
  };
  const open = tickets.filter(
    (t) =>
      existed(t) && blank(t.properties.closed_date) && bool(t.properties.hs_is_closed) !== true,
  );
  const escalated = tickets.filter((t) =>
    ['HIGH', 'URGENT'].includes(String(t.properties.hs_ticket_priority ?? '').toUpperCase()),
  );
  return compact({
    openTickets: tickets.length > 0 ? open.length : undefined,
    tickets30d:
      tickets.length > 0 ? tickets.filter((t) => within(created(t), asOfMs, 30)).length : undefined,
    escalations90d:
      tickets.length > 0
        ? escalated.filter((t) => within(created(t), asOfMs, 90)).length
        : undefined,
    csat: csatValue,
    observedAt: asOf,
  });
}

/** @param {AccountRecords} records @param {string} asOf */
function engagementGroup(records, asOf) {
  const { contacts, meetings, meetingContacts } = records;
  if (contacts.length === 0 && meetings.length === 0) return undefined;
  const asOfMs = Date.parse(asOf);
  const role = (/** @type {CrmRecord} */ c) => String(c.properties.csops_stakeholder_role ?? '');
  const leftAt = (/** @type {CrmRecord} */ c) => {
    const at = iso(c.properties.csops_left_company_at);
    return at !== undefined && Date.parse(at) <= asOfMs ? at : undefined;
  };
  const champions = contacts.filter((c) => role(c) === 'champion');
  const departures = champions
    .map(leftAt)
    .filter((at) => at !== undefined)
    .sort();
  const executives = new Set(
    contacts.filter((c) => role(c) === 'executive_sponsor').map((c) => c.id),
  );
  const startOf = (/** @type {CrmRecord} */ m) =>
    iso(m.properties.hs_meeting_start_time) ?? iso(m.properties.hs_timestamp);
  const heldMeetings = meetings
    .map((m) => ({ id: m.id, at: startOf(m) }))
    .filter((m) => m.at !== undefined && Date.parse(m.at) <= asOfMs);
  const executiveMeetings = heldMeetings
    .filter((m) => (meetingContacts.get(m.id) ?? []).some((id) => executives.has(id)))
    .map((m) => /** @type {string} */ (m.at))
    .sort();
  return compact({
    lastExecutiveMeetingAt: executiveMeetings.at(-1),
    // An active champion is presence; a departed one with no successor is absence; no champion
    // on record says nothing either way.
    championPresent: champions.some((c) => leftAt(c) === undefined)
      ? true
      : departures.length > 0
        ? false
        : undefined,
    championLeftAt: departures.at(-1),
    meetings90d: heldMeetings.filter((m) => within(m.at, asOfMs, 90)).length,
    observedAt: asOf,
  });
}

/**
 * @param {AccountRecords} records
 * @param {string} asOf ISO date-time the snapshot describes
 * @returns {Record<string, unknown>} an AccountSnapshot, still to be validated by the core's schema
 */
function toSnapshot(records, asOf) {
  const p = records.company.properties;
  const submitted = records.deals
    .filter((d) => d.properties.csops_handoff_status === 'submitted')
    .map((d) => iso(d.properties.csops_handoff_submitted_at))
    .filter((at) => at !== undefined)
    .sort();
  const snapshot = {
    accountId: records.company.id,
    name: blank(p.name) ? undefined : String(p.name),
    asOf,
    arr: num(p.csops_arr),
    segment: blank(p.csops_segment) ? undefined : p.csops_segment,
    ownerId: [p.csops_csm_owner_id, p.hubspot_owner_id].find((v) => !blank(v)) ?? undefined,
    contract: compact({
      startDate: iso(p.csops_contract_start_date),
      renewalDate: iso(p.csops_renewal_date),
      termMonths: num(p.csops_contract_term_months),
      licensedSeats: num(p.csops_licensed_seats),
      autoRenew: bool(p.csops_auto_renew),
      downgradeRequested: bool(p.csops_downgrade_requested),
      observedAt: iso(p.csops_contract_observed_at),
    }),
    usage: compact({
      activeUsers30d: num(p.csops_active_users_30d),
      activeUsersPrior30d: num(p.csops_active_users_prior_30d),
      featuresAdopted: num(p.csops_features_adopted),
      featuresLicensed: num(p.csops_features_licensed),
      lastActivityAt: iso(p.csops_last_activity_at),
      observedAt: iso(p.csops_usage_observed_at),
    }),
    support: supportGroup(records.tickets, p.csops_csat ?? undefined, asOf),
    engagement: engagementGroup(records, asOf),
    sentiment: compact({
      npsLatest: num(p.csops_nps_latest),
      npsPrevious: num(p.csops_nps_previous),
      observedAt: iso(p.csops_nps_observed_at),
    }),
    billing: compact({
      overdueInvoices: num(p.csops_overdue_invoices),
      daysPastDue: num(p.csops_days_past_due),
      failedPayments90d: num(p.csops_failed_payments_90d),
      autoPay: bool(p.csops_auto_pay),
      observedAt: iso(p.csops_billing_observed_at),
    }),
    onboarding: onboardingGroup(submitted.at(-1), iso(p.csops_kickoff_held_at), asOf),
  };
  return Object.fromEntries(Object.entries(snapshot).filter(([, v]) => v !== undefined));
}

/**
 * The handoff and the kickoff, as the onboarding playbook reads them: a kickoff held is its step done.
 * @param {string | undefined} submittedAt
 * @param {string | undefined} kickoffHeldAt
 * @param {string} asOf
 */
function onboardingGroup(submittedAt, kickoffHeldAt, asOf) {
  if (submittedAt === undefined && kickoffHeldAt === undefined) return undefined;
  return compact({
    handoffSubmittedAt: submittedAt,
    milestones:
      kickoffHeldAt === undefined
        ? undefined
        : [{ key: 'kickoff', name: 'Kickoff call', doneAt: kickoffHeldAt }],
    observedAt: asOf,
  });
}

/**
 * The trend baseline the core picks from the last result written to the company and the one kept
 * before it.
 * @param {CrmRecord} company @param {string} asOf
 */
function previousHealth(company, asOf) {
  const p = company.properties;
  return core.trendBaseline(
    {
      score: num(p.csops_health_score),
      band: p.csops_health_band,
      at: iso(p.csops_health_updated_at),
    },
    {
      score: num(p.csops_health_previous_score),
      band: p.csops_health_previous_band,
      at: iso(p.csops_health_previous_at),
    },
    asOf,
  );
}

/** @param {CrmRecord[]} deals */
function openExpansionDeal(deals) {
  const open = deals.find((d) => !blank(d.properties.csops_expansion_key) && !isClosedDeal(d));
  return open
    ? {
        id: open.id,
        name: String(open.properties.dealname ?? ''),
        amount: num(open.properties.amount) ?? null,
        key: String(open.properties.csops_expansion_key),
      }
    : null;
}

/** Which company property holds each field of the core's health result. */
const RESULT_PROPERTIES = {
  score: 'csops_health_score',
  band: 'csops_health_band',
  trend: 'csops_health_trend',
  coverage: 'csops_health_coverage',
  riskLevel: 'csops_renewal_risk',
  arrAtRisk: 'csops_arr_at_risk',
  updatedAt: 'csops_health_updated_at',
  previousScore: 'csops_health_previous_score',
  previousBand: 'csops_health_previous_band',
  previousAt: 'csops_health_previous_at',
  settingsVersion: 'csops_health_settings_version',
};

/**
 * The company properties to write after scoring, or null when the core finds nothing changed.
 * @param {CrmRecord} company
 * @param {import('@csops/core').AccountEvaluation} evaluation
 * @param {import('@csops/core').PreviousHealth | undefined} previous the baseline the trend used
 * @param {number | null} [settingsVersion] the saved settings version scored under (null: defaults)
 * @returns {Record<string, string> | null}
 */
function healthWriteBack(company, evaluation, previous, settingsVersion = null) {
  const fields = /** @type {(keyof typeof RESULT_PROPERTIES)[]} */ (Object.keys(RESULT_PROPERTIES));
  const stored = Object.fromEntries(
    fields.map((f) => [f, company.properties[RESULT_PROPERTIES[f]] ?? null]),
  );
  const result = core.healthResultToWrite(evaluation, previous, stored, settingsVersion);
  if (result === null) return null;
  return Object.fromEntries(
    fields.map((f) => [RESULT_PROPERTIES[f], result[f] === null ? '' : String(result[f])]),
  );
}

module.exports = {
  MAPPING,
  COMPANY_PROPERTIES,
  DEAL_PROPERTIES,
  TICKET_PROPERTIES,
  CONTACT_PROPERTIES,
  MEETING_PROPERTIES,
  toSnapshot,
  previousHealth,
  openExpansionDeal,
  healthWriteBack,
  isClosedDeal,
  iso,
  num,
};
