import { defaultSettings, evaluateHandoff, handoffJudgedAt, type HandoffInput } from '@csops/core';
import { createRecords } from '../crm/records.js';
import type { CreateInput } from '../crm/records.js';
import type { CrmStore } from '../store/store.js';
import { NAMED_PROFILES, randomProfile } from './demo-profiles.js';
import type { AccountProfile } from './demo-profiles.js';
import { seedDemoTasks } from './demo-tasks.js';
import { DEMO_AES, DEMO_CSMS } from './portal.js';
import { Prng } from './prng.js';

export const DEMO_SEED = 20_240_917;
export const DEMO_ACCOUNT_COUNT = 300;

const DAY = 86_400_000;
const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Carla',
  'Dev',
  'Elena',
  'Farid',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Kira',
  'Luis',
  'Maya',
  'Nils',
  'Oona',
  'Pavel',
  'Rosa',
  'Sami',
  'Tara',
  'Umar',
  'Vera',
  'Wen',
  'Yusuf',
  'Zoe',
];
const LAST_NAMES = [
  'Abbott',
  'Baptiste',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jansen',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Novak',
  'Okafor',
  'Patel',
  'Quinn',
  'Rossi',
  'Sato',
  'Tanaka',
  'Usman',
  'Varga',
  'Wright',
  'Young',
];

function segmentOf(arr: number): string {
  return arr >= 100_000 ? 'enterprise' : arr >= 25_000 ? 'mid_market' : 'smb';
}

/** The named demo accounts, by the key demos and tests use, with their record ids once seeded. */
export type DemoAccountKey =
  'healthyEnterprise' | 'silentChurner' | 'expansionReady' | 'overdueInvoices' | 'onboarding';
export const DEMO_ACCOUNTS: Record<DemoAccountKey, { name: string; id: string }> = {
  healthyEnterprise: { name: 'Northwind Logistics', id: '10002' },
  silentChurner: { name: 'Bluefin Health', id: '10003' },
  expansionReady: { name: 'Cobalt Robotics', id: '10004' },
  overdueInvoices: { name: 'Harbor & Pine Retail', id: '10005' },
  onboarding: { name: 'Lumen Field Labs', id: '10006' },
};

/**
 * Seeds the demo portfolio: the named accounts first (so their ids are stable), then generated
 * ones from a fixed seed, every date relative to `reference` (the moment of reset).
 */
export function seedDemoPortfolio(
  store: CrmStore,
  reference: Date,
  count = DEMO_ACCOUNT_COUNT,
): Record<string, string> {
  const rng = new Prng(DEMO_SEED);
  const taken = new Set(NAMED_PROFILES.map((p) => p.name));
  const profiles = [...NAMED_PROFILES];
  while (profiles.length < count)
    profiles.push(randomProfile(rng, taken, DEMO_CSMS.length, DEMO_AES.length));
  // Every company first, so company ids run in profile order and the named ones keep theirs.
  const companyIds = profiles.map((p) => createCompany(store, p, reference, rng));
  const ids: Record<string, string> = {};
  profiles.forEach((p, i) => {
    createHistory(store, p, companyIds[i]!, reference, rng);
    if (p.key) ids[p.key] = companyIds[i]!;
  });
  // Last, so every other record keeps the id it had before the demo had tasks.
  seedDemoTasks(store, reference, ids);
  return ids;
}

function timeline(reference: Date) {
  const R = reference.getTime();
  return {
    // Exactly whole days before the reset, so an account scores the same at any hour of the day:
    // ages are continuous, and a fixed working hour read 15.4 days at midnight, 16.4 in the evening.
    at: (daysAgo: number) => new Date(R - daysAgo * DAY).toISOString(),
    day: (daysFromNow: number) =>
      new Date(Math.floor((R + daysFromNow * DAY) / DAY) * DAY).toISOString().slice(0, 10),
    ms: (iso: string) => String(Date.parse(iso)),
  };
}

function createCompany(store: CrmStore, p: AccountProfile, reference: Date, rng: Prng): string {
  const { at, day, ms } = timeline(reference);
  const csm = DEMO_CSMS[p.csm]!;
  const [company] = createRecords(
    store,
    store.objectType('companies')!,
    [
      {
        properties: {
          name: p.name,
          domain: p.domain,
          industry: p.industry,
          lifecyclestage: 'customer',
          numberofemployees: String(p.seats * 4),
          hubspot_owner_id: csm.ownerId,
          createdate: ms(at(p.contractStartDaysAgo + 30)),
          csops_arr: String(p.arr),
          csops_segment: segmentOf(p.arr),
          csops_contract_start_date: day(-p.contractStartDaysAgo),
          csops_renewal_date: day(p.renewalInDays),
          csops_contract_term_months: String(p.termMonths),
          csops_licensed_seats: String(p.seats),
          csops_auto_renew: String(p.autoRenew),
          csops_downgrade_requested: String(p.downgradeRequested),
          csops_contract_observed_at: at(1),
          csops_active_users_30d: String(p.active30),
          csops_active_users_prior_30d: String(p.activePrior30),
          csops_features_adopted: String(p.featuresAdopted),
          csops_features_licensed: String(p.featuresLicensed),
          csops_last_activity_at: at(p.lastActivityDaysAgo),
          csops_usage_observed_at: at(p.usageObservedDaysAgo),
          csops_csat: p.csat === undefined ? '' : String(p.csat),
          csops_nps_latest: p.npsLatest === undefined ? '' : String(p.npsLatest),
          csops_nps_previous: p.npsPrevious === undefined ? '' : String(p.npsPrevious),
          csops_nps_observed_at: p.npsLatest === undefined ? '' : at(rng.int(20, 110)),
          csops_overdue_invoices: String(p.overdueInvoices),
          csops_days_past_due: String(p.daysPastDue),
          csops_failed_payments_90d: String(p.failedPayments90d),
          csops_auto_pay: String(p.autoPay),
          csops_billing_observed_at: at(2),
          csops_csm_owner_id: csm.ownerId,
        },
      },
    ],
    reference.toISOString(),
  );
  return company!.id;
}

function createHistory(
  store: CrmStore,
  p: AccountProfile,
  companyId: string,
  reference: Date,
  rng: Prng,
): void {
  const { at, day, ms } = timeline(reference);
  const create = (typeName: string, inputs: CreateInput[]) =>
    createRecords(store, store.objectType(typeName)!, inputs, reference.toISOString());
  const csm = DEMO_CSMS[p.csm]!;
  const ae = DEMO_AES[p.ae]!;
  const toCompany = (primary: number, unlabeled: number) => [
    { toId: companyId, typeIds: [primary, unlabeled] },
  ];

  // Stakeholders: champion, executive sponsor, admin, and a few users.
  const roles = [
    'champion',
    'executive_sponsor',
    'admin',
    ...Array.from({ length: rng.int(0, 3) }, () => 'user'),
  ];
  const contacts = create(
    'contacts',
    roles.map((role, i) => {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const left = role === 'champion' && p.championLeftDaysAgo !== undefined;
      return {
        properties: {
          firstname: first,
          lastname: last,
          email: `${first}.${last}.${i}@${p.domain}`.toLowerCase(),
          jobtitle: {
            champion: 'Operations Manager',
            executive_sponsor: 'VP Operations',
            admin: 'Systems Administrator',
            user: 'Analyst',
          }[role]!,
          company: p.name,
          lifecyclestage: 'customer',
          hubspot_owner_id: csm.ownerId,
          csops_stakeholder_role: role,
          csops_left_company_at: left ? day(-p.championLeftDaysAgo!) : '',
        },
        associations: toCompany(1, 279),
      };
    }),
  );
  const sponsor = contacts[1]!;
  const champion = contacts[0]!;

  const tickets: CreateInput[] = [];
  for (let i = 0; i < p.openTickets; i++) {
    tickets.push(
      ticket(
        `Open question ${i + 1} from ${p.name}`,
        '2',
        rng.pick(['LOW', 'MEDIUM', 'HIGH']),
        at(rng.int(1, 25)),
        '',
      ),
    );
  }
  for (let i = 0; i < p.closedTickets; i++) {
    const opened = rng.int(10, 170);
    tickets.push(
      ticket(
        `Resolved request ${i + 1}`,
        '4',
        rng.pick(['LOW', 'MEDIUM']),
        at(opened),
        at(opened - rng.int(1, Math.min(9, opened))),
      ),
    );
  }
  for (let i = 0; i < p.urgentEscalations90d; i++) {
    tickets.push(
      ticket(
        `Escalation: production outage reported by ${p.name}`,
        rng.chance(0.5) ? '3' : '4',
        'URGENT',
        at(rng.int(3, 80)),
        '',
      ),
    );
  }
  function ticket(
    subject: string,
    stage: string,
    priority: string,
    created: string,
    closed: string,
  ): CreateInput {
    return {
      properties: {
        subject,
        content: subject,
        hs_pipeline: '0',
        hs_pipeline_stage: stage,
        hs_ticket_priority: priority,
        hs_ticket_category:
          priority === 'URGENT'
            ? 'PRODUCT_ISSUE'
            : rng.pick(['PRODUCT_ISSUE', 'GENERAL_INQUIRY', 'FEATURE_REQUEST', 'BILLING_ISSUE']),
        createdate: ms(created),
        closed_date: stage === '4' ? closed || at(1) : '',
        hubspot_owner_id: csm.ownerId,
      },
      associations: toCompany(26, 339),
    };
  }
  if (tickets.length) create('tickets', tickets);

  const meetings: CreateInput[] = [];
  const meeting = (
    title: string,
    type: string,
    daysAgo: number,
    contactId: string,
  ): CreateInput => ({
    properties: {
      hs_meeting_title: title,
      hs_activity_type: type,
      hs_timestamp: at(daysAgo),
      hs_meeting_start_time: at(daysAgo),
      hs_meeting_end_time: new Date(Date.parse(at(daysAgo)) + 3_600_000).toISOString(),
      hs_meeting_outcome: 'COMPLETED',
      hubspot_owner_id: csm.ownerId,
    },
    associations: [
      { toId: companyId, typeIds: [188] },
      { toId: contactId, typeIds: [200] },
    ],
  });
  if (p.execMeetingDaysAgo !== undefined) {
    meetings.push(
      meeting(
        `Executive business review — ${p.name}`,
        'Executive business review',
        p.execMeetingDaysAgo,
        sponsor.id,
      ),
    );
  }
  for (let i = 0; i < p.checkInMeetings90d; i++) {
    meetings.push(meeting(`Check-in with ${p.name}`, 'Check-in', rng.int(2, 88), champion.id));
  }
  if (meetings.length) create('meetings', meetings);

  const handoff: HandoffInput = {
    customerGoals: `Cut manual reporting time at ${p.name} by half within two quarters`,
    successCriteria: 'Weekly active use by every licensed team; first dashboard live in 30 days',
    technicalRequirements: 'SSO via SAML; nightly export to the data warehouse',
    implementationRequirements: 'Two admin training sessions; sandbox before production',
    stakeholders: [
      {
        name: `${champion.properties.firstname} ${champion.properties.lastname}`,
        email: champion.properties.email,
        role: 'champion',
      },
      {
        name: `${sponsor.properties.firstname} ${sponsor.properties.lastname}`,
        email: sponsor.properties.email,
        role: 'executive_sponsor',
      },
    ],
    competitiveAlternatives: 'Spreadsheets and an in-house tool',
    promisesMade: 'Quarterly roadmap review with product',
    contractExecuted: p.handoff === 'submitted',
    paymentTermsConfirmed: p.handoff === 'submitted',
    kickoffDate: day(-p.contractStartDaysAgo + 7),
  };
  const draft = p.handoff === 'draft';
  // A draft handoff is still being filled in: the promises and payment terms are missing.
  const stored: HandoffInput = draft
    ? {
        ...handoff,
        promisesMade: undefined,
        paymentTermsConfirmed: undefined,
        stakeholders: handoff.stakeholders?.slice(0, 1),
      }
    : handoff;
  const submittedAt = draft ? '' : at(p.contractStartDaysAgo);
  // Stored as csops stores it: the core's completeness, judged as of the submission for a submitted one.
  const completeness = evaluateHandoff(
    stored,
    defaultSettings(),
    handoffJudgedAt(submittedAt, reference.toISOString()),
  ).completeness;
  const deals: CreateInput[] = [
    {
      properties: {
        dealname: `${p.name} — new business`,
        amount: String(p.arr),
        dealstage: 'closedwon',
        pipeline: 'default',
        dealtype: 'newbusiness',
        closedate: at(p.contractStartDaysAgo + 3),
        createdate: ms(at(p.contractStartDaysAgo + 60)),
        hubspot_owner_id: ae.ownerId,
        csops_handoff: JSON.stringify(stored),
        csops_handoff_status: draft ? 'draft' : 'submitted',
        csops_handoff_completeness: String(completeness),
        csops_handoff_submitted_at: submittedAt,
      },
      associations: [
        { toId: companyId, typeIds: [5, 341] },
        { toId: champion.id, typeIds: [3] },
      ],
    },
  ];
  if (p.openExpansionDeal) {
    deals.push({
      properties: {
        dealname: `${p.name} — seat expansion`,
        amount: String(Math.round(p.arr * 0.2)),
        dealstage: 'qualifiedtobuy',
        pipeline: 'default',
        dealtype: 'existingbusiness',
        closedate: at(-rng.int(20, 60)),
        hubspot_owner_id: ae.ownerId,
      },
      associations: [{ toId: companyId, typeIds: [5, 341] }],
    });
  }
  create('deals', deals);
}
