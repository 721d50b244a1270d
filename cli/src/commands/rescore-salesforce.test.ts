import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@jsforce/jsforce-node';
import { startSalesforceSandbox } from '@csops/sandbox/salesforce';
import type { RunningSalesforceSandbox, SalesforceSandboxOptions } from '@csops/sandbox/salesforce';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';

const AS_OF = '2026-12-01T12:00:00.000Z';
const bin = fileURLToPath(new URL('../../bin/csops.js', import.meta.url));
let sandbox: RunningSalesforceSandbox | undefined;
let dir: string | undefined;

afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

async function org(options: SalesforceSandboxOptions = {}) {
  sandbox = await startSalesforceSandbox({ port: 0, now: () => new Date(AS_OF), ...options });
  vi.stubEnv('SALESFORCE_ACCESS_TOKEN', sandbox.accessToken);
  vi.stubEnv('SALESFORCE_INSTANCE_URL', sandbox.instanceUrl);
  return sandbox;
}

async function rescore(...flags: string[]) {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main(['rescore', 'salesforce', '--as-of', AS_OF, ...flags]);
    return { code, out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

/** What the org holds: each Account's written result and every csops Task by key. */
async function holdings(sb: RunningSalesforceSandbox) {
  const conn = new Connection({
    instanceUrl: sb.instanceUrl,
    accessToken: sb.accessToken,
    version: sb.version,
  });
  const accounts = await conn.query<Record<string, unknown>>(
    'SELECT Id, Csops_Health_Score__c, Csops_Health_Band__c FROM Account',
    { autoFetch: true, maxFetch: 100_000 },
  );
  const tasks = await conn.query<Record<string, unknown>>(
    'SELECT Id, Csops_Action_Key__c, Status FROM Task WHERE Csops_Action_Key__c != null',
    { autoFetch: true, maxFetch: 100_000 },
  );
  const keys = tasks.records.map((t) => String(t.Csops_Action_Key__c));
  return {
    accounts: accounts.records,
    keys,
    duplicates: keys.filter((k, i) => keys.indexOf(k) !== i),
  };
}

const writes = (sb: RunningSalesforceSandbox) => {
  const r = sb.stats().byRoute;
  return (
    (r['POST /services/data/{version}/composite/sobjects'] ?? 0) +
    (r['PATCH /services/data/{version}/composite/sobjects'] ?? 0)
  );
};
const bulkJobs = (sb: RunningSalesforceSandbox) =>
  sb.stats().byRoute['POST /services/data/{version}/jobs/ingest'] ?? 0;

describe('csops rescore salesforce', () => {
  it('rescores the whole demo org, records the due playbook steps as Tasks, and a second run changes nothing', async () => {
    const sb = await org();
    const before = await holdings(sb);
    const first = await rescore();
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Accounts read 300 = rescored 300 + unchanged 0 + failed 0');
    const after = await holdings(sb);
    expect(after.accounts.every((a) => typeof a.Csops_Health_Score__c === 'number')).toBe(true);
    const created = Number(/Tasks created (\d+)/.exec(first.out)![1]);
    expect(created).toBeGreaterThan(0);
    expect(after.keys.length).toBe(before.keys.length + created);
    expect(after.duplicates).toEqual([]);

    const writesBefore = writes(sb);
    const second = await rescore();
    expect(second.code).toBe(0);
    expect(second.out).toContain('Accounts read 300 = rescored 0 + unchanged 300 + failed 0');
    expect(second.out).toContain('Tasks created 0, closed 0');
    expect(writes(sb)).toBe(writesBefore);
  });

  it('retries the 5xx Salesforce answers and ends as a clean run does', async () => {
    const sb = await org({ failureRate: 0.25, faultSeed: 7 });
    const run = await rescore('--page-size', '200');
    expect(run.code).toBe(0);
    expect(sb.stats().injectedFailures).toBeGreaterThan(0);
    expect(run.out).toMatch(/\((?!0 )\d+ retried/);
    expect(run.out).toContain('Accounts read 300 = rescored 300 + unchanged 0 + failed 0');
    expect((await holdings(sb)).duplicates).toEqual([]);
    sb.setFaults({ failureRate: 0 });
    const again = await rescore();
    expect(again.out).toContain('rescored 0 + unchanged 300');
    expect(again.out).toContain('Tasks created 0');
  });

  it('through Bulk API 2.0 jobs too: retries what repeats safely, writes the rest again, no Task twice', async () => {
    const sb = await org({ failureRate: 0.25, faultSeed: 7 });
    const run = await rescore('--bulk-from', '20');
    expect(run.code).toBe(0);
    expect(bulkJobs(sb)).toBeGreaterThan(0);
    expect(sb.stats().injectedFailures).toBeGreaterThan(0);
    expect(run.out).toContain('Accounts read 300 = rescored 300 + unchanged 0 + failed 0');
    expect((await holdings(sb)).duplicates).toEqual([]);
    sb.setFaults({ failureRate: 0 });
    const again = await rescore('--bulk-from', '20');
    expect(again.out).toContain('rescored 0 + unchanged 300');
    expect(again.out).toContain('Tasks created 0');
  });

  it('resumes after a kill -9 from its checkpoint: no write lost, no Task twice', async () => {
    const sb = await org({ latencyMs: 40 });
    dir = mkdtempSync(join(tmpdir(), 'csops-sf-rescore-'));
    const checkpoint = join(dir, 'checkpoint.json');
    const child = spawn(
      process.execPath,
      [
        bin,
        'rescore',
        'salesforce',
        '--as-of',
        AS_OF,
        '--page-size',
        '200',
        '--checkpoint',
        checkpoint,
      ],
      // Without VITEST the child loads the Lightning modules through Node's hooks, as a user's run does.
      { env: { ...process.env, VITEST: undefined }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let childErr = '';
    child.stderr!.on('data', (d) => (childErr += String(d)));
    const deadline = Date.now() + 20_000;
    while (!existsSync(checkpoint) && Date.now() < deadline && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 10));
    const wrote = existsSync(checkpoint);
    // Killed by its PID whatever happened, so no run outlives the test.
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(child.pid!, 'SIGKILL');
      await exited;
    }
    expect(wrote, childErr).toBe(true);

    const resumed = await rescore('--page-size', '200', '--checkpoint', checkpoint);
    expect(resumed.out).toContain('Resuming after Account');
    expect(resumed.code).toBe(0);
    expect(resumed.out).toMatch(/Accounts read 300 = /);
    expect(existsSync(checkpoint)).toBe(false);
    const held = await holdings(sb);
    expect(held.duplicates).toEqual([]);
    expect(held.accounts.every((a) => typeof a.Csops_Health_Score__c === 'number')).toBe(true);
    // Nothing the crash interrupted is left to write.
    const after = await rescore();
    expect(after.out).toContain('rescored 0 + unchanged 300 + failed 0');
    expect(after.out).toContain('Tasks created 0, closed 0');
  });

  it('stops cleanly before the org runs out of API requests, and says so', async () => {
    const sb = await org({ dailyApiRequests: 12 });
    dir = mkdtempSync(join(tmpdir(), 'csops-sf-rescore-'));
    const checkpoint = join(dir, 'checkpoint.json');
    const run = await rescore(
      '--api-budget',
      '100%',
      '--page-size',
      '200',
      '--checkpoint',
      checkpoint,
    );
    expect(run.code).toBe(1);
    expect(run.err).toContain("stopped before the org's daily API limit");
    expect(run.err).toContain('run the same command again to resume');
    expect(sb.stats().limitExceeded).toBe(0);
  });

  it('closes the open steps whose trigger has cleared, saying why on the Task', async () => {
    const sb = await org();
    expect((await rescore()).code).toBe(0);
    const conn = new Connection({
      instanceUrl: sb.instanceUrl,
      accessToken: sb.accessToken,
      version: sb.version,
    });
    const onboarding = `Csops_Action_Key__c LIKE '%:handoff_submitted:%' AND Status != 'Completed'`;
    const one = await conn.query<{ WhatId: string }>(
      `SELECT WhatId FROM Task WHERE ${onboarding} ORDER BY WhatId LIMIT 1`,
    );
    const accountId = one.records[0]!.WhatId;
    const open = await conn.query<{ Id: string }>(
      `SELECT Id FROM Task WHERE WhatId = '${accountId}' AND ${onboarding}`,
    );
    expect(open.records.length).toBeGreaterThan(0);
    // First value recorded: onboarding is over, so its open steps are no longer wanted.
    await conn
      .sobject('Account')
      .update({ Id: accountId, Csops_First_Value_At__c: '2026-11-30T09:00:00.000Z' });

    const run = await rescore();
    expect(run.code).toBe(0);
    const closed = Number(/closed (\d+)/.exec(run.out)![1]);
    expect(closed).toBe(open.records.length);
    const after = await conn.query<{ Status: string; Description: string }>(
      `SELECT Status, Description FROM Task WHERE Id IN (${open.records.map((r) => `'${r.Id}'`).join(', ')})`,
    );
    for (const t of after.records) {
      expect(t.Status).toBe('Completed');
      expect(t.Description).toContain('csops closed this step: ');
    }
  });

  it('with --since reads only the Accounts modified since then', async () => {
    let clock = AS_OF;
    const sb = await org({ now: () => new Date(clock) });
    expect((await rescore()).code).toBe(0);
    clock = '2026-12-01T13:00:00.000Z';
    const conn = new Connection({
      instanceUrl: sb.instanceUrl,
      accessToken: sb.accessToken,
      version: sb.version,
    });
    const some = await conn.query<{ Id: string }>('SELECT Id FROM Account ORDER BY Id LIMIT 2');
    await conn
      .sobject('Account')
      .update(some.records.map((r) => ({ Id: r.Id, Csops_NPS_Latest__c: 1 })));
    const since = await rescore('--since', '2026-12-01T12:30:00Z');
    expect(since.code).toBe(0);
    expect(since.out).toContain('Accounts read 2 = ');
  });

  it('with --bulk-from writes through Bulk API 2.0 jobs exactly what collections write, and a second run writes nothing', async () => {
    const viaCollections = await org();
    expect((await rescore()).code).toBe(0);
    expect(bulkJobs(viaCollections)).toBe(0);
    const expected = await holdings(viaCollections);
    await viaCollections.close();

    const sb = await org();
    const first = await rescore('--bulk-from', '20');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Accounts read 300 = rescored 300 + unchanged 0 + failed 0');
    // One job for the Account results of each page, one for its Task creates.
    expect(bulkJobs(sb)).toBeGreaterThanOrEqual(2);
    const after = await holdings(sb);
    const byId = (h: typeof after) =>
      Object.fromEntries(
        h.accounts.map((a) => [a.Id, [a.Csops_Health_Score__c, a.Csops_Health_Band__c]]),
      );
    expect(byId(after)).toEqual(byId(expected));
    expect([...after.keys].sort()).toEqual([...expected.keys].sort());
    expect(after.duplicates).toEqual([]);

    const jobsBefore = bulkJobs(sb);
    const writesBefore = writes(sb);
    const second = await rescore('--bulk-from', '20');
    expect(second.out).toContain('Accounts read 300 = rescored 0 + unchanged 300 + failed 0');
    expect(second.out).toContain('Tasks created 0, closed 0');
    expect(bulkJobs(sb)).toBe(jobsBefore);
    expect(writes(sb)).toBe(writesBefore);
  });

  it('names the flag it refuses and never prints the token', async () => {
    const sb = await org();
    const budget = await rescore('--api-budget', '2');
    expect(budget.code).toBe(2);
    expect(budget.err).toContain('--api-budget');
    expect(budget.err).toContain('at most 1');
    const page = await rescore('--page-size', '50');
    expect(page.err).toContain('--page-size');
    const bulk = await rescore('--bulk-from', '0');
    expect(bulk.code).toBe(2);
    expect(bulk.err).toContain('--bulk-from');
    expect(bulk.err).toContain('at least 1');
    const since = await rescore('--since', 'yesterday');
    expect(since.err).toContain('--since');
    expect(since.err).toContain('ISO date-time');
    vi.stubEnv('SALESFORCE_ACCESS_TOKEN', '');
    const missing = await rescore();
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('SALESFORCE_ACCESS_TOKEN');
    vi.stubEnv('SALESFORCE_ACCESS_TOKEN', 'not-the-token-123');
    const refused = await rescore();
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('INVALID_SESSION_ID');
    expect(refused.err + refused.out).not.toContain('not-the-token-123');
    expect(refused.err + refused.out).not.toContain(sb.accessToken);
  });
});
