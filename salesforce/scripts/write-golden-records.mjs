#!/usr/bin/env node
// Turns the core's golden accounts into the records Salesforce would hold for them, in the shapes
// Lightning Data Service hands the components (getRecord, getRelatedListRecords). The golden test
// reads them back through the component mapping and the generated core and expects the same
// conclusions as every other face. A snapshot signal with no Salesforce home is listed as unmapped.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GOLDEN_ACCOUNTS } from '@csops/core/fixtures';

const salesforceDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(salesforceDir, 'test/generated/golden-records.json');
const DAY = 86400000;

const at = (asOf, daysBefore) => new Date(Date.parse(asOf) - daysBefore * DAY).toISOString();
const date = (iso) => (iso ? iso.slice(0, 10) : null);
const field = (value) => ({ displayValue: null, value: value ?? null });
const record = (apiName, id, fields) => ({
  apiName,
  id,
  fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, field(v)])),
});
const list = (records) => ({ count: records.length, records, nextPageToken: null });

function accountRecord(g) {
  const s = g.snapshot;
  const c = s.contract ?? {};
  const u = s.usage ?? {};
  const n = s.sentiment ?? {};
  const b = s.billing ?? {};
  const o = s.onboarding ?? {};
  const p = g.previous;
  return record('Account', s.accountId, {
    Name: s.name,
    OwnerId: s.ownerId,
    Csops_ARR__c: s.arr,
    Csops_Segment__c: s.segment,
    Csops_Contract_Start__c: date(c.startDate),
    Csops_Renewal_Date__c: date(c.renewalDate),
    Csops_Contract_Term_Months__c: c.termMonths,
    Csops_Licensed_Seats__c: c.licensedSeats,
    Csops_Auto_Renew__c: c.autoRenew === true,
    Csops_Downgrade_Requested__c: c.downgradeRequested === true,
    Csops_Contract_Observed_At__c: c.observedAt,
    Csops_Active_Users_30d__c: u.activeUsers30d,
    Csops_Active_Users_Prior_30d__c: u.activeUsersPrior30d,
    Csops_Features_Adopted__c: u.featuresAdopted,
    Csops_Features_Licensed__c: u.featuresLicensed,
    Csops_Last_Activity_At__c: u.lastActivityAt,
    Csops_Usage_Observed_At__c: u.observedAt,
    Csops_CSAT__c: s.support?.csat,
    Csops_NPS_Latest__c: n.npsLatest,
    Csops_NPS_Previous__c: n.npsPrevious,
    Csops_NPS_Observed_At__c: n.observedAt,
    Csops_Overdue_Invoices__c: b.overdueInvoices,
    Csops_Days_Past_Due__c: b.daysPastDue,
    Csops_Failed_Payments_90d__c: b.failedPayments90d,
    Csops_Auto_Pay__c: b.autoPay === true,
    Csops_Billing_Observed_At__c: b.observedAt,
    Csops_First_Value_At__c: o.firstValueAt,
    Csops_Kickoff_Held_At__c: o.milestones?.find((m) => m.key === 'kickoff')?.doneAt,
    Csops_Health_Score__c: p?.score,
    Csops_Health_Band__c: p?.band,
    Csops_Health_Updated_At__c: p?.asOf,
  });
}

/** Cases whose counts reproduce openTickets, tickets30d and escalations90d. */
function cases(g) {
  const t = g.snapshot.support;
  if (!t || (t.openTickets === undefined && t.tickets30d === undefined)) return null;
  const asOf = g.snapshot.asOf;
  const open = t.openTickets ?? 0;
  const recent = t.tickets30d ?? 0;
  const escalated = t.escalations90d ?? 0;
  const rows = [];
  const add = (closed, isEscalated, daysAgo) =>
    rows.push(
      record('Case', `500G${String(rows.length).padStart(4, '0')}`, {
        Id: `500G${String(rows.length).padStart(4, '0')}`,
        IsClosed: closed,
        IsEscalated: isEscalated,
        CreatedDate: at(asOf, daysAgo),
      }),
    );
  for (let i = 0; i < recent; i++) add(i >= open, i < escalated, 2);
  for (let i = recent; i < open; i++) add(false, false, 200);
  for (let i = recent; i < escalated; i++) add(true, true, 60);
  return list(rows);
}

function contactsAndEvents(g) {
  const e = g.snapshot.engagement;
  if (!e) return { contacts: null, events: null };
  const asOf = g.snapshot.asOf;
  const people = [];
  const person = (name, role, left) => {
    const id = `003G${String(people.length).padStart(4, '0')}`;
    people.push(
      record('Contact', id, {
        Id: id,
        Name: name,
        Csops_Stakeholder_Role__c: role,
        Csops_Left_Company_At__c: date(left),
      }),
    );
    return id;
  };
  if (e.championPresent === true) person('Casey Champion', 'champion');
  if (e.championLeftAt) person('Former Champion', 'champion', e.championLeftAt);
  if (e.championPresent === false && !e.championLeftAt) person('Una User', 'user');
  const meetings = [];
  const meeting = (start, who) => {
    const id = `00UG${String(meetings.length).padStart(4, '0')}`;
    meetings.push(record('Event', id, { Id: id, StartDateTime: start, WhoId: who ?? null }));
  };
  let within90 = 0;
  if (e.lastExecutiveMeetingAt) {
    meeting(e.lastExecutiveMeetingAt, person('Erin Sponsor', 'executive_sponsor'));
    if (Date.parse(asOf) - Date.parse(e.lastExecutiveMeetingAt) <= 90 * DAY) within90 = 1;
  }
  for (let i = within90; i < (e.meetings90d ?? 0); i++) meeting(at(asOf, 5 + i));
  const readEvents = e.meetings90d !== undefined || e.lastExecutiveMeetingAt !== undefined;
  return { contacts: list(people), events: readEvents ? list(meetings) : null };
}

function opportunities(g) {
  const rows = [];
  if (g.openExpansionDeal) {
    rows.push(
      record('Opportunity', '006G0001', {
        Id: '006G0001',
        Name: 'Seat expansion',
        IsClosed: false,
        Csops_Expansion_Key__c: 'expansion:existing',
      }),
    );
  }
  const submitted = g.snapshot.onboarding?.handoffSubmittedAt;
  if (submitted) {
    rows.push(
      record('Opportunity', '006G0002', {
        Id: '006G0002',
        Name: 'New business',
        IsClosed: true,
        Csops_Handoff_Submitted_At__c: submitted,
      }),
    );
  }
  return list(rows);
}

const unmapped = (g) => {
  const gaps = [];
  if (g.snapshot.currency) gaps.push('currency (multi-currency orgs only)');
  const milestones = g.snapshot.onboarding?.milestones ?? [];
  if (milestones.some((m) => m.key !== 'kickoff'))
    gaps.push('onboarding milestones but the kickoff');
  return gaps;
};

const out = GOLDEN_ACCOUNTS.map((g) => ({
  key: g.key,
  title: g.title,
  asOf: g.snapshot.asOf,
  snapshot: g.snapshot,
  previous: g.previous ?? null,
  openExpansionDeal: g.openExpansionDeal ?? false,
  expected: g.expected,
  unmapped: unmapped(g),
  account: accountRecord(g),
  cases: cases(g),
  ...contactsAndEvents(g),
  opportunities: opportunities(g),
}));

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${out.length} golden accounts as Salesforce records to ${OUT}`);
