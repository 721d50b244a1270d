import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_COUNT, startSandbox, type RunningSandbox } from '@csops/sandbox';
import { ALERT_EVENTS, defaultSettings } from '@csops/core';
import { command } from './rescore.js';

const TOKEN = 'rescore-secret-token';
const BIN = fileURLToPath(new URL('../../bin/csops.js', import.meta.url));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'csops-rescore-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command in this process, capturing what it prints. */
async function rescore(argv: string[], token: string | null = TOKEN) {
  const out: string[] = [];
  const err: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const errWrite = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((c: string) => (out.push(String(c)), true)) as typeof write;
  process.stderr.write = ((c: string) => (err.push(String(c)), true)) as typeof errWrite;
  const saved = process.env.HUBSPOT_ACCESS_TOKEN;
  const savedPrivate = process.env.PRIVATE_APP_ACCESS_TOKEN;
  delete process.env.PRIVATE_APP_ACCESS_TOKEN;
  if (token === null) delete process.env.HUBSPOT_ACCESS_TOKEN;
  else process.env.HUBSPOT_ACCESS_TOKEN = token;
  try {
    const code = await command.run(argv);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = write;
    process.stderr.write = errWrite;
    if (saved === undefined) delete process.env.HUBSPOT_ACCESS_TOKEN;
    else process.env.HUBSPOT_ACCESS_TOKEN = saved;
    if (savedPrivate !== undefined) process.env.PRIVATE_APP_ACCESS_TOKEN = savedPrivate;
  }
}

/** The figures of the summary line(s). */
function summary(out: string) {
  const m = /companies read (\d+) = (\d+) rescored \+ (\d+) unchanged \+ (\d+) failed/.exec(out);
  const t = /tasks created (\d+), tasks closed (\d+), escalations created (\d+)/.exec(out);
  if (!m || !t) throw new Error(`no summary in:\n${out}`);
  const [read = 0, rescored = 0, unchanged = 0, failed = 0] = m.slice(1).map(Number);
  const [created = 0, closed = 0, escalations = 0] = t.slice(1).map(Number);
  const alerts = Number(/alerts sent (\d+)/.exec(out)?.[1] ?? 0);
  return { read, rescored, unchanged, failed, created, closed, escalations, alerts };
}

const demo = () => startSandbox({ port: 0, seed: 'demo', token: TOKEN, faultSeed: 7 });

/** Every company's last scoring time and every csops task key, straight from the portal. */
async function portalState(sandbox: RunningSandbox) {
  const client = new Client({ accessToken: TOKEN, basePath: sandbox.url });
  const scoredAt = new Map<string, string | null>();
  let after: string | undefined;
  do {
    const page = await client.crm.companies.basicApi.getPage(100, after, [
      'csops_health_updated_at',
    ]);
    for (const c of page.results) scoredAt.set(c.id, c.properties.csops_health_updated_at ?? null);
    after = page.paging?.next?.after;
  } while (after);
  const keys: string[] = [];
  after = undefined;
  do {
    const page = await client.crm.objects.basicApi.getPage('tasks', 100, after, [
      'csops_action_key',
    ]);
    for (const t of page.results) {
      if (t.properties.csops_action_key) keys.push(t.properties.csops_action_key);
    }
    after = page.paging?.next?.after;
  } while (after);
  return { scoredAt, keys };
}

describe('csops rescore hubspot', () => {
  it('refuses bad flags and a missing token with a message on the field', async () => {
    const bad = await rescore(['hubspot', '--since', 'yesterday', '--requests-per-10s', '0']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--since: must be an ISO date-time');
    expect(bad.err).toContain('--requests-per-10s: must be at least 1');
    const wrong = await rescore(['salesforce']);
    expect(wrong.err).toContain('the only target is "hubspot"');
    const unreachable = await rescore(['hubspot', '--base-url', 'http://127.0.0.1:9']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toContain('could not reach HubSpot');
    const none = await rescore(['hubspot', '--base-url', 'http://127.0.0.1:9'], null);
    expect(none.code, none.out + none.err).toBe(2);
    expect(none.err).toContain('HUBSPOT_ACCESS_TOKEN');
  });

  it('never prints the token, even when HubSpot refuses it', async () => {
    const sandbox = await startSandbox({ port: 0, seed: 'empty', token: 'the-right-one' });
    try {
      const run = await rescore(['hubspot', '--base-url', sandbox.url]);
      expect(run.code).toBe(1);
      expect(run.err).toContain('HubSpot refused the access token');
      expect(run.out + run.err).not.toContain(TOKEN);
    } finally {
      await sandbox.close();
    }
  });

  it('rescores every company, records the due playbook steps, and a second run creates none', async () => {
    const sandbox = await demo();
    try {
      const asOf = new Date().toISOString();
      const base = ['hubspot', '--base-url', sandbox.url, '--as-of', asOf];
      // The demo holds a few playbook tasks already; the run keeps them and adds its own.
      const before = await portalState(sandbox);
      const first = await rescore([...base, '--requests-per-10s', '1000']);
      expect(first.code, first.err).toBe(0);
      const s1 = summary(first.out);
      expect(s1.read).toBe(DEMO_ACCOUNT_COUNT);
      expect(s1.rescored + s1.unchanged + s1.failed).toBe(s1.read);
      expect(s1.rescored).toBe(DEMO_ACCOUNT_COUNT);
      expect(s1.created).toBeGreaterThan(0);
      const state = await portalState(sandbox);
      expect(state.keys).toHaveLength(before.keys.length + s1.created);
      expect(new Set(state.keys).size).toBe(state.keys.length);
      expect(first.out).toContain(`rescored ${DEMO_ACCOUNT_COUNT}/${DEMO_ACCOUNT_COUNT} companies`);

      const second = await rescore([...base, '--requests-per-10s', '1000']);
      expect(second.code).toBe(0);
      const s2 = summary(second.out);
      expect(s2).toMatchObject({ read: DEMO_ACCOUNT_COUNT, rescored: 0, created: 0, closed: 0 });
      expect(s2.unchanged).toBe(DEMO_ACCOUNT_COUNT);
      expect((await portalState(sandbox)).keys).toHaveLength(before.keys.length + s1.created);

      // Nothing was modified after the second run began: --since then finds no company.
      const later = await rescore([
        ...base,
        '--since',
        new Date(Date.now() + 60_000).toISOString(),
      ]);
      expect(later.code).toBe(0);
      expect(summary(later.out).read).toBe(0);
    } finally {
      await sandbox.close();
    }
  }, 120_000);

  it('retries injected 5xx faults and still handles every company', async () => {
    const sandbox = await demo();
    try {
      sandbox.setFaults({ failureRate: 0.1 });
      const asOf = new Date().toISOString();
      const run = await rescore([
        'hubspot',
        '--base-url',
        sandbox.url,
        '--as-of',
        asOf,
        '--requests-per-10s',
        '1000',
      ]);
      expect(sandbox.stats().injectedFailures).toBeGreaterThan(0);
      expect(run.code, run.err).toBe(0);
      expect(summary(run.out).rescored).toBe(DEMO_ACCOUNT_COUNT);
      const { scoredAt } = await portalState(sandbox);
      for (const at of scoredAt.values()) expect(Date.parse(String(at))).toBe(Date.parse(asOf));
    } finally {
      await sandbox.close();
    }
  }, 120_000);

  it('refuses a checkpoint file that is not one', async () => {
    const file = join(dir, 'garbage.json');
    writeFileSync(file, '{"lastId": 12');
    const run = await rescore([
      'hubspot',
      '--base-url',
      'http://127.0.0.1:9',
      '--checkpoint',
      file,
    ]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('is not a csops rescore checkpoint');
  });

  it('resumes after a kill -9 from its checkpoint: no write lost, no task twice, at most one batch redone', async () => {
    const sandbox = await demo();
    const file = join(dir, 'killed.json');
    try {
      // A slow CRM, so the run is surely killed between its first batch and its last.
      sandbox.setFaults({ latencyMs: 60 });
      const asOf = new Date().toISOString();
      const args = ['hubspot', '--base-url', sandbox.url, '--as-of', asOf, '--checkpoint', file];
      const child = spawn(
        process.execPath,
        [BIN, 'rescore', ...args, '--requests-per-10s', '1000'],
        {
          env: { ...process.env, HUBSPOT_ACCESS_TOKEN: TOKEN },
          stdio: 'ignore',
        },
      );
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const deadline = Date.now() + 60_000;
      while (!existsSync(file) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 10));
      }
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
      await exited;
      const saved = JSON.parse(readFileSync(file, 'utf8'));
      expect(saved.totals.read).toBeGreaterThan(0);
      expect(saved.totals.read).toBeLessThan(DEMO_ACCOUNT_COUNT);

      sandbox.setFaults({ latencyMs: 0 });
      const resumed = await rescore([...args, '--requests-per-10s', '1000']);
      expect(resumed.code, resumed.err).toBe(0);
      expect(resumed.out).toContain(`Resuming after company ${saved.lastId}`);
      const s = summary(resumed.out);
      // The whole run's counts, across the kill: each company once.
      expect(s.read).toBe(DEMO_ACCOUNT_COUNT);
      // What the killed run wrote past its checkpoint is found done: at most one batch of 100.
      expect(s.unchanged).toBeLessThanOrEqual(100);
      expect(existsSync(file)).toBe(false);

      const { scoredAt, keys } = await portalState(sandbox);
      for (const at of scoredAt.values()) expect(Date.parse(String(at))).toBe(Date.parse(asOf));
      expect(new Set(keys).size).toBe(keys.length);
      // Another run finds every step recorded.
      const again = await rescore([
        'hubspot',
        '--base-url',
        sandbox.url,
        '--as-of',
        asOf,
        '--requests-per-10s',
        '1000',
      ]);
      expect(summary(again.out).created).toBe(0);
    } finally {
      await sandbox.close();
    }
  }, 120_000);
});

describe('csops rescore hubspot with Slack alerts', () => {
  const require = createRequire(import.meta.url);
  const job = require('@csops/hubspot-functions/rescore') as {
    pacedCrm(o: { accessToken: string; baseUrl: string; requestsPer10s: number }): unknown;
  };
  const { createSettingsStore } = require('@csops/hubspot-functions/settings-store') as {
    createSettingsStore(crm: unknown): {
      append(settings: unknown, meta: { changedBy: string; changedAt: string }): Promise<unknown>;
    };
  };

  it('sends each alert once to the channel settings name, linking the record, never showing the URL', async () => {
    const received: { text: string }[] = [];
    const slack = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body) as { text: string });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => slack.listen(0, '127.0.0.1', r));
    const stop = setTimeout(() => slack.close(), 120_000);
    const webhook = `http://127.0.0.1:${(slack.address() as AddressInfo).port}/services/T0/B0/secret-path`;
    const sandbox = await demo();
    const saved = process.env.CSOPS_TEST_SLACK_URL;
    process.env.CSOPS_TEST_SLACK_URL = webhook;
    try {
      const settings = defaultSettings();
      settings.alerts.channels = [
        { name: '#cs-alerts', webhookSecret: 'CSOPS_TEST_SLACK_URL', events: [...ALERT_EVENTS] },
      ];
      const crm = job.pacedCrm({ accessToken: TOKEN, baseUrl: sandbox.url, requestsPer10s: 1000 });
      await createSettingsStore(crm).append(settings, {
        changedBy: 'test',
        changedAt: new Date().toISOString(),
      });
      const asOf = new Date().toISOString();
      const base = ['hubspot', '--base-url', sandbox.url, '--as-of', asOf];
      const withoutPortal = await rescore([...base, '--requests-per-10s', '1000']);
      expect(withoutPortal.err).toContain('give --portal-id');
      expect(received).toHaveLength(0);

      const first = await rescore([...base, '--requests-per-10s', '1000', '--portal-id', '4242']);
      expect(first.code, first.err).toBe(0);
      expect(summary(first.out).alerts).toBeGreaterThan(0);
      expect(received).toHaveLength(summary(first.out).alerts);
      for (const m of received)
        expect(m.text).toContain('https://app.hubspot.com/contacts/4242/record/0-2/');
      expect(first.out + first.err).not.toContain('secret-path');

      const second = await rescore([...base, '--requests-per-10s', '1000', '--portal-id', '4242']);
      expect(summary(second.out).alerts).toBe(0);
      expect(received).toHaveLength(summary(first.out).alerts);
    } finally {
      if (saved === undefined) delete process.env.CSOPS_TEST_SLACK_URL;
      else process.env.CSOPS_TEST_SLACK_URL = saved;
      clearTimeout(stop);
      slack.close();
      await sandbox.close();
    }
  });
});
