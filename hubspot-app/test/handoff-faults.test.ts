import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, parseSubmissionRecord } from '@csops/core';
import type { FunctionResult, Portal } from './harness.js';
import {
  completeHandoff,
  newCustomer,
  openPortalWithRoomyCsms,
  tasksOf,
} from './handoff-fixtures.js';

let portal: Portal;
const steps = defaultSettings().playbooks.find((p) => p.id === 'onboarding')?.steps.length ?? -1;

beforeAll(async () => {
  portal = await openPortalWithRoomyCsms();
});
afterAll(() => portal.close());

const untouched = { status: null, record: null, csm: null, tasks: [] };

async function dealState(dealId: string, companyId: string) {
  const deal = await portal.client.crm.deals.basicApi.getById(dealId, [
    'csops_handoff_status',
    'csops_handoff_submission',
  ]);
  const company = await portal.client.crm.companies.basicApi.getById(companyId, [
    'csops_csm_owner_id',
  ]);
  return {
    status: deal.properties.csops_handoff_status ?? null,
    record: parseSubmissionRecord(deal.properties.csops_handoff_submission),
    csm: company.properties.csops_csm_owner_id ?? null,
    tasks: await tasksOf(portal, companyId),
  };
}

describe('handoff submission under failures', () => {
  it('refuses a handoff too long for the deal before writing anything', async () => {
    const { companyId, dealId } = await newCustomer(portal, 'Longform Logistics', 30_000);
    const handoff = {
      ...completeHandoff(),
      technicalRequirements: '"a"\n'.repeat(1_247),
      implementationRequirements: `Roll out everywhere ${'"b"\n'.repeat(1_240)}`,
      customerGoals: `Cut the planning time ${'"c"\n'.repeat(1_240)}`,
      successCriteria: `Schedules built fast ${'"d"\n'.repeat(1_240)}`,
      competitiveAlternatives: '"e"\n'.repeat(1_247),
      promisesMade: '"f"\n'.repeat(1_247),
      stakeholders: [
        ...completeHandoff().stakeholders,
        ...Array.from({ length: 47 }, (_, i) => ({
          name: `Person ${i} ${'n'.repeat(185)}`,
          email: `p${i}@${'d'.repeat(240)}.example`,
          role: 'user',
        })),
      ],
    };
    const result = await portal.run('handoff_submit', { parameters: { dealId, handoff } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (result.ok) return;
    expect(result.error.issues).toEqual([
      {
        path: 'handoff.stakeholders',
        message: expect.stringMatching(/longer than the deal can store .*shorten Stakeholders$/),
      },
    ]);
    expect(await dealState(dealId, companyId)).toEqual(untouched);
  });

  it('completes every submission by submitting again while half the requests fail', async () => {
    const customers: { companyId: string; dealId: string }[] = [];
    for (let i = 0; i < 6; i++) {
      customers.push(await newCustomer(portal, `Faultline Freight ${i}`, 20_000 + i * 1_000));
    }
    portal.sandbox.setFaults({ failureRate: 0.5 });
    let stopped = 0;
    try {
      for (const c of customers) {
        let result: FunctionResult | null = null;
        for (let attempt = 0; attempt < 12 && !result?.ok; attempt++) {
          result = await portal.run('handoff_submit', {
            parameters: { dealId: c.dealId, handoff: completeHandoff() },
          });
          if (!result.ok) {
            stopped += 1;
            expect(result.error.message).toMatch(/Submit again to complete it|Try again/);
            // A stopped submit leaves the deal untouched, or marked submitting with what it decided.
            portal.sandbox.setFaults({ failureRate: 0 });
            const state = await dealState(c.dealId, c.companyId);
            portal.sandbox.setFaults({ failureRate: 0.5 });
            if (state.status === 'submitting') expect(state.record).not.toBeNull();
            else expect({ ...state, record: null }).toEqual(untouched);
          }
        }
        expect(result?.ok).toBe(true);
      }
    } finally {
      portal.sandbox.setFaults({ failureRate: 0 });
    }
    expect(stopped).toBeGreaterThan(0);
    for (const c of customers) {
      const state = await dealState(c.dealId, c.companyId);
      expect(state.status).toBe('submitted');
      expect(state.tasks).toHaveLength(steps);
      expect(state.record?.tasks.map((t) => t.id).sort()).toEqual([...state.tasks].sort());
      expect(state.csm).not.toBeNull();
      expect(state.csm).toBe(state.record?.csm.id);
    }
  }, 120_000);
});
