/**
 * Salesforce records → the core's AccountSnapshot. The one place that knows which field or related
 * list feeds which signal (the table is in salesforce/README.md). It reports facts only; what they
 * mean for health, risk and playbooks is decided by the core.
 *
 * Inputs are Lightning Data Service shapes: a getRecord record and getRelatedListRecords results.
 * A related list the user cannot read is passed as undefined, and the signals it feeds stay missing
 * (the score says so through coverage) rather than being read as zero.
 */
import ACCOUNT_NAME from '@salesforce/schema/Account.Name';
import ACCOUNT_OWNER from '@salesforce/schema/Account.OwnerId';
import ARR from '@salesforce/schema/Account.Csops_ARR__c';
import SEGMENT from '@salesforce/schema/Account.Csops_Segment__c';
import CONTRACT_START from '@salesforce/schema/Account.Csops_Contract_Start__c';
import RENEWAL_DATE from '@salesforce/schema/Account.Csops_Renewal_Date__c';
import TERM_MONTHS from '@salesforce/schema/Account.Csops_Contract_Term_Months__c';
import LICENSED_SEATS from '@salesforce/schema/Account.Csops_Licensed_Seats__c';
import AUTO_RENEW from '@salesforce/schema/Account.Csops_Auto_Renew__c';
import DOWNGRADE from '@salesforce/schema/Account.Csops_Downgrade_Requested__c';
import CONTRACT_OBSERVED from '@salesforce/schema/Account.Csops_Contract_Observed_At__c';
import ACTIVE_30D from '@salesforce/schema/Account.Csops_Active_Users_30d__c';
import ACTIVE_PRIOR from '@salesforce/schema/Account.Csops_Active_Users_Prior_30d__c';
import FEATURES_ADOPTED from '@salesforce/schema/Account.Csops_Features_Adopted__c';
import FEATURES_LICENSED from '@salesforce/schema/Account.Csops_Features_Licensed__c';
import LAST_ACTIVITY from '@salesforce/schema/Account.Csops_Last_Activity_At__c';
import USAGE_OBSERVED from '@salesforce/schema/Account.Csops_Usage_Observed_At__c';
import CSAT from '@salesforce/schema/Account.Csops_CSAT__c';
import NPS_LATEST from '@salesforce/schema/Account.Csops_NPS_Latest__c';
import NPS_PREVIOUS from '@salesforce/schema/Account.Csops_NPS_Previous__c';
import NPS_OBSERVED from '@salesforce/schema/Account.Csops_NPS_Observed_At__c';
import OVERDUE_INVOICES from '@salesforce/schema/Account.Csops_Overdue_Invoices__c';
import DAYS_PAST_DUE from '@salesforce/schema/Account.Csops_Days_Past_Due__c';
import FAILED_PAYMENTS from '@salesforce/schema/Account.Csops_Failed_Payments_90d__c';
import AUTO_PAY from '@salesforce/schema/Account.Csops_Auto_Pay__c';
import BILLING_OBSERVED from '@salesforce/schema/Account.Csops_Billing_Observed_At__c';
import FIRST_VALUE from '@salesforce/schema/Account.Csops_First_Value_At__c';
import KICKOFF_HELD from '@salesforce/schema/Account.Csops_Kickoff_Held_At__c';
import HEALTH_SCORE from '@salesforce/schema/Account.Csops_Health_Score__c';
import HEALTH_BAND from '@salesforce/schema/Account.Csops_Health_Band__c';
import HEALTH_TREND from '@salesforce/schema/Account.Csops_Health_Trend__c';
import HEALTH_COVERAGE from '@salesforce/schema/Account.Csops_Health_Coverage__c';
import RENEWAL_RISK from '@salesforce/schema/Account.Csops_Renewal_Risk__c';
import ARR_AT_RISK from '@salesforce/schema/Account.Csops_ARR_At_Risk__c';
import HEALTH_UPDATED from '@salesforce/schema/Account.Csops_Health_Updated_At__c';
import PREVIOUS_SCORE from '@salesforce/schema/Account.Csops_Previous_Health_Score__c';
import PREVIOUS_BAND from '@salesforce/schema/Account.Csops_Previous_Health_Band__c';
import PREVIOUS_AT from '@salesforce/schema/Account.Csops_Previous_Health_At__c';
import CASE_ID from '@salesforce/schema/Case.Id';
import CASE_CLOSED from '@salesforce/schema/Case.IsClosed';
import CASE_ESCALATED from '@salesforce/schema/Case.IsEscalated';
import CASE_CREATED from '@salesforce/schema/Case.CreatedDate';
import CONTACT_ID from '@salesforce/schema/Contact.Id';
import CONTACT_NAME from '@salesforce/schema/Contact.Name';
import CONTACT_ROLE from '@salesforce/schema/Contact.Csops_Stakeholder_Role__c';
import CONTACT_LEFT from '@salesforce/schema/Contact.Csops_Left_Company_At__c';
import OPP_ID from '@salesforce/schema/Opportunity.Id';
import OPP_NAME from '@salesforce/schema/Opportunity.Name';
import OPP_CLOSED from '@salesforce/schema/Opportunity.IsClosed';
import OPP_EXPANSION_KEY from '@salesforce/schema/Opportunity.Csops_Expansion_Key__c';
import OPP_HANDOFF_SUBMITTED from '@salesforce/schema/Opportunity.Csops_Handoff_Submitted_At__c';
import EVENT_ID from '@salesforce/schema/Event.Id';
import EVENT_START from '@salesforce/schema/Event.StartDateTime';
import EVENT_WHO from '@salesforce/schema/Event.WhoId';

const qualified = (f) => `${f.objectApiName}.${f.fieldApiName}`;
const name = (f) => f.fieldApiName;

/** Every Account field read; optionalFields, so a field hidden by field-level security is just missing. */
export const ACCOUNT_FIELDS = [
  ACCOUNT_NAME,
  ACCOUNT_OWNER,
  ARR,
  SEGMENT,
  CONTRACT_START,
  RENEWAL_DATE,
  TERM_MONTHS,
  LICENSED_SEATS,
  AUTO_RENEW,
  DOWNGRADE,
  CONTRACT_OBSERVED,
  ACTIVE_30D,
  ACTIVE_PRIOR,
  FEATURES_ADOPTED,
  FEATURES_LICENSED,
  LAST_ACTIVITY,
  USAGE_OBSERVED,
  CSAT,
  NPS_LATEST,
  NPS_PREVIOUS,
  NPS_OBSERVED,
  OVERDUE_INVOICES,
  DAYS_PAST_DUE,
  FAILED_PAYMENTS,
  AUTO_PAY,
  BILLING_OBSERVED,
  FIRST_VALUE,
  KICKOFF_HELD,
  HEALTH_SCORE,
  HEALTH_BAND,
  HEALTH_TREND,
  HEALTH_COVERAGE,
  RENEWAL_RISK,
  ARR_AT_RISK,
  HEALTH_UPDATED,
  PREVIOUS_SCORE,
  PREVIOUS_BAND,
  PREVIOUS_AT,
].map(qualified);

// Related lists are read newest first; counts look at the latest page only.
export const RELATED_PAGE_SIZE = 200;
export const CASES = {
  relatedListId: 'Cases',
  fields: [CASE_ID, CASE_CLOSED, CASE_ESCALATED, CASE_CREATED].map(qualified),
  sortBy: [`-${qualified(CASE_CREATED)}`],
};
export const CONTACTS = {
  relatedListId: 'Contacts',
  fields: [CONTACT_ID, CONTACT_NAME].map(qualified),
  optionalFields: [CONTACT_ROLE, CONTACT_LEFT].map(qualified),
};
export const OPPORTUNITIES = {
  relatedListId: 'Opportunities',
  fields: [OPP_ID, OPP_NAME, OPP_CLOSED].map(qualified),
  optionalFields: [OPP_EXPANSION_KEY, OPP_HANDOFF_SUBMITTED].map(qualified),
};
export const EVENTS = {
  relatedListId: 'Events',
  fields: [EVENT_ID, EVENT_START].map(qualified),
  optionalFields: [EVENT_WHO].map(qualified),
  sortBy: [`-${qualified(EVENT_START)}`],
};

const DAY_MS = 86400000;

export function value(record, field) {
  const f =
    record && record.fields && record.fields[typeof field === 'string' ? field : name(field)];
  return f === undefined || f === null ? undefined : f.value === null ? undefined : f.value;
}

/** Date fields arrive as YYYY-MM-DD, date-times as ISO: the core wants ISO date-times. */
export function toIso(v) {
  if (v === undefined || v === null || v === '') return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00.000Z` : new Date(v).toISOString();
}

function daysBefore(asOf, iso) {
  return (Date.parse(asOf) - Date.parse(iso)) / DAY_MS;
}

/** Drops undefined entries; a group with nothing observed is left out entirely. */
function group(fields) {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
  const observed = entries.filter(([k]) => k !== 'observedAt');
  return observed.length ? Object.fromEntries(entries) : undefined;
}

/** A kickoff held is the onboarding playbook's kickoff step done. */
function kickoffMilestones(heldAt) {
  return heldAt ? [{ key: 'kickoff', name: 'Kickoff call', doneAt: heldAt }] : undefined;
}

/** Checkboxes cannot be blank, so they count only once the sync that fills them has stamped its time. */
function checkbox(account, field, observedAt) {
  return observedAt ? value(account, field) === true : undefined;
}

function records(list) {
  return list && Array.isArray(list.records) ? list.records : undefined;
}

function supportGroup(account, cases, asOf) {
  const rows = records(cases);
  const csat = value(account, CSAT);
  if (!rows) return group({ csat });
  const created = (c) => toIso(value(c, CASE_CREATED));
  return group({
    openTickets: rows.filter((c) => value(c, CASE_CLOSED) !== true).length,
    tickets30d: rows.filter((c) => created(c) && daysBefore(asOf, created(c)) <= 30).length,
    escalations90d: rows.filter(
      (c) => value(c, CASE_ESCALATED) === true && created(c) && daysBefore(asOf, created(c)) <= 90,
    ).length,
    csat,
    observedAt: asOf,
  });
}

function role(contact) {
  return value(contact, CONTACT_ROLE);
}

function latest(isos) {
  const sorted = isos.filter((d) => d !== undefined).sort();
  return sorted.length ? sorted[sorted.length - 1] : undefined;
}

function engagementGroup(contacts, events, asOf) {
  const people = records(contacts);
  const meetings = records(events);
  // Without any stakeholder role recorded, champion presence is unknown rather than absent.
  const withRoles = people ? people.filter((c) => role(c) !== undefined) : [];
  const champions = withRoles.filter((c) => role(c) === 'champion');
  const sponsors = new Set(
    withRoles.filter((c) => role(c) === 'executive_sponsor').map((c) => c.id),
  );
  const past = meetings
    ? meetings
        .map((e) => ({ at: toIso(value(e, EVENT_START)), who: value(e, EVENT_WHO) }))
        .filter((e) => e.at && daysBefore(asOf, e.at) >= 0)
    : undefined;
  return group({
    championPresent: withRoles.length
      ? champions.some((c) => value(c, CONTACT_LEFT) === undefined)
      : undefined,
    championLeftAt: latest(champions.map((c) => toIso(value(c, CONTACT_LEFT)))),
    lastExecutiveMeetingAt: past
      ? latest(past.filter((e) => sponsors.has(e.who)).map((e) => e.at))
      : undefined,
    meetings90d: past ? past.filter((e) => daysBefore(asOf, e.at) <= 90).length : undefined,
    observedAt: people || meetings ? asOf : undefined,
  });
}

/**
 * @param {object} input { account, cases, contacts, opportunities, events, asOf }
 * @returns the AccountSnapshot for the core (validated there)
 */
export function toAccountSnapshot({ account, cases, contacts, opportunities, events, asOf }) {
  const contractObserved = toIso(value(account, CONTRACT_OBSERVED));
  const billingObserved = toIso(value(account, BILLING_OBSERVED));
  const opps = records(opportunities) || [];
  const snapshot = {
    accountId: account.id,
    name: value(account, ACCOUNT_NAME),
    asOf,
    arr: value(account, ARR),
    segment: value(account, SEGMENT),
    ownerId: value(account, ACCOUNT_OWNER),
    contract: group({
      startDate: toIso(value(account, CONTRACT_START)),
      renewalDate: toIso(value(account, RENEWAL_DATE)),
      termMonths: value(account, TERM_MONTHS),
      licensedSeats: value(account, LICENSED_SEATS),
      autoRenew: checkbox(account, AUTO_RENEW, contractObserved),
      downgradeRequested: checkbox(account, DOWNGRADE, contractObserved),
      observedAt: contractObserved,
    }),
    usage: group({
      activeUsers30d: value(account, ACTIVE_30D),
      activeUsersPrior30d: value(account, ACTIVE_PRIOR),
      featuresAdopted: value(account, FEATURES_ADOPTED),
      featuresLicensed: value(account, FEATURES_LICENSED),
      lastActivityAt: toIso(value(account, LAST_ACTIVITY)),
      observedAt: toIso(value(account, USAGE_OBSERVED)),
    }),
    support: supportGroup(account, cases, asOf),
    engagement: engagementGroup(contacts, events, asOf),
    sentiment: group({
      npsLatest: value(account, NPS_LATEST),
      npsPrevious: value(account, NPS_PREVIOUS),
      observedAt: toIso(value(account, NPS_OBSERVED)),
    }),
    billing: group({
      overdueInvoices: value(account, OVERDUE_INVOICES),
      daysPastDue: value(account, DAYS_PAST_DUE),
      failedPayments90d: value(account, FAILED_PAYMENTS),
      autoPay: checkbox(account, AUTO_PAY, billingObserved),
      observedAt: billingObserved,
    }),
    onboarding: group({
      firstValueAt: toIso(value(account, FIRST_VALUE)),
      milestones: kickoffMilestones(toIso(value(account, KICKOFF_HELD))),
      handoffSubmittedAt: latest(opps.map((o) => toIso(value(o, OPP_HANDOFF_SUBMITTED)))),
    }),
  };
  return Object.fromEntries(Object.entries(snapshot).filter(([, v]) => v !== undefined));
}

/** Which Account field holds each field of the core's health result. */
const RESULT_FIELDS = {
  score: HEALTH_SCORE,
  band: HEALTH_BAND,
  trend: HEALTH_TREND,
  coverage: HEALTH_COVERAGE,
  riskLevel: RENEWAL_RISK,
  arrAtRisk: ARR_AT_RISK,
  updatedAt: HEALTH_UPDATED,
  previousScore: PREVIOUS_SCORE,
  previousBand: PREVIOUS_BAND,
  previousAt: PREVIOUS_AT,
};
const DATE_TIMES = new Set(['updatedAt', 'previousAt']);

/** The health result the Account holds, for the core to pick the trend baseline and compare with. */
export function storedHealth(account) {
  return Object.fromEntries(
    Object.entries(RESULT_FIELDS).map(([key, field]) => {
      const v = value(account, field);
      return [key, v === undefined ? null : DATE_TIMES.has(key) ? toIso(v) || null : v];
    }),
  );
}

/** An open Opportunity carrying a csops expansion key: the core drafts no second one. */
export function hasOpenExpansion(opportunities) {
  return (records(opportunities) || []).some(
    (o) => value(o, OPP_CLOSED) !== true && !!value(o, OPP_EXPANSION_KEY),
  );
}

/** The Opportunity already created for this expansion draft, if any. */
export function findExpansion(opportunities, key) {
  return (records(opportunities) || []).find((o) => value(o, OPP_EXPANSION_KEY) === key);
}

/** The updateRecord input for the result the core asks to write, or null when it asks for none. */
export function healthWriteBack(account, result) {
  if (!result) return null;
  const fields = { Id: account.id };
  for (const [key, field] of Object.entries(RESULT_FIELDS)) fields[name(field)] = result[key];
  return { fields };
}
