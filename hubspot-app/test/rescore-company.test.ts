// "Rescore with csops" as a workflow runs it: HubSpot posts the enrolled company to a public
// endpoint, so a call counts only with the shared secret, and even then only its company id is used.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '@csops/sandbox';
import { loadFunction, openPortal, TOKEN, type Portal } from './harness.js';

const SECRET = 'workflow-shared-secret';
let portal: Portal;
beforeAll(async () => {
  portal = await openPortal({ seed: 'demo' });
});
afterAll(() => portal.close());
afterEach(() => {
  delete process.env.CSOPS_ACCESS_TOKEN;
  delete process.env.CSOPS_WORKFLOW_SECRET;
});

const churner = DEMO_ACCOUNTS.silentChurner.id;

/** A workflow action call, as HubSpot posts it, with the app's secrets set. */
async function post(body: unknown, secrets = true) {
  process.env.HUBSPOT_API_BASE_URL = portal.sandbox.url;
  if (secrets) {
    process.env.CSOPS_ACCESS_TOKEN = TOKEN;
    process.env.CSOPS_WORKFLOW_SECRET = SECRET;
  } else {
    delete process.env.CSOPS_ACCESS_TOKEN;
    delete process.env.CSOPS_WORKFLOW_SECRET;
  }
  const res = (await loadFunction('rescore_company').main({ body })) as {
    statusCode: number;
    body: string;
  };
  return {
    status: res.statusCode,
    body: JSON.parse(res.body) as { error?: string; outputFields: Record<string, unknown> },
  };
}

const call = (objectId: string, sharedSecret = SECRET, extra: object = {}) => ({
  callbackId: 'ap-1',
  object: { objectId: Number(objectId), objectType: 'COMPANY' },
  inputFields: { sharedSecret, ...extra },
});

const stored = async (id: string) =>
  (
    await portal.client.crm.companies.basicApi.getById(id, [
      'csops_health_band',
      'csops_health_score',
      'csops_health_updated_at',
    ])
  ).properties;

describe('the Rescore with csops workflow action', () => {
  it('refuses a call without the shared secret, writing nothing', async () => {
    const before = await stored(churner);
    const wrong = await post(call(churner, 'guess'));
    expect(wrong).toEqual({
      status: 401,
      body: { error: 'The shared secret does not match this csops app' },
    });
    expect(await stored(churner)).toEqual(before);
  });

  it('refuses what is not a workflow call for a company, and an app not set up for workflows', async () => {
    expect((await post({ object: { objectId: 'abc' }, inputFields: {} })).status).toBe(400);
    expect(
      (await post({ ...call(churner), object: { objectId: 1, objectType: 'CONTACT' } })).status,
    ).toBe(400);
    const unset = await post(call(churner), false);
    expect(unset.status).toBe(500);
    expect(unset.body.error).toContain('CSOPS_WORKFLOW_SECRET');
  });

  it('rescores the company from the CRM, ignoring whatever else the call claims', async () => {
    const first = await post(call(churner, SECRET, { band: 'green', score: 99 }));
    expect(first.status).toBe(200);
    const company = await stored(churner);
    expect(first.body.outputFields).toMatchObject({
      csops_health_band: company.csops_health_band,
      csops_health_score: Number(company.csops_health_score),
    });
    expect(company.csops_health_band).toBe('red');
    expect(first.body.outputFields.csops_tasks_created).toBeGreaterThan(0);

    // A repeated enrolment (or a replayed call) rescores idempotently: nothing new is written.
    const again = await post(call(churner));
    expect(again.body.outputFields).toMatchObject({
      csops_outcome: 'unchanged',
      csops_tasks_created: 0,
    });
  });

  it('asks HubSpot to retry later when the CRM fails, in words', async () => {
    portal.sandbox.setFaults({ failureRate: 1 });
    try {
      const failed = await post(call(DEMO_ACCOUNTS.healthyEnterprise.id));
      expect(failed.status).toBe(503);
      expect(typeof failed.body.error).toBe('string');
      expect(failed.body.error).not.toMatch(/at .*\.js:\d+/);
    } finally {
      portal.sandbox.setFaults({ failureRate: 0 });
    }
  });
});
