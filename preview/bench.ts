// Prints how long the preview takes for what a user waits on: start, bundles, a card's function call,
// the portfolio read and a full rescore. Run: cd preview && npm run bench
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchPreview } from './src/launch.js';

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await work();
  process.stdout.write(`${label.padEnd(44)} ${Math.round(performance.now() - started)} ms\n`);
  return value;
}

let apiToken = '';

async function post(
  url: string,
  body: unknown,
): Promise<{ ok: boolean; durationMs: number; response: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csops-preview-token': apiToken },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean; durationMs: number; response: unknown };
}

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
  process.stdout.write(`${'  companies'.padEnd(44)} ${portfolio.companies.length}\n`);
  const first = portfolio.companies[0]?.id ?? '0';
  for (let i = 1; i <= 3; i++) {
    const result = await timed(`account_health call ${i} (worker thread, cold require)`, () =>
      post(`${url}/api/functions/account_health`, {
        parameters: { companyId: first },
        propertiesToSend: ['hs_object_id'],
        crm: { objectId: Number(first), objectTypeId: '0-2' },
      }),
    );
    process.stdout.write(
      `${'  of which inside the function'.padEnd(44)} ${result.durationMs} ms\n`,
    );
  }
  let afterId: string | undefined;
  await timed('portfolio_rescore, every company', async () => {
    for (let run = 0; run < 50; run++) {
      const result = await post(`${url}/api/functions/portfolio_rescore`, {
        parameters: afterId ? { afterId } : {},
      });
      const data = (result.response as { data?: { done?: boolean; lastId?: string } }).data;
      if (data?.done !== false) return;
      afterId = data.lastId;
    }
  });
} finally {
  await running.close();
  rmSync(dataDir, { recursive: true, force: true });
}
