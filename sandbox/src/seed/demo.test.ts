import { describe, expect, it } from 'vitest';
import {
  DEMO_ACCOUNTS,
  DEMO_AES,
  DEMO_CSMS,
  DEMO_NON_ADMIN,
  DEMO_SETTINGS_ADMIN,
  seedPortal,
} from './index.js';

const reference = new Date('2026-03-02T09:30:00Z');
const store = seedPortal('demo', 99, reference);
const type = (name: string) => store.objectType(name)!.objectTypeId;
const companies = store.listRecords(type('companies'));
const company = (id: string) => store.getRecord(type('companies'), id)!.properties;
const daysFromReference = (date: string) =>
  Math.round((Date.parse(date) - reference.getTime()) / 86_400_000);
const linked = (companyId: string, to: string) =>
  [...store.associations(type('companies'), companyId, type(to)).keys()].map(
    (id) => store.getRecord(type(to), id)!.properties,
  );

describe('demo portfolio', () => {
  it('is the same portfolio every time for the same reference date', () => {
    const again = seedPortal('demo', 99, reference);
    expect(JSON.stringify(again.toSnapshot())).toBe(JSON.stringify(store.toSnapshot()));
  });

  it('holds a few hundred accounts in all three segments, with renewals spread over the coming year and a few lapsed', () => {
    expect(companies).toHaveLength(300);
    const segments = new Set(companies.map((c) => c.properties.csops_segment));
    expect(segments).toEqual(new Set(['enterprise', 'mid_market', 'smb']));
    const renewals = companies.map((c) => daysFromReference(c.properties.csops_renewal_date!));
    expect(renewals.filter((d) => d < 0).length).toBeGreaterThan(0);
    expect(renewals.filter((d) => d < 0).length).toBeLessThan(30);
    expect(Math.max(...renewals)).toBeLessThanOrEqual(366);
    for (const quarter of [0, 1, 2, 3]) {
      expect(
        renewals.filter((d) => d >= quarter * 91 && d < (quarter + 1) * 91).length,
      ).toBeGreaterThan(30);
    }
  });

  it('names its accounts as exported, each with the story demos rely on', () => {
    for (const { id, name } of Object.values(DEMO_ACCOUNTS)) expect(company(id).name).toBe(name);
    const healthy = company(DEMO_ACCOUNTS.healthyEnterprise.id);
    expect(healthy.csops_segment).toBe('enterprise');
    expect(
      Number(healthy.csops_active_users_30d) / Number(healthy.csops_licensed_seats),
    ).toBeGreaterThan(0.8);

    const silent = company(DEMO_ACCOUNTS.silentChurner.id);
    expect(Number(silent.csops_active_users_30d)).toBeLessThan(
      Number(silent.csops_active_users_prior_30d) / 2,
    );
    const champion = linked(DEMO_ACCOUNTS.silentChurner.id, 'contacts').find(
      (c) => c.csops_stakeholder_role === 'champion',
    )!;
    expect(champion.csops_left_company_at).toBeTruthy();
    expect(daysFromReference(silent.csops_renewal_date!)).toBeLessThan(90);

    const expansion = company(DEMO_ACCOUNTS.expansionReady.id);
    expect(
      Number(expansion.csops_active_users_30d) / Number(expansion.csops_licensed_seats),
    ).toBeGreaterThan(0.9);

    const overdue = company(DEMO_ACCOUNTS.overdueInvoices.id);
    expect(Number(overdue.csops_overdue_invoices)).toBeGreaterThan(0);
    expect(Number(overdue.csops_days_past_due)).toBeGreaterThan(30);

    const onboarding = company(DEMO_ACCOUNTS.onboarding.id);
    expect(daysFromReference(onboarding.csops_contract_start_date!)).toBeGreaterThan(-30);
  });

  it('ages its accounts by whole days from the reset, so a demo scores the same at any hour', () => {
    // Ages are continuous in the score: a fixed working hour once read 15.4 days just after midnight
    // and 16.4 in the evening, which moved Bluefin Health across the red cut-off.
    for (const at of ['2026-03-02T00:05:00Z', '2026-03-02T23:55:00Z']) {
      const when = new Date(at);
      const seeded = seedPortal('demo', 99, when);
      const companiesType = seeded.objectType('companies')!.objectTypeId;
      const silent = seeded.getRecord(companiesType, DEMO_ACCOUNTS.silentChurner.id)!.properties;
      const ageDays = (when.getTime() - Date.parse(silent.csops_last_activity_at!)) / 86_400_000;
      expect(ageDays).toBe(19);
    }
  });

  it('gives accounts tickets, escalations, executive meetings and stakeholders', () => {
    const tickets = store.listRecords(type('tickets')).map((t) => t.properties);
    expect(tickets.some((t) => t.hs_ticket_priority === 'URGENT')).toBe(true);
    expect(tickets.some((t) => t.hs_pipeline_stage !== '4')).toBe(true);
    const meetings = store.listRecords(type('meetings')).map((m) => m.properties);
    expect(meetings.some((m) => m.hs_activity_type === 'Executive business review')).toBe(true);
    const roles = new Set(
      store.listRecords(type('contacts')).map((c) => c.properties.csops_stakeholder_role),
    );
    expect(roles).toEqual(new Set(['champion', 'executive_sponsor', 'admin', 'user']));
  });

  it('has closed-won new business for every account, handoffs still in draft, and open expansion deals', () => {
    const deals = store.listRecords(type('deals')).map((d) => d.properties);
    expect(
      deals.filter((d) => d.dealtype === 'newbusiness' && d.dealstage === 'closedwon'),
    ).toHaveLength(300);
    expect(deals.filter((d) => d.csops_handoff_status === 'draft').length).toBeGreaterThan(0);
    const expansions = deals.filter(
      (d) => d.dealtype === 'existingbusiness' && d.hs_is_closed === 'false',
    );
    expect(expansions.length).toBeGreaterThan(0);
  });

  it('has csops playbook tasks on named accounts: one open and overdue, one done, one skipped with a note', () => {
    const tasksType = type('tasks');
    const tasks = store.listRecords(tasksType).map((t) => ({
      p: t.properties,
      company: [...store.associations(tasksType, t.id, type('companies')).keys()],
    }));
    expect(new Set(tasks.map((t) => t.p.csops_action_key)).size).toBe(tasks.length);
    for (const { p, company: linkedTo } of tasks) {
      expect(linkedTo).toHaveLength(1);
      expect(p.hubspot_owner_id).toBe(company(linkedTo[0]!).csops_csm_owner_id);
      expect(p.csops_action_key).toMatch(
        new RegExp(`^csops:${linkedTo[0]}:${p.csops_playbook_id}:`),
      );
    }
    const on = (id: string) => tasks.find((t) => t.company[0] === id)!.p;
    const overdue = on(DEMO_ACCOUNTS.silentChurner.id);
    expect(overdue.hs_task_status).toBe('NOT_STARTED');
    expect(daysFromReference(overdue.hs_timestamp!)).toBeLessThan(-7);
    const done = on(DEMO_ACCOUNTS.onboarding.id);
    expect(done.hs_task_status).toBe('COMPLETED');
    expect(daysFromReference(done.hs_task_completion_date!)).toBe(-10);
    const skipped = on(DEMO_ACCOUNTS.overdueInvoices.id);
    expect(skipped.hs_task_status).toBe('COMPLETED');
    expect(skipped.csops_outcome).toBe('skipped');
    expect(skipped.csops_closed_note).toMatch(/^Skipped: /);
  });

  it('has CSMs and AEs to route to, a settings admin and a user who is not', () => {
    expect(DEMO_CSMS.length + DEMO_AES.length).toBeGreaterThanOrEqual(6);
    const owners = new Set(companies.map((c) => c.properties.hubspot_owner_id));
    expect(owners.size).toBe(DEMO_CSMS.length);
    const users = store.userList();
    expect(users.find((u) => u.id === DEMO_SETTINGS_ADMIN.userId)?.superAdmin).toBe(true);
    expect(users.find((u) => u.id === DEMO_NON_ADMIN.userId)?.superAdmin).toBe(false);
  });
});
