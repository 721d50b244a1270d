import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '@csops/core';
import { DEMO_CSMS, DEMO_SETTINGS_ADMIN } from '@csops/sandbox';
import { expectOk, openPortal, type Portal } from './harness.js';
import { completeHandoff, newCustomer } from './handoff-fixtures.js';

let portal: Portal;
const admin = { user: { id: DEMO_SETTINGS_ADMIN.userId, email: DEMO_SETTINGS_ADMIN.email } };
const csm = DEMO_CSMS[0];

beforeAll(async () => {
  portal = await openPortal({ seed: 'demo' });
});
afterAll(() => portal.close());

async function bookOf(ownerId: string) {
  const found = await portal.client.crm.companies.searchApi.doSearch({
    filterGroups: [
      {
        filters: [{ propertyName: 'csops_csm_owner_id', operator: 'EQ' as never, value: ownerId }],
      },
    ],
    properties: ['csops_csm_owner_id'],
    limit: 1,
  });
  return found.total;
}

describe('CSM capacity under concurrent submits', () => {
  it('gives the one free slot to exactly one of eight concurrent submits', async () => {
    if (!csm) throw new Error('the demo portal has no CSM');
    const before = await bookOf(csm.ownerId);
    const settings = defaultSettings();
    settings.csms = [
      {
        id: csm.ownerId,
        name: csm.name,
        email: csm.email,
        segments: ['enterprise', 'mid_market', 'smb'],
        maxArr: 500_000_000,
        maxAccounts: before + 1,
      },
    ];
    expectOk(await portal.run('settings_save', { ...admin, parameters: { settings } }));
    const customers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => newCustomer(portal, `Racecourse Foods ${i}`, 30_000)),
    );
    const results = await Promise.all(
      customers.map((c) =>
        portal.run('handoff_submit', {
          parameters: { dealId: c.dealId, handoff: completeHandoff() },
        }),
      ),
    );
    const answers = results.map(expectOk);
    const routed = answers.filter((a) => a.csm.id === csm.ownerId);
    expect(routed).toHaveLength(1);
    expect(await bookOf(csm.ownerId)).toBe(before + 1);
    for (const a of answers.filter((x) => x.csm.id === null)) {
      expect(a.csm.reason).toContain(`${csm.name} has no account slots left`);
    }
  });
});
