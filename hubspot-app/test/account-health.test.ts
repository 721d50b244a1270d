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
    // settings (schema lookup + search) + company + 4 association reads + ≤4 batch reads
    // + attendee associations + the write-back.
    expect(data.requests).toBeLessThanOrEqual(14);
  });

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
