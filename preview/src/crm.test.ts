import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_ACCOUNTS,
  DEMO_CSMS,
  DEMO_PEOPLE,
  startSandbox,
  type RunningSandbox,
} from '@csops/sandbox';
import { defaultSettings, evaluateHandoff, parseHandoffInput } from '@csops/core';
import { crmClient, readDeals, readOwnerNames, readRecordPanel } from './crm.js';

let sandbox: RunningSandbox;
const TOKEN = 'preview-crm-test';
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, token: TOKEN, seed: 'demo' });
});
afterAll(() => sandbox.close());

const client = () => crmClient({ baseUrl: sandbox.url, accessToken: TOKEN });

async function companyNamed(name: string): Promise<string> {
  const found = await client().crm.companies.searchApi.doSearch({
    filterGroups: [{ filters: [{ propertyName: 'name', operator: 'EQ' as never, value: name }] }],
    properties: ['name'],
    limit: 1,
  });
  const id = found.results[0]?.id;
  if (!id) throw new Error(`no demo company named ${name}`);
  return id;
}

describe('record properties panel', () => {
  it('shows the owner and the CSM by name, keeping the owner id as the value', async () => {
    const id = await companyNamed(DEMO_ACCOUNTS.silentChurner.name);
    const panel = await readRecordPanel(client(), 'companies', id);
    const properties = panel.groups.flatMap((g) => g.properties);
    const owner = properties.find((p) => p.name === 'hubspot_owner_id');
    const csm = properties.find((p) => p.name === 'csops_csm_owner_id');
    const csmPerson = DEMO_CSMS.find((c) => c.ownerId === csm?.value);
    expect(csmPerson).toBeDefined();
    expect(csm?.display).toBe(csmPerson?.name);
    const ownerPerson = DEMO_PEOPLE.find((c) => c.ownerId === owner?.value);
    expect(ownerPerson).toBeDefined();
    expect(owner?.display).toBe(ownerPerson?.name);
  });

  it('leaves an owner id HubSpot does not know as the id', async () => {
    const names = await readOwnerNames(client(), [DEMO_CSMS[0]!.ownerId, '7000001', 'not-an-id']);
    expect([...names.entries()]).toEqual([[DEMO_CSMS[0]!.ownerId, DEMO_CSMS[0]!.name]]);
  });
});

describe('deals list', () => {
  it('shows the completeness the handoff card computes, not a stored figure', async () => {
    const now = new Date().toISOString();
    const page = await client().crm.deals.searchApi.doSearch({
      filterGroups: [
        {
          filters: [
            { propertyName: 'csops_handoff_status', operator: 'EQ' as never, value: 'draft' },
          ],
        },
      ],
      properties: ['csops_handoff', 'csops_handoff_completeness'],
      limit: 1,
    });
    const draft = page.results[0];
    if (!draft) throw new Error('the demo portal has no draft handoff');
    const handoff = parseHandoffInput(JSON.parse(String(draft.properties.csops_handoff)));
    if (!handoff.success) throw new Error('the demo draft handoff does not parse');
    const expected = evaluateHandoff(handoff.data, defaultSettings(), now).completeness;
    // A figure stored by something else, or under older settings, is not what the list shows.
    const stale = String((expected + 37) % 100);
    await client().crm.deals.basicApi.update(draft.id, {
      properties: { csops_handoff_completeness: stale },
    });
    const rows = await readDeals(client(), now);
    expect(rows.find((r) => r.id === draft.id)?.handoffCompleteness).toBe(expected);
    expect(Number(stale)).not.toBe(expected);
  });
});
