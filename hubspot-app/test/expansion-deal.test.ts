import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_AES, DEMO_CSMS, DEMO_SETTINGS_ADMIN } from '@csops/sandbox';
import { defaultSettings } from '@csops/core';
import { expectOk, openPortal, type FunctionResult, type Portal } from './harness.js';

let portal: Portal;
beforeAll(async () => {
  portal = await openPortal({ seed: 'demo', retryAfterSeconds: 1 });
});
afterAll(() => portal.close());

async function dealsWithKey(key: string) {
  const page = await portal.client.crm.deals.searchApi.doSearch({
    filterGroups: [
      { filters: [{ propertyName: 'csops_expansion_key', operator: 'EQ' as never, value: key }] },
    ],
    properties: ['dealname', 'csops_expansion_key'],
    limit: 10,
  } as never);
  return page.results;
}

describe('create_expansion_deal function', () => {
  const companyId = DEMO_ACCOUNTS.expansionReady.id;

  it('creates the deal once, associated with the company, and finds it on every later call', async () => {
    const health = expectOk(await portal.run('account_health', { parameters: { companyId } }));
    const draft = health.evaluation.expansion.draft;
    expect(draft).not.toBeNull();

    // A double click: two calls in flight at once.
    const [a, b] = await Promise.all([
      portal.run('create_expansion_deal', { parameters: { companyId } }),
      portal.run('create_expansion_deal', { parameters: { companyId } }),
    ]);
    const first = expectOk(a);
    const second = expectOk(b);
    expect(second.deal.id).toBe(first.deal.id);
    expect([first.created, second.created].filter(Boolean)).toHaveLength(1);

    const again = expectOk(
      await portal.run('create_expansion_deal', { parameters: { companyId } }),
    );
    expect(again).toMatchObject({ created: false, deal: { id: first.deal.id } });
    expect(await dealsWithKey(draft.idempotencyKey)).toHaveLength(1);

    const assoc = await portal.client.crm.associations.v4.basicApi.getPage(
      'deals',
      first.deal.id,
      'companies',
    );
    expect(assoc.results.map((r) => String(r.toObjectId))).toContain(companyId);
    const deal = await portal.client.crm.deals.basicApi.getById(first.deal.id, [
      'dealname',
      'amount',
    ]);
    expect(deal.properties.dealname).toBe(draft.name);
    expect(Number(deal.properties.amount)).toBe(draft.amount);

    // The card now links to the open deal instead of offering a new one.
    const after = expectOk(await portal.run('account_health', { parameters: { companyId } }));
    expect(after.openExpansionDeal?.id).toBe(first.deal.id);
    expect(after.evaluation.expansion.draft).toBeNull();
  });

  it('still creates exactly one deal when HubSpot fails and rate-limits requests', async () => {
    // A customer out of seats: 98 of 100 in use.
    const now = new Date().toISOString();
    const company = await portal.client.crm.companies.basicApi.create({
      properties: {
        name: 'Seatless Systems',
        csops_arr: '50000',
        csops_licensed_seats: '100',
        csops_active_users_30d: '98',
        csops_active_users_prior_30d: '95',
        csops_last_activity_at: now,
        csops_usage_observed_at: now,
        csops_renewal_date: new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10),
        csops_contract_observed_at: now,
      },
      associations: [],
    });
    const other = company.id;
    const health = expectOk(
      await portal.run('account_health', { parameters: { companyId: other } }),
    );
    const draft = health.evaluation.expansion.draft;
    expect(draft).not.toBeNull();
    portal.sandbox.resetStats();
    portal.sandbox.setFaults({ failureRate: 0.3, requestsPer10s: 25 });
    const results: FunctionResult[] = [];
    let stats;
    try {
      for (let i = 0; i < 3; i++) {
        results.push(
          await portal.run('create_expansion_deal', { parameters: { companyId: other } }),
        );
      }
      stats = portal.sandbox.stats();
    } finally {
      portal.sandbox.setFaults({ failureRate: 0, requestsPer10s: 0 });
    }
    expect(stats.injectedFailures).toBeGreaterThan(0);
    expect(stats.rateLimited).toBeGreaterThan(0);
    const ids = new Set(results.map((r) => expectOk(r).deal.id));
    expect(ids.size).toBe(1);
    expect(await dealsWithKey(draft.idempotencyKey)).toHaveLength(1);
  });

  it('says why when there is nothing to expand', async () => {
    const result = await portal.run('create_expansion_deal', {
      parameters: { companyId: DEMO_ACCOUNTS.silentChurner.id },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'no_expansion_signal' } });
  });

  it('refuses a malformed call', async () => {
    const result = await portal.run('create_expansion_deal', { parameters: { companyId: ['1'] } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('the expansion deal csops creates', () => {
  /** A customer out of seats (98 of 100 in use), so the core drafts an expansion. */
  async function seatlessCompany(name: string, owners: Record<string, string>) {
    const now = new Date().toISOString();
    const company = await portal.client.crm.companies.basicApi.create({
      properties: {
        name,
        csops_arr: '50000',
        csops_licensed_seats: '100',
        csops_active_users_30d: '98',
        csops_active_users_prior_30d: '95',
        csops_last_activity_at: now,
        csops_usage_observed_at: now,
        csops_renewal_date: new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10),
        csops_contract_observed_at: now,
        ...owners,
      },
      associations: [],
    });
    return company.id;
  }
  const csm = DEMO_CSMS[0]!.ownerId;
  const ae = DEMO_AES[0]!.ownerId;

  async function createdDeal(companyId: string) {
    const created = expectOk(
      await portal.run('create_expansion_deal', { parameters: { companyId } }),
    );
    expect(created.created).toBe(true);
    const deal = await portal.client.crm.deals.basicApi.getById(created.deal.id, [
      'dealtype',
      'hubspot_owner_id',
    ]);
    return { id: created.deal.id, ...deal.properties };
  }

  it('belongs to the account’s CSM and is existing business', async () => {
    const id = await seatlessCompany('Owned Seats Inc', {
      csops_csm_owner_id: csm,
      hubspot_owner_id: ae,
    });
    const deal = await createdDeal(id);
    expect(deal).toMatchObject({ dealtype: 'existingbusiness', hubspot_owner_id: csm });
    // The handoff card reads the type, and the core says such a deal needs no handoff.
    const load = expectOk(await portal.run('handoff_load', { parameters: { dealId: deal.id } }));
    expect(load.dealType).toBe('existingbusiness');
  });

  it('belongs to the company owner when the account has no CSM', async () => {
    const id = await seatlessCompany('Unassigned Seats Inc', { hubspot_owner_id: ae });
    expect(await createdDeal(id)).toMatchObject({ hubspot_owner_id: ae });
  });

  it('takes the deal type the admin set', async () => {
    const settings = defaultSettings();
    settings.expansion.dealType = 'upsell';
    const admin = { user: { id: DEMO_SETTINGS_ADMIN.userId, email: DEMO_SETTINGS_ADMIN.email } };
    // The portal's own option, as an admin adds it to the deal type property.
    await portal.client.crm.properties.coreApi.update('deals', 'dealtype', {
      options: [
        { label: 'New Business', value: 'newbusiness', displayOrder: 0, hidden: false },
        { label: 'Existing Business', value: 'existingbusiness', displayOrder: 1, hidden: false },
        { label: 'Upsell', value: 'upsell', displayOrder: 2, hidden: false },
      ],
    });
    try {
      expectOk(await portal.run('settings_save', { ...admin, parameters: { settings } }));
      const id = await seatlessCompany('Upsell Seats Inc', { hubspot_owner_id: ae });
      expect(await createdDeal(id)).toMatchObject({ dealtype: 'upsell' });
    } finally {
      expectOk(
        await portal.run('settings_save', {
          ...admin,
          parameters: { settings: defaultSettings() },
        }),
      );
    }
  });
});
