// Prints how long the preview takes for what a user waits on: start, bundles, a card's function call, the
// portfolio read and a full rescore, and what a function call costs above the function's own work.
// Prints figures; asserts nothing. Run: cd preview && npm run bench -- [--json]
// `--json` prints one {"name","value","unit"} object per line instead of the table.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAppProject } from './src/app-project.js';
import {
  createFunctionRunner,
  type FunctionCall,
  type FunctionResult,
} from './src/function-runner.js';
import { HUBSPOT_APP_DIR, launchPreview } from './src/launch.js';

const json = process.argv.includes('--json');
const WARM_CALLS = 20;
const COLD_CALLS = 5;
const rows: [string, string][] = [];
const record = (label: string, value: number, unit: string) => {
  rows.push([label, `${value} ${unit}`]);
  if (json) process.stdout.write(`${JSON.stringify({ name: `preview: ${label}`, value, unit })}\n`);
};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await work();
  record(label, Math.round(performance.now() - started), 'ms');
  return value;
}

let apiToken = '';

async function post(url: string, body: unknown): Promise<FunctionResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csops-preview-token': apiToken },
    body: JSON.stringify(body),
  });
  return (await response.json()) as FunctionResult;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const round1 = (n: number) => Math.round(n * 10) / 10;

/** What the call cost above the function's own work: the runner's whole time minus the time inside `main`. */
function overheadOf(result: FunctionResult): number {
  if (!result.ok) throw new Error(`the benchmark call failed: ${result.message}`);
  return result.durationMs - result.functionMs;
}

function recordCalls(label: string, results: FunctionResult[]) {
  const overheads = results.map(overheadOf);
  const own = results.map((r) => (r.ok ? r.functionMs : 0));
  record(`${label}: overhead, median of ${results.length}`, round1(median(overheads)), 'ms');
  record(`${label}: overhead, max of ${results.length}`, round1(Math.max(...overheads)), 'ms');
  record(`${label}: inside the function, median`, round1(median(own)), 'ms');
}

record('load average (1 min) at start, 2 cores', round1(loadavg()[0] ?? 0), 'procs');
const dataDir = mkdtempSync(join(tmpdir(), 'csops-preview-bench-'));
const running = await timed('start sandbox (demo seed) + preview', () =>
  launchPreview({ port: 0, sandboxPort: 0, dataDir, reset: true }),
);
const url = running.preview.url;
apiToken = running.preview.apiToken;
try {
  await timed('host bundle, first build', () =>
    fetch(`${url}/assets/host.js`).then((r) => r.text()),
  );
  await timed('host bundle, rebuild', () => fetch(`${url}/assets/host.js`).then((r) => r.text()));
  await timed('health card bundle, first build', () =>
    fetch(`${url}/extensions/csops_health_card.js`).then((r) => r.text()),
  );
  const portfolio = await timed('portfolio read (list paging, 100 a page)', () =>
    fetch(`${url}/api/portfolio`, { headers: { 'x-csops-preview-token': apiToken } }).then(
      (r) => r.json() as Promise<{ companies: { id: string }[] }>,
    ),
  );
  record('companies', portfolio.companies.length, 'companies');
  const first = portfolio.companies[0]?.id ?? '0';
  const card = await timed('account_health call from the card, first', () =>
    post(`${url}/api/functions/account_health`, {
      parameters: { companyId: first },
      propertiesToSend: ['hs_object_id'],
      crm: { objectId: Number(first), objectTypeId: '0-2' },
    }),
  );
  record('account_health call from the card, first: overhead', round1(overheadOf(card)), 'ms');

  // The same call straight through the runner, so the figures hold the runner and nothing of HTTP.
  const fn = readAppProject(HUBSPOT_APP_DIR).functions.find((f) => f.uid === 'account_health');
  if (!fn) throw new Error('the app declares no account_health function');
  const call: FunctionCall = {
    uid: fn.uid,
    file: fn.file,
    parameters: { companyId: first },
    propertiesToSend: { hs_object_id: first },
    portalId: running.sandbox.portalId,
    user: running.user,
    crm: { objectId: Number(first), objectTypeId: '0-2' },
    env: {
      HUBSPOT_API_BASE_URL: running.sandbox.url,
      PRIVATE_APP_ACCESS_TOKEN: running.accessToken,
      HUBSPOT_PORTAL_ID: String(running.sandbox.portalId),
    },
  };
  const cold = createFunctionRunner({ warmWorkers: 0 });
  const coldResults: FunctionResult[] = [];
  for (let i = 0; i < COLD_CALLS; i++) coldResults.push(await cold.run(call));
  await cold.close();
  recordCalls('account_health, cold thread (none warm)', coldResults);

  const warm = createFunctionRunner();
  warm.warm(call.file, call.env);
  const warmResults: FunctionResult[] = [];
  for (let i = 0; i < WARM_CALLS; i++) {
    // A user's next click comes after the replacement thread is ready; back-to-back bursts are not timed here.
    await warm.ready();
    warmResults.push(await warm.run(call));
  }
  await warm.close();
  recordCalls('account_health, warm thread', warmResults);

  let afterId: string | undefined;
  await timed('portfolio_rescore, every company', async () => {
    for (let run = 0; run < 50; run++) {
      const result = await post(`${url}/api/functions/portfolio_rescore`, {
        parameters: afterId ? { afterId } : {},
      });
      const data = (result.ok ? result.response : undefined) as
        { data?: { done?: boolean; lastId?: string } } | undefined;
      if (data?.data?.done !== false) return;
      afterId = data.data.lastId;
    }
  });
} finally {
  await running.close();
  rmSync(dataDir, { recursive: true, force: true });
}

if (!json) {
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  for (const [label, value] of rows) process.stdout.write(`${label.padEnd(width)}${value}\n`);
}
