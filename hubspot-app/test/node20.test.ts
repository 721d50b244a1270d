// HubSpot runs app functions on Node 20: run them on Node 20 too, not only on the project's Node 24.
import { execFileSync, spawn } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '@csops/sandbox';
import { openPortal, TOKEN, type Portal } from './harness.js';

/** The machine's Node 20: the first `node` on PATH outside node_modules that reports v20. */
function node20(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir.includes('node_modules')) continue;
    const candidate = join(dir, 'node');
    if (!existsSync(candidate)) continue;
    const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
    if (version.startsWith('v20.')) return candidate;
  }
  throw new Error(
    'No Node 20 on PATH: HubSpot runs app functions on Node 20, so the functions are checked with it',
  );
}

const functionsDir = fileURLToPath(new URL('../src/app/functions/', import.meta.url));
const script = `
  const uid = process.argv[1];
  require(${JSON.stringify(functionsDir)} + uid.replace(/_/g, '-') + '.js')
    .main(JSON.parse(process.argv[2]))
    .then((r) => process.stdout.write(JSON.stringify({ version: process.version, result: r })));
`;

function runOnNode20(uid: string, context: unknown, env: Record<string, string>) {
  return new Promise<{
    version: string;
    result: { ok: boolean; data?: { evaluation: { health: { score: number | null } } } };
  }>((resolve, reject) => {
    const child = spawn(node20(), ['-e', script, uid, JSON.stringify(context)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`exit ${code}: ${err}`)),
    );
  });
}

let portal: Portal;
beforeAll(async () => {
  portal = await openPortal({ seed: 'demo' });
});
afterAll(() => portal.close());

describe('app functions on Node 20', () => {
  it('score an account and create an expansion deal', async () => {
    const env = { HUBSPOT_API_BASE_URL: portal.sandbox.url, PRIVATE_APP_ACCESS_TOKEN: TOKEN };
    const companyId = DEMO_ACCOUNTS.expansionReady.id;
    const health = await runOnNode20('account_health', { parameters: { companyId } }, env);
    expect(health.version).toMatch(/^v20\./);
    expect(health.result.ok).toBe(true);
    expect(health.result.data?.evaluation.health.score).toEqual(expect.any(Number));
    const deal = await runOnNode20('create_expansion_deal', { parameters: { companyId } }, env);
    expect(deal.result).toMatchObject({ ok: true, data: { deal: { id: expect.any(String) } } });
  });
});
