import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '@csops/core';
import { DEMO_CSMS, DEMO_SETTINGS_ADMIN } from '@csops/sandbox';
import { expectOk, type Portal } from './harness.js';
import {
  admin,
  completeHandoff,
  openPortalWithRoomyCsms,
  newCustomer as newCustomerIn,
  tasksOf as tasksOfIn,
} from './handoff-fixtures.js';

let portal: Portal;

const complete = completeHandoff;
const newCustomer = (name: string, arr: number) => newCustomerIn(portal, name, arr);
const tasksOf = (companyId: string) => tasksOfIn(portal, companyId);

const readDeal = (id: string) =>
  portal.client.crm.deals.basicApi.getById(id, [
    'csops_handoff',
    'csops_handoff_status',
    'csops_handoff_completeness',
  ]);

beforeAll(async () => {
  portal = await openPortalWithRoomyCsms();
});
afterAll(() => portal.close());

describe('handoff functions', () => {
  it('load, save a draft, refuse an incomplete submit, then submit: tasks, routing and status', async () => {
    const { companyId, dealId } = await newCustomer('Fjord Analytics', 40_000);
    const loaded = expectOk(await portal.run('handoff_load', { parameters: { dealId } }));
    expect(loaded).toMatchObject({ dealId, status: 'draft', handoff: {} });
    expect(loaded.settings.csms).toHaveLength(DEMO_CSMS.length);

    const draft = { customerGoals: 'Cut freight planning time in half across three regional hubs' };
    const saved = expectOk(
      await portal.run('handoff_save', { parameters: { dealId, handoff: draft } }),
    );
    expect(saved.evaluation.completeness).toBeGreaterThan(0);
    const afterSave = await readDeal(dealId);
    expect(JSON.parse(String(afterSave.properties.csops_handoff))).toEqual(draft);
    expect(afterSave.properties.csops_handoff_status).toBe('draft');

    const refused = await portal.run('handoff_submit', { parameters: { dealId, handoff: draft } });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('handoff_incomplete');
    expect(refused.error.issues?.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'handoff.successCriteria',
        'handoff.stakeholders',
        'handoff.kickoffDate',
      ]),
    );
    expect((await readDeal(dealId)).properties.csops_handoff_status).toBe('draft');
    expect(await tasksOf(companyId)).toEqual([]);

    const submitted = expectOk(
      await portal.run('handoff_submit', { parameters: { dealId, handoff: complete() } }),
    );
    const onboardingSteps = defaultSettings().playbooks.find((p) => p.id === 'onboarding')?.steps
      .length;
    expect(submitted.tasks.created).toHaveLength(onboardingSteps ?? -1);
    expect(DEMO_CSMS.map((c) => c.ownerId)).toContain(submitted.csm.id);
    expect(submitted.csm.name).toBe(DEMO_CSMS.find((c) => c.ownerId === submitted.csm.id)?.name);

    const deal = await readDeal(dealId);
    expect(deal.properties.csops_handoff_status).toBe('submitted');
    expect(Number(deal.properties.csops_handoff_completeness)).toBe(100);
    const company = await portal.client.crm.companies.basicApi.getById(companyId, [
      'csops_csm_owner_id',
    ]);
    expect(company.properties.csops_csm_owner_id).toBe(submitted.csm.id);
    const taskIds = await tasksOf(companyId);
    expect(taskIds).toHaveLength(onboardingSteps ?? -1);
    const tasks = await portal.client.crm.objects.batchApi.read('tasks', {
      inputs: taskIds.map((id) => ({ id })),
      properties: ['hs_task_subject', 'hubspot_owner_id', 'csops_action_key'],
      propertiesWithHistory: [],
    });
    expect(tasks.results.map((t) => t.properties.hs_task_subject)).toContain(
      'Hold the kickoff call',
    );
    expect(tasks.results.some((t) => t.properties.hubspot_owner_id === submitted.csm.id)).toBe(
      true,
    );

    // Submitting again creates nothing new; a submitted handoff is no longer a draft to save.
    const again = expectOk(
      await portal.run('handoff_submit', { parameters: { dealId, handoff: complete() } }),
    );
    expect(again.tasks).toMatchObject({ created: [] });
    expect(again.tasks.existing).toHaveLength(onboardingSteps ?? -1);
    expect(again.csm.id).toBe(submitted.csm.id);
    expect(await tasksOf(companyId)).toHaveLength(onboardingSteps ?? -1);
    const late = await portal.run('handoff_save', { parameters: { dealId, handoff: draft } });
    expect(late).toMatchObject({ ok: false, error: { code: 'already_submitted' } });
  });

  it('answers with the ids of the tasks it created', async () => {
    const { companyId, dealId } = await newCustomer('Lantern Robotics', 35_000);
    const submitted = expectOk(
      await portal.run('handoff_submit', { parameters: { dealId, handoff: complete() } }),
    );
    const taskIds = await tasksOf(companyId);
    expect(taskIds.length).toBeGreaterThan(0);
    expect([...submitted.tasks.created].sort()).toEqual([...taskIds].sort());
    expect(submitted.submission.tasks.map((t: { id: string }) => t.id).sort()).toEqual(
      [...taskIds].sort(),
    );
  });

  it('answers a repeat submit with the first submission and writes nothing', async () => {
    const { dealId } = await newCustomer('Copperline Mills', 22_000);
    const first = expectOk(
      await portal.run('handoff_submit', {
        ...admin,
        parameters: { dealId, handoff: complete(), asOf: '2026-12-01T09:00:00.000Z' },
      }),
    );
    portal.sandbox.resetStats();
    const again = expectOk(
      await portal.run('handoff_submit', {
        parameters: { dealId, handoff: complete(), asOf: '2026-12-03T15:00:00.000Z' },
      }),
    );
    const writes = Object.entries(portal.sandbox.stats().byRoute).filter(
      ([route]) => /^(PATCH|POST|PUT|DELETE) /.test(route) && !/search|\/read/.test(route),
    );
    expect(writes).toEqual([]);

    // Every load shows what the submission did.
    const loaded = expectOk(await portal.run('handoff_load', { parameters: { dealId } }));
    expect(loaded.status).toBe('submitted');
    expect(loaded.submission).toEqual(first.submission);
    expect(loaded.submission.csm.name).toBe(first.csm.name);
    expect(loaded.submission.tasks.length).toBeGreaterThan(0);
    expect(
      loaded.submission.tasks.every((t: { id: string | null }) => /^\d+$/.test(t.id ?? '')),
    ).toBe(true);
    expect(again.submittedAt).toBe('2026-12-01T09:00:00.000Z');
    expect(again.submission).toEqual(first.submission);
    expect(again.submission.submittedBy).toBe(DEMO_SETTINGS_ADMIN.email);
    const deal = await portal.client.crm.deals.basicApi.getById(dealId, [
      'csops_handoff_submitted_at',
    ]);
    expect(new Date(String(deal.properties.csops_handoff_submitted_at)).toISOString()).toBe(
      '2026-12-01T09:00:00.000Z',
    );
  });

  it('names the CSM already on the account from HubSpot owners when settings do not list them', async () => {
    const owners = (await portal.client.crm.owners.ownersApi.getPage()).results;
    const csmIds = new Set(DEMO_CSMS.map((c) => c.ownerId));
    const outside = owners.find((o) => !csmIds.has(o.id));
    if (!outside) throw new Error('the demo portal has no owner outside the CSM list');
    const { companyId, dealId } = await newCustomer('Harbourline Freight', 30_000);
    await portal.client.crm.companies.basicApi.update(companyId, {
      properties: { csops_csm_owner_id: outside.id },
    });
    const submitted = expectOk(
      await portal.run('handoff_submit', { parameters: { dealId, handoff: complete() } }),
    );
    expect(submitted.csm.id).toBe(outside.id);
    expect(submitted.csm.name).toBe(`${outside.firstName} ${outside.lastName}`);
  });

  it('falls back to the owner id when HubSpot knows no owner by that id', async () => {
    const { companyId, dealId } = await newCustomer('Quillmark Studio', 8_000);
    await portal.client.crm.companies.basicApi.update(companyId, {
      properties: { csops_csm_owner_id: '7000001' },
    });
    const submitted = expectOk(
      await portal.run('handoff_submit', { parameters: { dealId, handoff: complete() } }),
    );
    expect(submitted.csm).toMatchObject({ id: '7000001', name: null });
    expect((await readDeal(dealId)).properties.csops_handoff_status).toBe('submitted');
    // HubSpot refuses a task owned by an id it knows no user by: the onboarding tasks land unowned.
    const taskIds = await tasksOf(companyId);
    const steps = defaultSettings().playbooks.find((p) => p.id === 'onboarding')?.steps ?? [];
    expect(taskIds).toHaveLength(steps.length);
    const tasks = await portal.client.crm.objects.tasks.batchApi.read({
      inputs: taskIds.map((id) => ({ id })),
      properties: ['hubspot_owner_id'],
      propertiesWithHistory: [],
    });
    expect(tasks.results.map((t) => t.properties.hubspot_owner_id ?? '')).toEqual(
      taskIds.map(() => ''),
    );
  });

  it('creates each onboarding task once when the AE double-submits', async () => {
    const { companyId, dealId } = await newCustomer('Tidewater Supply', 12_000);
    const [a, b] = await Promise.all([
      portal.run('handoff_submit', { parameters: { dealId, handoff: complete() } }),
      portal.run('handoff_submit', { parameters: { dealId, handoff: complete() } }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const steps =
      defaultSettings().playbooks.find((p) => p.id === 'onboarding')?.steps.length ?? -1;
    expect(await tasksOf(companyId)).toHaveLength(steps);
  });

  it('refuses a submit for a deal without a company, writing nothing', async () => {
    const deal = await portal.client.crm.deals.basicApi.create({
      properties: { dealname: 'Orphan deal', pipeline: 'default', dealstage: 'closedwon' },
      associations: [],
    });
    const result = await portal.run('handoff_submit', {
      parameters: { dealId: deal.id, handoff: complete() },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'no_company' } });
    expect((await readDeal(deal.id)).properties.csops_handoff_status ?? null).toBeNull();
  });

  it('refuses to submit a handoff for an existing-business deal, writing nothing', async () => {
    const { companyId, dealId } = await newCustomer('Renewing Ltd', 12_000);
    await portal.client.crm.deals.basicApi.update(dealId, {
      properties: { dealtype: 'existingbusiness' },
    });
    const result = await portal.run('handoff_submit', {
      parameters: { dealId, handoff: complete() },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_new_business' } });
    expect((await readDeal(dealId)).properties.csops_handoff_status ?? null).toBeNull();
    expect(await tasksOf(companyId)).toEqual([]);
  });

  it('refuses malformed handoffs by field', async () => {
    const { dealId } = await newCustomer('Malformed Inc', 1_000);
    const result = await portal.run('handoff_save', {
      parameters: {
        dealId,
        handoff: { kickoffDate: '2026-02-30', stakeholders: [{ name: 'X', role: 'boss' }] },
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues?.map((i) => i.path)).toEqual(
      expect.arrayContaining(['handoff.kickoffDate', 'handoff.stakeholders.0.role']),
    );
    expect((await readDeal(dealId)).properties.csops_handoff ?? null).toBeNull();
  });
});
