// Sandbox benchmark: the portfolio rescore's load (10,000+ companies) through the real api-client.
// Prints figures; asserts nothing. Run: cd sandbox && npm run bench -- [companies] [--json]
// `--json` prints one {"name","value","unit"} object per line instead of the table.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@hubspot/api-client';
import type { PublicObjectSearchRequest } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import { startSandbox } from './src/index.js';
import { FileJournal, JOURNAL, SNAPSHOT } from './src/store/journal.js';

const COMPANIES = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10_000);
const json = process.argv.includes('--json');
const metrics: { name: string; value: number; unit: string }[] = [];
const dir = mkdtempSync(join(tmpdir(), 'csops-sandbox-bench-'));
const rows: [string, string][] = [];
const timed = async <T>(
  label: string,
  fn: () => Promise<T>,
  per?: (ms: number, r: T) => string,
): Promise<T> => {
  const t0 = performance.now();
  const r = await fn();
  const ms = performance.now() - t0;
  rows.push([label, `${ms.toFixed(0)} ms${per ? `  (${per(ms, r)})` : ''}`]);
  metrics.push({ name: `sandbox: ${label}`, value: Math.round(ms), unit: 'ms' });
  return r;
};
const mb = (label: string, path: string): [string, string] => {
  const mib = statSync(path).size / 1_048_576;
  metrics.push({ name: `sandbox: ${label}`, value: Number(mib.toFixed(1)), unit: 'MiB' });
  return [label, `${mib.toFixed(1)} MiB`];
};

try {
  const sandbox = await timed('start + seed demo portfolio (300 accounts) to disk', () =>
    startSandbox({ dataDir: dir, reset: true }),
  );
  const client = new Client({
    accessToken: 'bench',
    basePath: sandbox.url,
    numberOfApiCallRetries: 0,
  });
  const batches = Math.ceil(COMPANIES / 100);
  const ids = await timed(
    `batch create ${COMPANIES} companies (100 per request)`,
    async () => {
      const out: string[] = [];
      for (let b = 0; b < batches; b++) {
        const inputs = Array.from({ length: Math.min(100, COMPANIES - b * 100) }, (_, i) => ({
          properties: {
            name: `Bench ${b}-${i}`,
            csops_arr: String(1_000 + ((b * 100 + i) % 500) * 300),
            csops_segment: 'smb',
            csops_active_users_30d: String(i),
          },
          associations: [],
        }));
        out.push(
          ...(await client.crm.companies.batchApi.create({ inputs })).results.map((r) => r.id),
        );
      }
      return out;
    },
    (ms) => `${((batches / ms) * 1000).toFixed(0)} requests/s`,
  );
  const scanned = await timed(
    'search every company by hs_object_id, 200 per page, restarting past the 10,000 cap',
    async () => {
      // Past 10,000 results a query must restart from the last id seen, as the rescore does.
      let seen = 0;
      let floor = '0';
      for (;;) {
        let after: string | undefined;
        let last = floor;

        do {
          const req = {
            filterGroups: [
              { filters: [{ propertyName: 'hs_object_id', operator: 'GT', value: floor }] },
            ],
            sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
            properties: ['csops_arr', 'csops_active_users_30d'],
            limit: 200,
            after,
          } as unknown as PublicObjectSearchRequest;
          const res = await client.crm.companies.searchApi.doSearch(req);
          seen += res.results.length;
          if (res.results.length) last = res.results[res.results.length - 1]!.id;
          after = res.paging?.next?.after;
        } while (after && Number(after) < 10_000);
        if (!after) return seen;
        floor = last;
      }
    },
    (ms, n) => `${n} companies, ${((n / ms) * 1000).toFixed(0)} records/s`,
  );
  void scanned;
  await timed(
    `batch update ${COMPANIES} health scores (100 per request)`,
    async () => {
      for (let b = 0; b < batches; b++) {
        const inputs = ids.slice(b * 100, b * 100 + 100).map((id, i) => ({
          id,
          properties: { csops_health_score: String(i % 100), csops_health_band: 'green' },
        }));
        await client.crm.companies.batchApi.update({ inputs });
      }
    },
    (ms) => `${((batches / ms) * 1000).toFixed(0)} requests/s`,
  );
  await timed('associations v4 batch read, 1,000 companies → contacts', () =>
    client.crm.associations.v4.batchApi.getPage('companies', 'contacts', {
      inputs: Array.from({ length: 1000 }, (_, i) => ({ id: String(10_002 + i) })),
    }),
  );
  rows.push(mb('journal size before close', join(dir, JOURNAL)));
  const loadedFromJournal = await timed(
    'load from snapshot + replay the journal (as after kill -9)',
    async () => FileJournal.load(dir)!,
    (_, l) => `${l.replayed} records`,
  );
  void loadedFromJournal;
  await timed('close (fold journal into snapshot)', () => sandbox.close());
  rows.push(mb('snapshot size', join(dir, SNAPSHOT)));
  const again = await timed('restart from snapshot', () => startSandbox({ dataDir: dir }));
  await again.close();
  const rss = process.memoryUsage().rss / 1_048_576;
  rows.push(['resident memory (rss)', `${rss.toFixed(0)} MiB`]);
  metrics.push({ name: 'sandbox: resident memory (rss)', value: Math.round(rss), unit: 'MiB' });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (json) {
  for (const m of metrics) process.stdout.write(`${JSON.stringify(m)}\n`);
} else {
  const width = Math.max(...rows.map(([l]) => l.length));
  process.stdout.write(`csops sandbox benchmark (${COMPANIES} companies)\n`);
  for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(width)}  ${value}\n`);
}
