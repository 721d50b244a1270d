// What a person reads when a function fails: a sentence and a reference, never HubSpot's raw
// answer; and that no context, however malformed, makes a function throw.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '@csops/core';
import { DEMO_SETTINGS_ADMIN } from '@csops/sandbox';
import { setupHubSpot } from '@csops/hubspot-model';
import { loadFunction, openPortal, TOKEN, type Portal } from './harness.js';

const requireCjs = createRequire(import.meta.url);
const { describeFailure, fromError } = requireCjs('../src/app/functions/lib/respond.js') as {
  describeFailure: (error: unknown) => { code: string; message: string };
  fromError: (error: unknown) => {
    ok: false;
    error: { code: string; message: string; reference: string };
  };
};

const FUNCTIONS_DIR = fileURLToPath(new URL('../src/app/functions/', import.meta.url));
const UIDS = readdirSync(FUNCTIONS_DIR)
  .filter((f) => f.endsWith('-hsmeta.json'))
  .map((f) => f.replace('-hsmeta.json', '').replace(/-/g, '_'));

const REFERENCE = /^CS-[0-9A-F]{8}$/;
const RAW = /HTTP|Headers|Body:|content-type|fetch failed|TypeError|\n\s+at |\{"/i;

/** Every failure answer has this shape, and its message reads as a sentence. */
function expectReadable(result: unknown) {
  expect(result).toBeTypeOf('object');
  const r = result as { ok: unknown; data?: unknown; error?: Record<string, unknown> };
  expect(typeof r.ok).toBe('boolean');
  if (r.ok) return;
  const error = r.error as { code: unknown; message: unknown; reference: unknown };
  expect(
    Object.keys(error).filter((k) => !['code', 'message', 'reference', 'issues'].includes(k)),
  ).toEqual([]);
  expect(error.code).toBeTypeOf('string');
  expect(error.reference).toMatch(REFERENCE);
  expect(error.message).toBeTypeOf('string');
  expect(String(error.message).length).toBeGreaterThan(0);
  expect(error.message).not.toMatch(RAW);
}

/** A public endpoint (a workflow action's URL) answers HTTP: a status, and an error in words. */
function expectHttpReadable(result: unknown) {
  const r = result as { statusCode: unknown; body: unknown };
  expect(Number.isInteger(r.statusCode)).toBe(true);
  const body = JSON.parse(String(r.body)) as { error?: unknown; outputFields?: unknown };
  if ((r.statusCode as number) < 400) return expect(body.outputFields).toBeTypeOf('object');
  expect(body.error).toBeTypeOf('string');
  expect(String(body.error).length).toBeGreaterThan(0);
  expect(body.error).not.toMatch(RAW);
}

const ENDPOINTS = new Set(
  readdirSync(FUNCTIONS_DIR)
    .filter((f) => f.endsWith('-hsmeta.json'))
    .filter((f) => 'endpoint' in JSON.parse(readFileSync(join(FUNCTIONS_DIR, f), 'utf8')).config)
    .map((f) => f.replace('-hsmeta.json', '').replace(/-/g, '_')),
);

let portal: Portal;
let companyId: string;
let dealId: string;
beforeAll(async () => {
  portal = await openPortal({ seed: 'empty' });
  await setupHubSpot(portal.client);
  const company = await portal.client.crm.companies.basicApi.create({
    properties: { name: 'Fuzz Co', csops_arr: '50000' },
    associations: [],
  });
  const deal = await portal.client.crm.deals.basicApi.create({
    properties: { dealname: 'Fuzz deal' },
    associations: [],
  });
  companyId = company.id;
  dealId = deal.id;
});
afterAll(() => portal.close());
afterEach(() => {
  vi.restoreAllMocks();
  process.env.HUBSPOT_API_BASE_URL = portal.sandbox.url;
});

function silenceLog() {
  return {
    error: vi.spyOn(console, 'error').mockImplementation(() => {}),
    warn: vi.spyOn(console, 'warn').mockImplementation(() => {}),
  };
}

describe('a failure reaches the card as a sentence with a reference', () => {
  it('a company that does not exist', async () => {
    const log = silenceLog();
    const result = await portal.run('account_health', { parameters: { companyId: '987654321' } });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: 'This company no longer exists in HubSpot.',
        reference: expect.stringMatching(REFERENCE),
      },
    });
    // The raw answer goes to the log, under the same reference.
    const reference = !result.ok ? result.error.reference : '';
    const line = log.error.mock.calls.find((c) => String(c[0]).includes(reference));
    expect(line).toBeDefined();
    expect((line?.[1] as { code?: number }).code).toBe(404);
  });

  it('a deal that does not exist', async () => {
    silenceLog();
    const result = await portal.run('handoff_load', { parameters: { dealId: '987654321' } });
    expect(!result.ok && result.error).toMatchObject({
      code: 'not_found',
      message: 'This deal no longer exists in HubSpot.',
    });
  });

  it('two failures carry different references', async () => {
    silenceLog();
    const [a, b] = await Promise.all([
      portal.run('account_health', { parameters: { companyId: '987654321' } }),
      portal.run('account_health', { parameters: { companyId: '987654321' } }),
    ]);
    expect(!a.ok && !b.ok && a.error.reference !== b.error.reference).toBe(true);
  });

  it('a refused access token', async () => {
    silenceLog();
    const result = await loadFunction('settings_get').main({
      secrets: { PRIVATE_APP_ACCESS_TOKEN: `${TOKEN}-revoked` },
    });
    expectReadable(result);
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('a CRM that cannot be reached', async () => {
    silenceLog();
    process.env.HUBSPOT_API_BASE_URL = 'http://127.0.0.1:9';
    process.env.PRIVATE_APP_ACCESS_TOKEN = TOKEN;
    const result = await loadFunction('settings_get').main({});
    expectReadable(result);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'unreachable',
        message: 'csops could not reach HubSpot. Try again in a few minutes.',
      },
    });
  }, 30_000);

  it('a null context is refused, not thrown', async () => {
    silenceLog();
    const result = await loadFunction('account_health').main(null);
    expectReadable(result);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('HubSpot’s 400, 403, 429 and 5xx answers each read as a plain sentence', async () => {
    silenceLog();
    const caught = async (request: () => Promise<unknown>) => {
      try {
        await request();
      } catch (error) {
        return error;
      }
      throw new Error('expected the request to fail');
    };
    const bad = await caught(() =>
      portal.client.crm.deals.basicApi.create({
        properties: { csops_no_such_property: 'x' },
        associations: [],
      }),
    );
    portal.sandbox.setFaults({ failureRate: 1 });
    const down = await caught(() => portal.client.crm.companies.basicApi.getById(companyId));
    portal.sandbox.setFaults({ failureRate: 0, requestsPer10s: 1 });
    const busy = await caught(async () => {
      await portal.client.crm.companies.basicApi.getById(companyId);
      await portal.client.crm.companies.basicApi.getById(companyId);
    });
    portal.sandbox.setFaults({ requestsPer10s: 0 });
    const forbidden = Object.assign(new Error('HTTP-Code: 403\nMessage: An error occurred.'), {
      code: 403,
      headers: { 'content-type': 'application/json' },
    });
    const answers = [bad, forbidden, busy, down].map((e) => fromError(e));
    expect(answers.map((a) => a.error.code)).toEqual([
      'bad_request',
      'forbidden',
      'rate_limited',
      'crm_unavailable',
    ]);
    for (const a of answers) expectReadable(a);
  });

  it('a crash inside csops reads as a sentence, never the error’s own text', () => {
    expect(describeFailure(new TypeError('Cannot read properties of null'))).toEqual({
      code: 'internal',
      message:
        'Something went wrong in csops. Try again; if it keeps happening, send the reference to your HubSpot admin.',
    });
    expect(describeFailure(undefined).code).toBe('internal');
    expect(
      describeFailure(
        Object.assign(new Error('run npm run hubspot:setup'), { code: 'setup_missing' }),
      ),
    ).toMatchObject({ code: 'setup_missing', message: expect.stringMatching(/not set up/) });
    expect(
      describeFailure(Object.assign(new Error('x'), { cause: { code: 'ECONNRESET' } })).code,
    ).toBe('unreachable');
  });
});

describe('no context makes a function throw', () => {
  const junk = fc.oneof(
    fc.anything(),
    fc.string(),
    fc.integer(),
    fc.constant('9'.repeat(4000)),
    fc.constant('x'.repeat(200_000)),
  );
  const anId = () =>
    fc.oneof(
      fc.constantFrom(companyId, dealId, '0', '987654321', ` ${companyId} `),
      fc.nat().map(String),
      junk,
    );
  const parameters = () =>
    fc.oneof(
      { weight: 1, arbitrary: junk },
      {
        weight: 4,
        arbitrary: fc.record(
          {
            companyId: anId(),
            dealId: anId(),
            hs_object_id: anId(),
            asOf: fc.oneof(
              fc
                .date({
                  min: new Date('2000-01-01'),
                  max: new Date('2100-01-01'),
                  noInvalidDate: true,
                })
                .map((d) => d.toISOString()),
              junk,
            ),
            settings: fc.oneof(fc.constant(defaultSettings()), junk),
            handoff: fc.oneof(fc.constant({ customerGoals: 'Grow' }), junk),
            note: junk,
            version: fc.oneof(fc.constantFrom('1', 1, '999'), junk),
            limit: junk,
            maxAccounts: junk,
            afterId: anId(),
            timeBudgetMs: fc.oneof(fc.constant(1_000), junk),
          },
          { requiredKeys: [] },
        ),
      },
    );
  const contexts = () =>
    fc.oneof(
      fc.constantFrom(null, undefined, 0, '', [], 'context'),
      junk,
      fc.record(
        {
          parameters: parameters(),
          propertiesToSend: fc.oneof(fc.record({ hs_object_id: anId() }), junk),
          user: fc.oneof(
            fc.constant({ id: DEMO_SETTINGS_ADMIN.userId, email: DEMO_SETTINGS_ADMIN.email }),
            fc.record({ id: anId(), email: junk }),
            junk,
          ),
          userId: anId(),
          secrets: fc.oneof(
            fc.constant({ PRIVATE_APP_ACCESS_TOKEN: 'revoked' }),
            fc.constant({ CSOPS_ACCESS_TOKEN: TOKEN, CSOPS_WORKFLOW_SECRET: 'shared' }),
            junk,
          ),
          // What a workflow action posts to an endpoint, right or forged.
          body: fc.oneof(
            fc.record(
              {
                object: fc.oneof(fc.record({ objectId: anId(), objectType: junk }), junk),
                inputFields: fc.oneof(
                  fc.record({ sharedSecret: fc.oneof(fc.constant('shared'), junk) }),
                  junk,
                ),
              },
              { requiredKeys: [] },
            ),
            junk,
          ),
        },
        { requiredKeys: [] },
      ),
    );

  it.each(UIDS)(
    '%s answers every context',
    async (uid) => {
      silenceLog();
      const { main } = loadFunction(uid);
      await fc.assert(
        fc.asyncProperty(contexts(), async (context) => {
          process.env.HUBSPOT_API_BASE_URL = portal.sandbox.url;
          process.env.PRIVATE_APP_ACCESS_TOKEN = TOKEN;
          const answer = await main(context);
          if (ENDPOINTS.has(uid)) expectHttpReadable(answer);
          else expectReadable(answer);
        }),
        { numRuns: 200, seed: 20261201, interruptAfterTimeLimit: 50_000 },
      );
    },
    90_000,
  );
});
