import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '@csops/sandbox';
import { expectOk, openPortal, type Portal } from './harness.js';

let portal: Portal;
beforeAll(async () => {
  portal = await openPortal({ seed: 'demo' });
});
afterAll(() => portal.close());

const readCompany = (id: string, properties: string[]) =>
  portal.client.crm.companies.basicApi.getById(id, properties);

describe('account_health function', () => {
  it('reads the company and its deals, tickets, contacts and meetings, scores it and writes the result back', async () => {
    const id = DEMO_ACCOUNTS.healthyEnterprise.id;
    const asOf = new Date().toISOString();
    const data = expectOk(
      await portal.run('account_health', { parameters: { companyId: id, asOf } }),
    );
    expect(data.company).toEqual({ id, name: DEMO_ACCOUNTS.healthyEnterprise.name });
    const { health, risk } = data.evaluation;
    expect(health.score).not.toBeNull();
    // Signals from associated records reached the snapshot.
    const observed = health.measures.map((m: { key: string }) => m.key);
    expect(observed).toEqual(expect.arrayContaining(['usage', 'support', 'engagement']));

    const written = await readCompany(id, [
      'csops_health_score',
      'csops_health_band',
      'csops_health_coverage',
      'csops_renewal_risk',
      'csops_arr_at_risk',
      'csops_health_updated_at',
    ]);
    expect(Number(written.properties.csops_health_score)).toBe(health.score);
    expect(written.properties.csops_health_band).toBe(health.band);
    expect(written.properties.csops_renewal_risk).toBe(risk.level);
    expect(Number(written.properties.csops_arr_at_risk)).toBe(risk.arrAtRisk);
    expect(Number(written.properties.csops_health_coverage)).toBeCloseTo(health.coverage * 100, 1);
    expect(Date.parse(String(written.properties.csops_health_updated_at))).toBe(Date.parse(asOf));
  });

  it('keeps the day-over-day trend when the card is loaded twice in a day', async () => {
    const id = DEMO_ACCOUNTS.silentChurner.id;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const today = new Date().toISOString();
    const first = expectOk(
      await portal.run('account_health', { parameters: { companyId: id, asOf: yesterday } }),
    );
    const again = expectOk(
      await portal.run('account_health', { parameters: { companyId: id, asOf: today } }),
    );
    const third = expectOk(
      await portal.run('account_health', { parameters: { companyId: id, asOf: today } }),
    );
    expect(again.evaluation.health.trend.previousScore).toBe(first.evaluation.health.score);
    expect(third.evaluation.health.trend.previousScore).toBe(first.evaluation.health.score);
    expect(third.evaluation.health.trend.previousAsOf).toBe(yesterday);
  });

  it('uses a handful of CRM requests per card load', async () => {
    const data = expectOk(
      await portal.run('account_health', {
        parameters: { companyId: DEMO_ACCOUNTS.expansionReady.id },
      }),
    );
    // settings (schema lookup + search) + company + 5 association reads + ≤5 batch reads
    // + attendee associations, then the write-back beside the names of the CSM and the owner.
    expect(data.requests).toBeLessThanOrEqual(16);
  });

  it('gives the same answer when parallel reads meet injected 5xx and 429s', async () => {
    const companyId = DEMO_ACCOUNTS.healthyEnterprise.id;
    const asOf = new Date().toISOString();
    const load = async () =>
      expectOk(await portal.run('account_health', { parameters: { companyId, asOf } }));
    // The first load of the day sets the trend baseline that later loads that day keep.
    await load();
    const clean = await load();
    portal.sandbox.resetStats();
    // Latency keeps the parallel requests in flight together at the sandbox.
    portal.sandbox.setFaults({ failureRate: 0.3, requestsPer10s: 8, latencyMs: 20 });
    let faulty;
    let stats;
    try {
      faulty = await load();
      stats = portal.sandbox.stats();
    } finally {
      portal.sandbox.setFaults({ failureRate: 0, requestsPer10s: 0, latencyMs: 0 });
    }
    expect(stats.maxInFlight).toBeGreaterThan(1);
    expect(stats.injectedFailures).toBeGreaterThan(0);
    expect(stats.rateLimited).toBeGreaterThan(0);
    // Every record was read once and in order: the answer and what was written are unchanged.
    expect(faulty.evaluation).toEqual(clean.evaluation);
    expect(faulty.openExpansionDeal).toEqual(clean.openExpansionDeal);
    expect(faulty.dataIssues).toEqual(clean.dataIssues);
    // Each refused request was sent again once, and nothing else was.
    expect(stats.requests).toBe(faulty.requests);
    expect(faulty.requests).toBe(clean.requests + stats.injectedFailures + stats.rateLimited);
    const written = await readCompany(companyId, ['csops_health_score', 'csops_health_updated_at']);
    expect(Number(written.properties.csops_health_score)).toBe(clean.evaluation.health.score);
  }, 60_000);

  it('refuses a malformed call with the field named, and writes nothing', async () => {
    portal.sandbox.resetStats();
    const result = await portal.run('account_health', { parameters: { companyId: 'acme' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.[0]?.path).toBe('companyId');
    expect(portal.sandbox.stats().requests).toBe(0);

    const missing = await portal.run('account_health', { parameters: {} });
    expect(!missing.ok && missing.error.issues?.[0]).toEqual({
      path: 'companyId',
      message: 'is required',
    });
  });

  it('answers a missing company with a not-found body, not a crash', async () => {
    const result = await portal.run('account_health', { parameters: { companyId: '999999999' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('takes the company id from propertiesToSend as HubSpot passes it', async () => {
    const main = (await import('./harness.js')).loadFunction('account_health').main;
    process.env.HUBSPOT_API_BASE_URL = portal.sandbox.url;
    const result = (await main({
      propertiesToSend: { hs_object_id: DEMO_ACCOUNTS.onboarding.id },
    })) as { ok: boolean };
    expect(result.ok).toBe(true);
  });
});
