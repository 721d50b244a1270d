import type { HandoffInput } from '@csops/core';
import { DEMO_ACCOUNTS, DEMO_PEOPLE, seedPortal } from '../seed/index.js';
import type { DemoAccountKey } from '../seed/index.js';
import { NAMED_PROFILES } from '../seed/demo-profiles.js';
import type { CrmRecord } from '../store/types.js';
import type { CrmStore } from '../store/store.js';
import { recordId } from './ids.js';
import { settingsRecords, sobject } from './model/sobjects.js';
import { createRecord } from './records.js';
import type { WriteContext } from './records.js';
import { SfStore } from './store.js';
import type { SfRecord } from './store.js';
import { sfDateTime } from './values.js';

/** The org id the sandbox answers with; the access token starts with it, as a real one does. */
export const SANDBOX_ORG_ID = '00D5g00000CSOPSEAM';

/** The people of the demo org: the HubSpot demo's CSMs, AEs and CS Ops lead, as Users in the same order. */
export const SF_DEMO_USERS = DEMO_PEOPLE.map((p, i) => ({ ...p, id: recordId('005', i + 1) }));
/** The integration user the API acts as: the CS Ops lead who administers csops. */
const API_USER = SF_DEMO_USERS[0]!;

/** HubSpot company property → Account field; values are the same, typed by the field. */
export const ACCOUNT_FIELD_OF: Record<string, string> = {
  csops_arr: 'Csops_ARR__c',
  csops_segment: 'Csops_Segment__c',
  csops_contract_start_date: 'Csops_Contract_Start__c',
  csops_renewal_date: 'Csops_Renewal_Date__c',
  csops_contract_term_months: 'Csops_Contract_Term_Months__c',
  csops_licensed_seats: 'Csops_Licensed_Seats__c',
  csops_auto_renew: 'Csops_Auto_Renew__c',
  csops_downgrade_requested: 'Csops_Downgrade_Requested__c',
  csops_contract_observed_at: 'Csops_Contract_Observed_At__c',
  csops_active_users_30d: 'Csops_Active_Users_30d__c',
  csops_active_users_prior_30d: 'Csops_Active_Users_Prior_30d__c',
  csops_features_adopted: 'Csops_Features_Adopted__c',
  csops_features_licensed: 'Csops_Features_Licensed__c',
  csops_last_activity_at: 'Csops_Last_Activity_At__c',
  csops_kickoff_held_at: 'Csops_Kickoff_Held_At__c',
  csops_usage_observed_at: 'Csops_Usage_Observed_At__c',
  csops_csat: 'Csops_CSAT__c',
  csops_nps_latest: 'Csops_NPS_Latest__c',
  csops_nps_previous: 'Csops_NPS_Previous__c',
  csops_nps_observed_at: 'Csops_NPS_Observed_At__c',
  csops_overdue_invoices: 'Csops_Overdue_Invoices__c',
  csops_days_past_due: 'Csops_Days_Past_Due__c',
  csops_failed_payments_90d: 'Csops_Failed_Payments_90d__c',
  csops_auto_pay: 'Csops_Auto_Pay__c',
  csops_billing_observed_at: 'Csops_Billing_Observed_At__c',
  csops_health_score: 'Csops_Health_Score__c',
  csops_health_band: 'Csops_Health_Band__c',
  csops_health_trend: 'Csops_Health_Trend__c',
  csops_health_coverage: 'Csops_Health_Coverage__c',
  csops_renewal_risk: 'Csops_Renewal_Risk__c',
  csops_arr_at_risk: 'Csops_ARR_At_Risk__c',
  csops_health_updated_at: 'Csops_Health_Updated_At__c',
  csops_health_previous_score: 'Csops_Previous_Health_Score__c',
  csops_health_previous_band: 'Csops_Previous_Health_Band__c',
  csops_health_previous_at: 'Csops_Previous_Health_At__c',
};

/** The named demo accounts with their Account ids in the seeded org. */
export const SF_DEMO_ACCOUNTS = Object.fromEntries(
  Object.entries(DEMO_ACCOUNTS).map(([key, a]) => [
    key,
    // Accounts are created in profile order, the named ones first, as the HubSpot demo creates its companies.
    { name: a.name, id: recordId('001', NAMED_PROFILES.findIndex((p) => p.name === a.name) + 1) },
  ]),
) as Record<DemoAccountKey, { name: string; id: string }>;

const STAGE: Record<string, string> = {
  appointmentscheduled: 'Prospecting',
  qualifiedtobuy: 'Qualification',
  presentationscheduled: 'Value Proposition',
  decisionmakerboughtin: 'Negotiation/Review',
  contractsent: 'Proposal/Price Quote',
  closedwon: 'Closed Won',
  closedlost: 'Closed Lost',
};
const DEAL_TYPE: Record<string, string> = {
  newbusiness: 'New Business',
  existingbusiness: 'Existing Customer - Upgrade',
};
const TICKET_STATUS: Record<string, string> = {
  '1': 'New',
  '2': 'Working',
  '3': 'Working',
  '4': 'Closed',
};
const TICKET_PRIORITY: Record<string, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  URGENT: 'High',
};

const TASK_STATUS: Record<string, string> = {
  NOT_STARTED: 'Not Started',
  IN_PROGRESS: 'In Progress',
  WAITING: 'Waiting on someone else',
  COMPLETED: 'Completed',
  DEFERRED: 'Deferred',
};
const TASK_PRIORITY: Record<string, string> = { HIGH: 'High', MEDIUM: 'Normal', LOW: 'Low' };

const blank = (v: string | undefined) => (v === undefined || v === '' ? null : v);
const moment = (v: string | undefined) => {
  if (!v) return undefined;
  const ms = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  return Number.isNaN(ms) ? undefined : sfDateTime(ms);
};

/**
 * A new org. `empty` holds only the users and the settings record; `demo` also holds the HubSpot
 * sandbox's demo portfolio, seeded by the same code from the same reference moment and carried over
 * record for record, so both CRMs tell the same story with the same numbers.
 */
export function seedOrg(seed: 'demo' | 'empty', reference: Date): SfStore {
  const store = new SfStore({
    orgId: SANDBOX_ORG_ID,
    seededAt: reference.toISOString(),
    seed,
    apiUserId: API_USER.id,
  });
  const ctx: WriteContext = { store, now: () => reference };
  const create = (type: string, body: Record<string, unknown>, system: Partial<SfRecord> = {}) =>
    createRecord(ctx, sobject(type)!, body, system);
  for (const p of SF_DEMO_USERS) {
    const [first, ...last] = p.name.split(' ');
    create('User', {
      Username: p.email,
      Email: p.email,
      FirstName: first,
      LastName: last.join(' '),
      Department: p.team,
      Title: p.superAdmin
        ? 'CS Operations Lead'
        : p.team === 'Sales'
          ? 'Account Executive'
          : 'Customer Success Manager',
    });
  }
  for (const [name, rec] of Object.entries(settingsRecords())) {
    const values = Object.fromEntries(Object.entries(rec.values).filter(([, v]) => v !== null));
    store.put('Csops_Settings__mdt', {
      ...create('Csops_Settings__mdt', {}, {}),
      DeveloperName: name,
      MasterLabel: rec.label,
      Label: rec.label,
      QualifiedApiName: name,
      ...values,
    } as SfRecord);
  }
  if (seed === 'demo') carryOver(seedPortal('demo', 1, reference), create);
  store.commit();
  return store;
}

/** An org holding what `portal` holds, as `seedOrg('demo')` carries the HubSpot demo over. */
export function orgFromPortal(portal: CrmStore, reference: Date): SfStore {
  const store = seedOrg('empty', reference);
  const ctx: WriteContext = { store, now: () => reference };
  carryOver(portal, (type, body, system = {}) => createRecord(ctx, sobject(type)!, body, system));
  store.commit();
  return store;
}

function carryOver(
  hs: CrmStore,
  create: (type: string, body: Record<string, unknown>, system?: Partial<SfRecord>) => SfRecord,
): void {
  const userOf = new Map(SF_DEMO_USERS.map((u) => [u.ownerId, u.id]));
  const owner = (r: CrmRecord) => userOf.get(r.properties.hubspot_owner_id ?? '') ?? API_USER.id;
  const typeId = (name: string) => hs.objectType(name)!.objectTypeId;
  const accountOf = new Map<string, string>();
  const contactOf = new Map<string, string>();
  const firstAssoc = (from: string, id: string, to: string) =>
    [...hs.associations(typeId(from), id, typeId(to)).keys()][0];
  const created = (r: CrmRecord) => ({
    CreatedDate: moment(r.properties.createdate) ?? sfDateTime(Date.parse(r.createdAt)),
  });

  for (const c of hs.listRecords(typeId('companies'))) {
    const p = c.properties;
    const body: Record<string, unknown> = {
      Name: p.name,
      Website: p.domain,
      Industry: p.industry,
      Type: 'Customer',
      NumberOfEmployees: p.numberofemployees ? Number(p.numberofemployees) : null,
      OwnerId: owner(c),
      Csops_CSM__c: userOf.get(p.csops_csm_owner_id ?? '') ?? null,
    };
    for (const [prop, field] of Object.entries(ACCOUNT_FIELD_OF)) body[field] = blank(p[prop]);
    accountOf.set(c.id, create('Account', body, created(c)).Id);
  }
  for (const c of hs.listRecords(typeId('contacts'))) {
    const p = c.properties;
    const company = firstAssoc('contacts', c.id, 'companies');
    const contact = create(
      'Contact',
      {
        FirstName: p.firstname,
        LastName: p.lastname,
        Email: p.email,
        Title: p.jobtitle,
        AccountId: company ? accountOf.get(company) : null,
        OwnerId: owner(c),
        Csops_Stakeholder_Role__c: blank(p.csops_stakeholder_role),
        Csops_Left_Company_At__c: blank(p.csops_left_company_at),
      },
      created(c),
    );
    contactOf.set(c.id, contact.Id);
  }
  for (const t of hs.listRecords(typeId('tickets'))) {
    const p = t.properties;
    const company = firstAssoc('tickets', t.id, 'companies');
    const closed = p.hs_pipeline_stage === '4';
    create(
      'Case',
      {
        Subject: p.subject,
        Description: p.content,
        Status: TICKET_STATUS[p.hs_pipeline_stage ?? ''] ?? 'New',
        Priority: TICKET_PRIORITY[p.hs_ticket_priority ?? ''] ?? 'Medium',
        IsEscalated: p.hs_ticket_priority === 'URGENT',
        AccountId: company ? accountOf.get(company) : null,
        OwnerId: owner(t),
      },
      { ...created(t), ...(closed ? { ClosedDate: moment(p.closed_date) ?? null } : {}) },
    );
  }
  for (const m of hs.listRecords(typeId('meetings'))) {
    const p = m.properties;
    const company = firstAssoc('meetings', m.id, 'companies');
    const contact = firstAssoc('meetings', m.id, 'contacts');
    create(
      'Event',
      {
        Subject: p.hs_meeting_title,
        Type: p.hs_activity_type,
        StartDateTime: p.hs_meeting_start_time,
        EndDateTime: p.hs_meeting_end_time,
        WhatId: company ? accountOf.get(company) : null,
        WhoId: contact ? contactOf.get(contact) : null,
        OwnerId: owner(m),
      },
      { CreatedDate: moment(p.hs_timestamp) },
    );
  }
  for (const t of hs.listRecords(typeId('tasks'))) {
    const p = t.properties;
    const company = firstAssoc('tasks', t.id, 'companies');
    const due = moment(p.hs_timestamp);
    create(
      'Task',
      {
        Subject: p.hs_task_subject,
        Description: blank(p.hs_task_body),
        Status: TASK_STATUS[p.hs_task_status ?? ''] ?? 'Not Started',
        Priority: TASK_PRIORITY[p.hs_task_priority ?? ''] ?? 'Normal',
        ActivityDate: due ? due.slice(0, 10) : null,
        WhatId: company ? accountOf.get(company) : null,
        OwnerId: owner(t),
        Csops_Action_Key__c: blank(p.csops_action_key),
      },
      created(t),
    );
  }
  for (const d of hs.listRecords(typeId('deals'))) {
    const p = d.properties;
    const company = firstAssoc('deals', d.id, 'companies');
    const handoff = p.csops_handoff ? (JSON.parse(p.csops_handoff) as HandoffInput) : undefined;
    create(
      'Opportunity',
      {
        Name: p.dealname,
        Amount: p.amount ? Number(p.amount) : null,
        StageName: STAGE[p.dealstage ?? ''] ?? 'Prospecting',
        CloseDate: p.closedate ? p.closedate.slice(0, 10) : null,
        Type: DEAL_TYPE[p.dealtype ?? ''] ?? null,
        AccountId: company ? accountOf.get(company) : null,
        OwnerId: owner(d),
        Csops_Expansion_Key__c: blank(p.csops_expansion_key),
        Csops_Handoff_Status__c: blank(p.csops_handoff_status),
        Csops_Handoff_Completeness__c: p.csops_handoff_completeness
          ? Number(p.csops_handoff_completeness)
          : null,
        Csops_Handoff_Submitted_At__c: blank(p.csops_handoff_submitted_at),
        ...(handoff ? handoffFields(handoff) : {}),
      },
      created(d),
    );
  }
}

/** The handoff checklist as the Opportunity's fields hold it (stakeholders as JSON, as the component writes them). */
function handoffFields(h: HandoffInput): Record<string, unknown> {
  return {
    Csops_Customer_Goals__c: h.customerGoals ?? null,
    Csops_Success_Criteria__c: h.successCriteria ?? null,
    Csops_Technical_Requirements__c: h.technicalRequirements ?? null,
    Csops_Implementation_Requirements__c: h.implementationRequirements ?? null,
    Csops_Stakeholders__c: h.stakeholders?.length ? JSON.stringify(h.stakeholders) : null,
    Csops_Competitive_Alternatives__c: h.competitiveAlternatives ?? null,
    Csops_Promises_Made__c: h.promisesMade ?? null,
    Csops_Contract_Executed__c: h.contractExecuted ?? false,
    Csops_Payment_Terms_Confirmed__c: h.paymentTermsConfirmed ?? false,
    Csops_Kickoff_Date__c: h.kickoffDate ?? null,
  };
}
