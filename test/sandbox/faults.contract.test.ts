import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';
import { openSandbox, refusal } from './harness.js';
import type { Harness } from './harness.js';

/** A clock the test moves by hand, so the rolling window is exercised without waiting. */
let clockMs = Date.parse('2026-03-02T09:00:00Z');
let h: Harness;
beforeAll(async () => {
  h = await openSandbox({ seed: 'empty', token: 'pat-na1-sandbox', now: () => new Date(clockMs) });
});
afterAll(() => h.sandbox.close());

const listCompanies = (client = h.client) => client.crm.companies.basicApi.getPage(1);

describe('authentication', () => {
  it('refuses a request without a bearer token with HubSpot’s 401', async () => {
    const res = await fetch(`${h.sandbox.url}/crm/v3/objects/companies`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
  });

  it('refuses a token other than the one the sandbox was started with', async () => {
    const wrong = new Client({
      accessToken: 'someone-else',
      basePath: h.sandbox.url,
      numberOfApiCallRetries: 0,
    });
    expect((await refusal(listCompanies(wrong))).code).toBe(401);
    await expect(listCompanies()).resolves.toBeDefined();
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After and HubSpot’s body once the ten-second budget is spent, then recovers', async () => {
    h.sandbox.setFaults({ requestsPer10s: 5 });
    h.sandbox.resetStats();
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await h.client.crm.companies.basicApi.getPageWithHttpInfo(1);
      remaining.push(res.headers['x-hubspot-ratelimit-remaining']!);
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    clockMs += 4_000;
    const r = await refusal(listCompanies());
    expect(r.code).toBe(429);
    expect(r.body).toMatchObject({
      status: 'error',
      policyName: 'TEN_SECONDLY_ROLLING',
      errorType: 'RATE_LIMIT',
    });
    expect(r.headers['retry-after']).toBe('6');
    expect(h.sandbox.stats().rateLimited).toBe(1);
    clockMs += 6_000;
    await expect(listCompanies()).resolves.toBeDefined();
    h.sandbox.setFaults({ requestsPer10s: 0 });
  });

  it('holds CRM search to five requests a second with the message the api-client retries on', async () => {
    h.sandbox.setFaults({ requestsPer10s: 1_000 });
    clockMs += 60_000;
    const search = () =>
      h.client.crm.companies.searchApi.doSearch({ filterGroups: [], limit: 1 } as never);
    for (let i = 0; i < 5; i++) await search();
    const r = await refusal(search());
    expect(r.code).toBe(429);
    expect(r.body.message).toBe('You have reached your secondly limit.');
    clockMs += 1_000;
    await expect(search()).resolves.toBeDefined();
    h.sandbox.setFaults({ requestsPer10s: 0 });
  });
});

describe('injected failures', () => {
  it('answers 5xx in HubSpot’s body shape and counts them', async () => {
    h.sandbox.setFaults({ failureRate: 1 });
    h.sandbox.resetStats();
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await refusal(listCompanies());
      expect(r.body).toMatchObject({ status: 'error' });
      expect(typeof r.body.message).toBe('string');
      codes.push(r.code);
    }
    expect(new Set(codes)).toEqual(new Set([502, 503, 504]));
    expect(h.sandbox.stats().injectedFailures).toBe(3);
    h.sandbox.setFaults({ failureRate: 0 });
    await expect(listCompanies()).resolves.toBeDefined();
  });

  it('is retried by the api-client’s own retry on 5xx', async () => {
    h.sandbox.setFaults({ failureRate: 1 });
    h.sandbox.resetStats();
    const retrying = new Client({
      accessToken: 'pat-na1-sandbox',
      basePath: h.sandbox.url,
      numberOfApiCallRetries: 3,
    });
    expect((await refusal(listCompanies(retrying))).code).toBeGreaterThanOrEqual(500);
    expect(h.sandbox.stats().requests).toBe(3);
    h.sandbox.setFaults({ failureRate: 0 });
  });

  it('holds answers back by the configured latency', async () => {
    h.sandbox.setFaults({ latencyMs: 2_000 });
    const answered = listCompanies().then(() => 'answered');
    const early = await Promise.race([
      answered,
      new Promise((r) => setTimeout(() => r('still waiting'), 300)),
    ]);
    expect(early).toBe('still waiting');
    h.sandbox.setFaults({ latencyMs: 0 });
    await answered;
  });
});
