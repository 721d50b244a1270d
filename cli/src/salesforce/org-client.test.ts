import type { Connection } from '@jsforce/jsforce-node';
import { describe, expect, it } from 'vitest';
import { ApiBudgetSpent, OrgCallError, OrgClient } from './org-client.js';

/** A jsforce Connection stand-in: answers from `answer`, reports `usage` as Sforce-Limit-Info does. */
function fakeConn(answer: (n: number) => unknown, usage?: { used: number; limit: number }) {
  let n = 0;
  const conn = {
    limitInfo: usage ? { apiUsage: { ...usage } } : {},
    sent: 0,
    async request() {
      conn.sent++;
      const a = answer(++n);
      if (a instanceof Error || (a && typeof a === 'object' && 'errorCode' in a)) throw a;
      return a;
    },
  };
  return conn;
}

function client(conn: ReturnType<typeof fakeConn>, budgetShare = 0.5) {
  const sleeps: number[] = [];
  const c = new OrgClient(conn as unknown as Connection, {
    budgetShare,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { c, sleeps };
}

const get = { method: 'GET' as const, url: '/services/data/v66.0/limits' };

describe('the org client', () => {
  it('goes at full speed while the org is under the budget', async () => {
    const { c, sleeps } = client(fakeConn(() => ({ ok: 1 }), { used: 40_000, limit: 100_000 }));
    await c.request(get);
    await c.request(get);
    expect(sleeps).toEqual([]);
    expect(c.paced).toBe(0);
  });

  it('past the budget, spaces calls at the rate the rolling day frees them', async () => {
    const { c, sleeps } = client(fakeConn(() => ({ ok: 1 }), { used: 60_000, limit: 100_000 }));
    await c.request(get);
    expect(sleeps).toEqual([864]);
    expect(c.paced).toBe(1);
  });

  it('stops before sending a call once the org is down to its last requests', async () => {
    const conn = fakeConn(() => ({ ok: 1 }), { used: 99_500, limit: 100_000 });
    const { c } = client(conn, 1);
    await expect(c.request(get)).rejects.toBeInstanceOf(ApiBudgetSpent);
    expect(conn.sent).toBe(0);
  });

  it('turns REQUEST_LIMIT_EXCEEDED into the same clean stop', async () => {
    const { c } = client(fakeConn(() => ({ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'x' })));
    await expect(c.request(get)).rejects.toThrow("stopped before the org's daily API limit");
  });

  it('retries 5xx answers with a growing backoff, and refusals not at all', async () => {
    const flaky = fakeConn((n) =>
      n <= 2 ? { errorCode: 'SERVER_UNAVAILABLE', message: 'busy' } : { ok: n },
    );
    const { c, sleeps } = client(flaky);
    expect(await c.request(get)).toEqual({ ok: 3 });
    expect(c.retries).toBe(2);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]!);

    const refused = fakeConn(() => ({ errorCode: 'INVALID_FIELD', message: 'No such column' }));
    const r = client(refused);
    const error = await r.c.request(get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrgCallError);
    expect((error as Error).message).toBe('INVALID_FIELD: No such column');
    expect(refused.sent).toBe(1);
  });
});
