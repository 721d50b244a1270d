// A card load is as slow as its longest chain of CRM round trips, so reads that do not depend on
// each other must be in flight together. The sandbox counts the waves it sees (requests in flight
// together share one; a request sent after an answer starts the next), with latency on so that a
// wave is unmistakable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '@csops/sandbox';
import { expectOk, openPortal, type Portal } from './harness.js';

let portal: Portal;
beforeAll(async () => {
  // A first call in a process compiles the client's code paths, which can hold one request back
  // past an answer; warm them on another portal, so this one's settings lookup stays cold.
  const warmup = await openPortal({ seed: 'demo' });
  await warmup.run('account_health', { parameters: { companyId: DEMO_ACCOUNTS.onboarding.id } });
  await warmup.close();
  portal = await openPortal({ seed: 'demo' });
});
afterAll(() => portal.close());

const LATENCY_MS = 250;

/** Runs a function with the sandbox answering every request after LATENCY_MS. */
async function measured(on: Portal, uid: string, parameters: Record<string, unknown>) {
  on.sandbox.setFaults({ latencyMs: LATENCY_MS });
  on.sandbox.resetStats();
  try {
    const result = await on.run(uid, { parameters });
    return { data: expectOk(result), stats: on.sandbox.stats() };
  } finally {
    on.sandbox.setFaults({ latencyMs: 0 });
  }
}

describe('card loads', () => {
  it('take the health card in three waves: settings, company and associations; records and attendees; the write-back', async () => {
    // The first load in a portal also looks the settings object up; it must fit the same waves.
    for (const pass of ['cold', 'warm']) {
      // An executive sponsor on record, so the meeting attendees are read too.
      const { data, stats } = await measured(portal, 'account_health', {
        companyId: DEMO_ACCOUNTS.healthyEnterprise.id,
      });
      expect(data.evaluation.health.score, pass).not.toBeNull();
      expect(stats.requests, pass).toBe(data.requests);
      expect(stats.waves, pass).toBeLessThanOrEqual(3);
    }
  });

  it('take the handoff card in two waves even on a cold start: settings and deal together', async () => {
    const fresh = await openPortal({ seed: 'demo' });
    try {
      const deals = await fresh.client.crm.deals.basicApi.getPage(1);
      const dealId = deals.results[0]?.id;
      const { data, stats } = await measured(fresh, 'handoff_load', { dealId });
      expect(data.dealId).toBe(dealId);
      // The settings object's type lookup, then its search; the deal's GET beside them.
      expect(stats.requests).toBe(3);
      expect(stats.waves).toBeLessThanOrEqual(2);
    } finally {
      await fresh.close();
    }
  });
});
