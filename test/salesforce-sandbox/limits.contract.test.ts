import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SF_DEMO_ACCOUNTS } from '@csops/sandbox';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, openSalesforce, refusal } from './harness.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'csops-sf-sandbox-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('API request limits', () => {
  it('reports usage on every response and answers REQUEST_LIMIT_EXCEEDED once the allocation is spent', async () => {
    const { sandbox, conn } = await openSalesforce({ seed: 'empty', dailyApiRequests: 5 });
    try {
      for (let i = 0; i < 4; i++) await conn.query('SELECT COUNT() FROM Account');
      expect(conn.limitInfo.apiUsage).toEqual({ used: 4, limit: 5 });
      const limits = await conn.limits();
      expect(limits.DailyApiRequests).toEqual({ Max: 5, Remaining: 0 });
      const refused = await refusal(conn.query('SELECT COUNT() FROM Account'));
      expect(refused).toMatchObject({
        errorCode: 'REQUEST_LIMIT_EXCEEDED',
        message: 'TotalRequests Limit exceeded.',
      });
      const raw = await fetch(`${sandbox.url}/services/data/v66.0/limits`, {
        headers: { Authorization: `Bearer ${sandbox.accessToken}` },
      });
      expect(raw.status).toBe(403);
      expect(raw.headers.get('sforce-limit-info')).toBe('api-usage=5/5');
      // A larger allocation lets the org work again.
      sandbox.setFaults({ dailyApiRequests: 100 });
      expect((await conn.query('SELECT COUNT() FROM User')).totalSize).toBe(8);
    } finally {
      await sandbox.close();
    }
  });

  it("lists the API versions without a token, csops' 66.0 among them", async () => {
    const { sandbox } = await openSalesforce({ seed: 'empty' });
    try {
      const res = await fetch(`${sandbox.url}/services/data/`);
      const versions = (await res.json()) as { version: string; url: string }[];
      expect(versions).toContainEqual({
        label: 'v66.0',
        url: '/services/data/v66.0',
        version: '66.0',
      });
      expect(versions).toContainEqual(expect.objectContaining({ version: '62.0' }));
      expect(res.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/100000$/);
      const unknown = await fetch(`${sandbox.url}/services/data/v99.0/limits`, {
        headers: { Authorization: `Bearer ${sandbox.accessToken}` },
      });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toEqual([expect.objectContaining({ errorCode: 'NOT_FOUND' })]);
    } finally {
      await sandbox.close();
    }
  });

  it('refuses a wrong session as INVALID_SESSION_ID', async () => {
    const { sandbox } = await openSalesforce({ seed: 'empty' });
    try {
      const r = await refusal(connect(sandbox, 'not-the-token').query('SELECT Id FROM Account'));
      expect(r.errorCode).toBe('INVALID_SESSION_ID');
    } finally {
      await sandbox.close();
    }
  });
});

describe('injected failures', () => {
  it('answers a 5xx in Salesforce error shape, writing nothing', async () => {
    const { sandbox, conn } = await openSalesforce({ seed: 'empty' });
    try {
      sandbox.setFaults({ failureRate: 1 });
      // jsforce does not retry a POST, so the injected failure reaches the caller as sent.
      const r = await refusal(conn.sobject('Account').create({ Name: 'Never Kept' }));
      expect(r.errorCode).toBe('SERVER_UNAVAILABLE');
      sandbox.setFaults({ failureRate: 0 });
      expect(
        (await conn.query("SELECT COUNT() FROM Account WHERE Name = 'Never Kept'")).totalSize,
      ).toBe(0);
      expect(sandbox.stats().injectedFailures).toBe(1);
    } finally {
      await sandbox.close();
    }
  });

  it('lets a GET through after jsforce retries the injected failures', async () => {
    // Seed 8 fails the first attempt and serves the second.
    const { sandbox, conn } = await openSalesforce({ failureRate: 0.5, faultSeed: 8 });
    try {
      const res = await conn.query(
        `SELECT Id FROM Account WHERE Id = '${SF_DEMO_ACCOUNTS.onboarding.id}'`,
      );
      expect(res.totalSize).toBe(1);
      expect(sandbox.stats().injectedFailures).toBe(1);
    } finally {
      await sandbox.close();
    }
  });
});

describe('persistence', () => {
  it('keeps the org across a restart, and reseeds it on reset', async () => {
    const dataDir = tempDir();
    const first = await openSalesforce({ dataDir });
    expect(first.sandbox.seeded).toBe(true);
    const created = await first.conn
      .sobject('Account')
      .create({ Name: 'Kept Co', Csops_ARR__c: 9_000 });
    await first.conn
      .sobject('Account')
      .update({ Id: SF_DEMO_ACCOUNTS.silentChurner.id, Csops_Health_Band__c: 'red' });
    await first.sandbox.close();

    const second = await openSalesforce({ dataDir });
    try {
      expect(second.sandbox.seeded).toBe(false);
      const kept = await second.conn.query<{ Id: string }>(
        "SELECT Id FROM Account WHERE Name = 'Kept Co'",
      );
      expect(kept.records.map((r) => r.Id)).toEqual([(created as { id: string }).id]);
      const churner = (await second.conn
        .sobject('Account')
        .retrieve(SF_DEMO_ACCOUNTS.silentChurner.id)) as Record<string, unknown>;
      expect(churner.Csops_Health_Band__c).toBe('red');
      // Ids are never issued twice, even after a restart.
      const next = await second.conn.sobject('Account').create({ Name: 'After Restart' });
      expect((next as { id: string }).id).not.toBe((created as { id: string }).id);
    } finally {
      await second.sandbox.close();
    }

    const reset = await openSalesforce({ dataDir, reset: true });
    try {
      expect(reset.sandbox.seeded).toBe(true);
      expect(
        (await reset.conn.query("SELECT COUNT() FROM Account WHERE Name = 'Kept Co'")).totalSize,
      ).toBe(0);
    } finally {
      await reset.sandbox.close();
    }
  });

  it('replays what a killed process acknowledged, dropping a torn last write with a notice', async () => {
    const live = tempDir();
    const crashed = tempDir();
    const running = await openSalesforce({ dataDir: live, seed: 'empty' });
    try {
      await running.conn.sobject('Account').create({ Name: 'Acknowledged Co' });
      // What a crash leaves: the snapshot of the seed, the journal of every acknowledged write
      // since, and half a record the process was writing when it died.
      for (const f of ['salesforce-snapshot.json', 'salesforce-journal.log'])
        cpSync(join(live, f), join(crashed, f));
      appendFileSync(
        join(crashed, 'salesforce-journal.log'),
        '0123456789abcdef {"s":99,"c":[{"k":"put"',
      );
    } finally {
      await running.sandbox.close();
    }
    const restarted = await openSalesforce({ dataDir: crashed });
    try {
      expect(restarted.sandbox.notices).toEqual([
        expect.stringContaining('Dropped 40 bytes an interrupted write left'),
      ]);
      expect(
        (await restarted.conn.query("SELECT COUNT() FROM Account WHERE Name = 'Acknowledged Co'"))
          .totalSize,
      ).toBe(1);
    } finally {
      await restarted.sandbox.close();
    }
  });
});
