// Writes a golden account into a portal as HubSpot records — company properties, tickets,
// contacts, meetings and deals — the inverse of the functions' snapshot mapping, so the core's
// golden expectations can be checked through the HubSpot path.
import type { Client } from '@hubspot/api-client';
import type { GoldenAccount } from '@csops/core/fixtures';

const DAY = 86_400_000;
const PRIMARY = { associationCategory: 'HUBSPOT_DEFINED' as never };
const TO_COMPANY = { tickets: 26, contacts: 1, meetings: 188, deals: 5 } as const;
const MEETING_TO_CONTACT = 200;

const ymd = (iso: string | undefined) => (iso ? iso.slice(0, 10) : undefined);
const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
const before = (asOf: string, days: number) =>
  new Date(Date.parse(asOf) - days * DAY).toISOString();

function clean(props: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
}

export async function seedGoldenAccount(client: Client, golden: GoldenAccount): Promise<string> {
  const s = golden.snapshot;
  const { contract: c, usage: u, support, engagement: e, sentiment: n, billing: b } = s;
  const company = await client.crm.companies.basicApi.create({
    properties: clean({
      name: s.name,
      csops_arr: str(s.arr),
      csops_segment: s.segment,
      csops_contract_start_date: ymd(c?.startDate),
      csops_renewal_date: ymd(c?.renewalDate),
      csops_contract_term_months: str(c?.termMonths),
      csops_licensed_seats: str(c?.licensedSeats),
      csops_auto_renew: str(c?.autoRenew),
      csops_downgrade_requested: str(c?.downgradeRequested),
      csops_contract_observed_at: c?.observedAt,
      csops_active_users_30d: str(u?.activeUsers30d),
      csops_active_users_prior_30d: str(u?.activeUsersPrior30d),
      csops_features_adopted: str(u?.featuresAdopted),
      csops_features_licensed: str(u?.featuresLicensed),
      csops_last_activity_at: u?.lastActivityAt,
      csops_usage_observed_at: u?.observedAt,
      csops_kickoff_held_at: s.onboarding?.milestones?.find((m) => m.key === 'kickoff')?.doneAt,
      csops_csat: str(support?.csat),
      csops_nps_latest: str(n?.npsLatest),
      csops_nps_previous: str(n?.npsPrevious),
      csops_nps_observed_at: n?.observedAt,
      csops_overdue_invoices: str(b?.overdueInvoices),
      csops_days_past_due: str(b?.daysPastDue),
      csops_failed_payments_90d: str(b?.failedPayments90d),
      csops_auto_pay: str(b?.autoPay),
      csops_billing_observed_at: b?.observedAt,
      csops_health_score: str(golden.previous?.score),
      csops_health_band: golden.previous?.band,
      csops_health_updated_at: golden.previous?.asOf,
    }),
    associations: [],
  });
  const toCompany = (kind: keyof typeof TO_COMPANY) => [
    { to: { id: company.id }, types: [{ ...PRIMARY, associationTypeId: TO_COMPANY[kind] }] },
  ];
  const create = (
    type: string,
    properties: Record<string, string | undefined>,
    associations: unknown[],
  ) =>
    client.crm.objects.basicApi.create(type, {
      properties: clean(properties),
      associations: associations as never,
    });

  if (support) {
    // Recent tickets cover tickets30d; older open ones make up openTickets; escalations are HIGH.
    const recent = support.tickets30d ?? 0;
    const open = support.openTickets ?? 0;
    const escalations = support.escalations90d ?? 0;
    const tickets: { created: string; open: boolean; high: boolean }[] = [];
    for (let i = 0; i < recent; i++)
      tickets.push({ created: before(s.asOf, 5), open: i < open, high: i < escalations });
    for (let i = recent; i < open; i++)
      tickets.push({ created: before(s.asOf, 200), open: true, high: false });
    for (let i = recent; i < escalations; i++)
      tickets.push({ created: before(s.asOf, 60), open: false, high: true });
    for (const [i, t] of tickets.entries()) {
      await create(
        'tickets',
        {
          subject: `Ticket ${i + 1}`,
          hs_pipeline: '0',
          hs_pipeline_stage: t.open ? '1' : '4',
          createdate: t.created,
          closed_date: t.open ? undefined : before(s.asOf, 1),
          hs_ticket_priority: t.high ? 'HIGH' : 'LOW',
        },
        toCompany('tickets'),
      );
    }
  }

  if (e) {
    if (e.championPresent) {
      await create(
        'contacts',
        { firstname: 'Current', lastname: 'Champion', csops_stakeholder_role: 'champion' },
        toCompany('contacts'),
      );
    }
    if (e.championLeftAt) {
      await create(
        'contacts',
        {
          firstname: 'Former',
          lastname: 'Champion',
          csops_stakeholder_role: 'champion',
          csops_left_company_at: ymd(e.championLeftAt),
        },
        toCompany('contacts'),
      );
    }
    let recentMeetings = e.meetings90d ?? 0;
    if (e.lastExecutiveMeetingAt) {
      const sponsor = await create(
        'contacts',
        {
          firstname: 'Executive',
          lastname: 'Sponsor',
          csops_stakeholder_role: 'executive_sponsor',
        },
        toCompany('contacts'),
      );
      await create(
        'meetings',
        {
          hs_meeting_title: 'Executive review',
          hs_meeting_start_time: e.lastExecutiveMeetingAt,
          hs_timestamp: e.lastExecutiveMeetingAt,
        },
        [
          ...toCompany('meetings'),
          {
            to: { id: sponsor.id },
            types: [{ ...PRIMARY, associationTypeId: MEETING_TO_CONTACT }],
          },
        ],
      );
      if (Date.parse(e.lastExecutiveMeetingAt) > Date.parse(before(s.asOf, 90)))
        recentMeetings -= 1;
    }
    for (let i = 0; i < recentMeetings; i++) {
      const at = before(s.asOf, 10 + i);
      await create(
        'meetings',
        { hs_meeting_title: `Check-in ${i + 1}`, hs_meeting_start_time: at, hs_timestamp: at },
        toCompany('meetings'),
      );
    }
  }

  if (s.onboarding?.handoffSubmittedAt) {
    await create(
      'deals',
      {
        dealname: `${s.name} — new business`,
        pipeline: 'default',
        dealstage: 'closedwon',
        csops_handoff_status: 'submitted',
        csops_handoff_submitted_at: s.onboarding.handoffSubmittedAt,
      },
      toCompany('deals'),
    );
  }
  if (golden.openExpansionDeal) {
    await create(
      'deals',
      {
        dealname: `${s.name} — expansion`,
        pipeline: 'default',
        dealstage: 'appointmentscheduled',
        csops_expansion_key: `seeded:${s.accountId}`,
      },
      toCompany('deals'),
    );
  }
  return company.id;
}
