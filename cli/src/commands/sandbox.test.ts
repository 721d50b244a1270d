import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/csops.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'csops-sandbox-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [bin, 'sandbox', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number>((resolve) =>
    child.once('exit', (code) => resolve(code ?? -1)),
  );
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (m) resolve(m[1]!);
    });
    void exited.then(() => reject(new Error(`exited before listening: ${stderr}`)));
  });
  // Runs that are meant to fail never listen; only tests that await the URL care.
  url.catch(() => undefined);
  return { child, url, exited, out: () => stdout, err: () => stderr };
}

describe('csops sandbox', () => {
  it('serves the demo portal, keeps a write across a restart, and stops cleanly on SIGTERM', async () => {
    const first = run(['--port', '0', '--data-dir', dataDir, '--reset']);
    const url = await first.url;
    expect(first.out()).toContain('Northwind Logistics');
    const auth = { authorization: 'Bearer t', 'content-type': 'application/json' };
    const created = await fetch(`${url}/crm/v3/objects/companies`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ properties: { name: 'Kept Across Restarts' } }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.out()).toContain('stopped');

    const second = run(['--port', '0', '--data-dir', dataDir]);
    const again = await fetch(`${await second.url}/crm/v3/objects/companies/${id}`, {
      headers: auth,
    });
    expect(((await again.json()) as { properties: { name: string } }).properties.name).toBe(
      'Kept Across Restarts',
    );
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('takes faults from the environment and refuses bad values naming the flag', async () => {
    const bad = run(['--data-dir', dataDir], { CSOPS_SANDBOX_FAILURE_RATE: '2' });
    expect(await bad.exited).toBe(2);
    expect(bad.err()).toContain('failure-rate');
    const unknown = run(['--colour']);
    expect(await unknown.exited).toBe(2);
  });

  it('serves the Salesforce org with --crm salesforce, with its access token and the demo accounts', async () => {
    const sf = run([
      '--crm',
      'salesforce',
      '--port',
      '0',
      '--data-dir',
      join(dataDir, 'sf'),
      '--reset',
    ]);
    const url = await sf.url;
    expect(sf.out()).toContain('Salesforce sandbox');
    const account = /healthyEnterprise\s+Northwind Logistics \(Account (001\w{15})\)/.exec(
      sf.out(),
    );
    const token = /access token: (\S+)/.exec(sf.out())?.[1];
    expect(account).not.toBeNull();
    const soql = encodeURIComponent(`SELECT Name FROM Account WHERE Id = '${account![1]}'`);
    const res = await fetch(`${url}/services/data/v66.0/query?q=${soql}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await res.json()) as { records: { Name: string }[] }).records[0]!.Name).toBe(
      'Northwind Logistics',
    );
    // The HubSpot API is not what this CRM speaks.
    const hubspot = await fetch(`${url}/crm/v3/objects/companies`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(hubspot.status).toBe(404);
    sf.child.kill('SIGTERM');
    expect(await sf.exited).toBe(0);
    expect(sf.out()).toContain('org saved');
  });

  it('refuses an unknown CRM and a limit flag of the other CRM, saying which to use', async () => {
    const unknown = run(['--crm', 'zendesk']);
    expect(await unknown.exited).toBe(2);
    expect(unknown.err()).toContain('--crm must be hubspot or salesforce');
    const mixed = run(['--crm', 'salesforce', '--rate-limit', '5']);
    expect(await mixed.exited).toBe(2);
    expect(mixed.err()).toContain('a Salesforce org takes --api-limit');
    const other = run(['--api-limit', '5']);
    expect(await other.exited).toBe(2);
    expect(other.err()).toContain('the HubSpot sandbox takes --rate-limit');
  });
});
