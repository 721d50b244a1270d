import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { withRetry } = require('../src/app/functions/lib/retry.js');
const { createWindowLimiter } = require('../src/app/functions/lib/rate-limit.js');
const { createCrm } = require('../src/app/functions/lib/crm.js');

const httpError = (code: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${code}`), { code, headers });

/** A request that fails with the given errors in turn, then succeeds. */
function flaky(errors: Error[]) {
  let calls = 0;
  return {
    request: async () => {
      const e = errors[calls++];
      if (e) throw e;
      return 'done';
    },
    calls: () => calls,
  };
}

describe('withRetry', () => {
  it('waits exactly what Retry-After says on a 429, and backs off on 5xx', async () => {
    const waits: number[] = [];
    const r = flaky([
      httpError(429, { 'retry-after': '3' }),
      httpError(503),
      httpError(502),
      httpError(429, { 'retry-after': '1' }),
    ]);
    await expect(
      withRetry(r.request, { sleep: async (ms: number) => void waits.push(ms) }),
    ).resolves.toBe('done');
    expect(waits).toEqual([3000, 200, 400, 1000]);
    expect(r.calls()).toBe(5);
  });

  it('does not retry what retrying cannot fix', async () => {
    for (const code of [400, 401, 403, 404, 409]) {
      const r = flaky([httpError(code)]);
      await expect(withRetry(r.request, { sleep: async () => undefined })).rejects.toMatchObject({
        code,
      });
      expect(r.calls()).toBe(1);
    }
  });

  it('gives up on 5xx after its attempts, and on 429 once the wait budget is spent', async () => {
    const down = flaky(Array.from({ length: 10 }, () => httpError(503)));
    await expect(
      withRetry(down.request, { sleep: async () => undefined, maxAttempts: 4 }),
    ).rejects.toMatchObject({ code: 503 });
    expect(down.calls()).toBe(4);
    const busy = flaky(Array.from({ length: 10 }, () => httpError(429, { 'retry-after': '10' })));
    await expect(
      withRetry(busy.request, { sleep: async () => undefined, maxRateLimitWaitMs: 25_000 }),
    ).rejects.toMatchObject({ code: 429 });
    expect(busy.calls()).toBe(3);
  });

  it('retries a dropped connection', async () => {
    const dropped = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    const r = flaky([dropped]);
    await expect(withRetry(r.request, { sleep: async () => undefined })).resolves.toBe('done');
  });
});

describe('window limiter', () => {
  it('never lets more than its limit start in any window, whatever the arrivals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 40 }),
        async (limit, requests) => {
          let now = 0;
          const limiter = createWindowLimiter({
            limit,
            windowMs: 1_000,
            now: () => now,
            sleep: async (ms: number) => {
              now += ms;
            },
          });
          const starts: number[] = [];
          await Promise.all(
            Array.from({ length: requests }, () => limiter.take().then(() => starts.push(now))),
          );
          expect(starts).toHaveLength(requests);
          for (const t of starts)
            expect(starts.filter((s) => s > t - 1_000 && s <= t).length).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('window limiter under concurrent callers', () => {
  it('admits them in the order they called, the ones over the limit when the window frees', async () => {
    let now = 0;
    const limiter = createWindowLimiter({
      limit: 2,
      windowMs: 1_000,
      now: () => now,
      sleep: async (ms: number) => {
        now += ms;
      },
    });
    const admitted: { caller: number; at: number }[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map((caller) =>
        limiter.take().then(() => admitted.push({ caller, at: now })),
      ),
    );
    expect(admitted.map((a) => a.caller)).toEqual([0, 1, 2, 3, 4]);
    expect(admitted.map((a) => a.at)).toEqual([0, 0, 1_001, 1_001, 2_002]);
  });
});

describe('CRM gateway with requests in flight together', () => {
  it('retries a 5xx and a 429 among parallel batch reads, keeping every record once and in order', async () => {
    const ids = Array.from({ length: 350 }, (_, i) => String(i + 1));
    const failFirst: Record<string, Error> = {
      '101': httpError(503),
      '201': httpError(429, { 'retry-after': '0' }),
    };
    let inFlight = 0;
    let maxInFlight = 0;
    const sent: string[] = [];
    const client = {
      crm: {
        objects: {
          batchApi: {
            read: async (_type: string, body: { inputs: { id: string }[] }) => {
              const first = body.inputs[0]?.id ?? '';
              sent.push(first);
              inFlight += 1;
              maxInFlight = Math.max(maxInFlight, inFlight);
              await new Promise((r) => setTimeout(r, 5));
              inFlight -= 1;
              const failure = failFirst[first];
              if (failure) {
                delete failFirst[first];
                throw failure;
              }
              return { results: body.inputs.map(({ id }) => ({ id, properties: { n: id } })) };
            },
          },
        },
      },
    };
    const crm = createCrm(client, {
      limiter: { take: async () => undefined },
      retry: { sleep: async () => undefined },
    });
    const records = await crm.batchRead('contacts', ids, ['n']);
    expect(records.map((r: { id: string }) => r.id)).toEqual(ids);
    expect(maxInFlight).toBe(4);
    expect(sent.sort()).toEqual(['1', '101', '101', '201', '201', '301']);
    expect(crm.stats).toMatchObject({ requests: 6, retries: 2 });
  });
});
