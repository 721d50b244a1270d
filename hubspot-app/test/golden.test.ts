import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOLDEN_ACCOUNTS, GOLDEN_AS_OF } from '@csops/core/fixtures';
import { setupHubSpot } from '@csops/hubspot-model';
import { expectOk, openPortal, type Portal } from './harness.js';
import { seedGoldenAccount } from './golden-seed.js';

let portal: Portal;
const ids = new Map<string, string>();

beforeAll(async () => {
  portal = await openPortal({ seed: 'empty' });
  await setupHubSpot(portal.client);
  for (const golden of GOLDEN_ACCOUNTS)
    ids.set(golden.key, await seedGoldenAccount(portal.client, golden));
});
afterAll(() => portal.close());

describe('golden accounts through HubSpot: records → account_health → the core', () => {
  it.each(GOLDEN_ACCOUNTS.map((g) => [g.key, g] as const))(
    '%s gets the expected band, risk, steps and expansion',
    async (key, golden) => {
      const companyId = ids.get(key);
      const data = expectOk(
        await portal.run('account_health', { parameters: { companyId, asOf: GOLDEN_AS_OF } }),
      );
      const e = data.evaluation;
      expect({
        segment: e.segment,
        band: e.health.band,
        riskLevel: e.risk.level,
        actions: e.actions.map(
          (a: { playbookId: string; stepKey: string }) => `${a.playbookId}:${a.stepKey}`,
        ),
        expansionDraft: e.expansion.draft !== null,
      }).toEqual(golden.expected);
    },
  );
});
