// `npm run bench:salesforce -w cli`: API calls per 10,000 Accounts rescored (`csops rescore
// salesforce` against the Salesforce sandbox, fixed seed) against the fewest the batch sizes allow:
// one settings read, a query page per 2,000 Accounts, one composite read of their related records
// per page, and one collection call per 200 writes of each kind, or, where a write set goes through
// Bulk API 2.0, the fewer of that and one job's calls (create, upload, close, one poll, two results).
// Measured twice on the same org: with Bulk API 2.0 at its default threshold, and collections only.
import { Connection } from '@jsforce/jsforce-node';
import { startSalesforceSandbox } from '@csops/sandbox/salesforce';
import { loadSalesforceModules } from '../src/salesforce/lwc.js';
import { OrgClient } from '../src/salesforce/org-client.js';
import { BULK_FROM } from '../src/salesforce/bulk.js';
import { rescoreSalesforce } from '../src/salesforce/run.js';
import type { RescoreTotals } from '../src/salesforce/run.js';

const ACCOUNTS = 10_000;
const PAGE = 2_000;
const BATCH = 200;
const SEED = 1;
/** A job's calls when the first poll finds it complete, as the sandbox answers. */
const JOB_CALLS_AT_LEAST = 6;
const AS_OF = '2026-12-01T12:00:00.000Z';
const json = process.argv.includes('--json');

/** mulberry32: the same org on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (offsetDays: number) =>
  new Date(Date.parse(AS_OF) + offsetDays * 86_400_000).toISOString();

function account(i: number, r: () => number): Record<string, unknown> {
  const seats = 10 + Math.floor(r() * 490);
  return {
    attributes: { type: 'Account' },
    Name: `Bench account ${String(i).padStart(5, '0')}`,
    Csops_ARR__c: Math.round(5_000 + r() * 250_000),
    Csops_Renewal_Date__c: day(Math.floor(r() * 400) - 30).slice(0, 10),
    Csops_Contract_Start__c: day(-300).slice(0, 10),
    Csops_Licensed_Seats__c: seats,
    Csops_Active_Users_30d__c: Math.floor(seats * r()),
    Csops_Active_Users_Prior_30d__c: Math.floor(seats * r()),
    Csops_Features_Adopted__c: Math.floor(r() * 10),
    Csops_Features_Licensed__c: 10,
    Csops_Last_Activity_At__c: day(-Math.floor(r() * 60)),
    Csops_Usage_Observed_At__c: day(-1),
    Csops_NPS_Latest__c: Math.floor(r() * 11),
    Csops_NPS_Previous__c: Math.floor(r() * 11),
    Csops_NPS_Observed_At__c: day(-10),
  };
}

const collections = (n: number) => Math.ceil(n / BATCH);
const cheaper = (n: number) => Math.min(collections(n), JOB_CALLS_AT_LEAST);

async function measure(bulkFrom: number) {
  const sandbox = await startSalesforceSandbox({
    port: 0,
    seed: 'empty',
    now: () => new Date(AS_OF),
    dailyApiRequests: 1_000_000,
  });
  try {
    const conn = new Connection({
      instanceUrl: sandbox.instanceUrl,
      accessToken: sandbox.accessToken,
      version: sandbox.version,
    });
    const r = prng(SEED);
    for (let i = 0; i < ACCOUNTS; i += BATCH) {
      const records = Array.from({ length: BATCH }, (_, n) => account(i + n, r));
      await conn.requestPost(`/services/data/v${sandbox.version}/composite/sobjects`, {
        allOrNone: true,
        records,
      });
    }
    const client = new OrgClient(conn, { budgetShare: 1 });
    const pages: RescoreTotals[] = [];
    const started = performance.now();
    const totals = await rescoreSalesforce({
      client,
      modules: await loadSalesforceModules(),
      version: sandbox.version,
      asOf: AS_OF,
      settingsRecord: 'Default',
      pageSize: PAGE,
      bulkFrom,
      onPage: (_, page) => void pages.push(page),
    });
    const seconds = (performance.now() - started) / 1000;
    const jobs = sandbox.stats().byRoute['POST /services/data/{version}/jobs/ingest'] ?? 0;
    return { calls: client.calls, totals, pages, seconds, jobs };
  } finally {
    await sandbox.close();
  }
}

const bulk = await measure(BULK_FROM);
const only = await measure(Number.POSITIVE_INFINITY);
const { totals } = only;
if (JSON.stringify(bulk.totals) !== JSON.stringify(totals))
  throw new Error(
    `bulk and collections runs differ: ${JSON.stringify(bulk.totals)} vs ${JSON.stringify(totals)}`,
  );
const reads = 1 + Math.ceil(ACCOUNTS / PAGE) * 2;
const minimumCollections =
  reads +
  only.pages.reduce(
    (sum, p) => sum + collections(p.tasksCreated) + collections(p.rescored + p.tasksClosed),
    0,
  );
const minimumBulk =
  reads +
  bulk.pages.reduce(
    (sum, p) =>
      sum +
      cheaper(p.tasksCreated) +
      Math.min(
        collections(p.rescored + p.tasksClosed),
        cheaper(p.rescored) + cheaper(p.tasksClosed),
      ),
    0,
  );
const figures = [
  {
    name: `salesforce rescore: API calls per 10,000 Accounts, Bulk API 2.0 from ${BULK_FROM} records`,
    value: bulk.calls,
    unit: 'calls',
  },
  { name: 'salesforce rescore: minimum with Bulk API 2.0 jobs', value: minimumBulk, unit: 'calls' },
  {
    name: 'salesforce rescore: API calls per 10,000 Accounts, collections only',
    value: only.calls,
    unit: 'calls',
  },
  {
    name: 'salesforce rescore: minimum for these batch sizes (collections)',
    value: minimumCollections,
    unit: 'calls',
  },
  {
    name: 'salesforce rescore: calls against the minimum (bulk on)',
    value: Number((bulk.calls / minimumBulk).toFixed(3)),
    unit: 'x',
  },
  {
    name: 'salesforce rescore: calls against the minimum (collections only)',
    value: Number((only.calls / minimumCollections).toFixed(3)),
    unit: 'x',
  },
  {
    name: 'salesforce rescore: Accounts per second (sandbox, no latency, bulk on)',
    value: Math.round(ACCOUNTS / bulk.seconds),
    unit: 'accounts/s',
  },
];
if (json) for (const f of figures) console.log(JSON.stringify(f));
else {
  console.log(
    `csops rescore salesforce over ${ACCOUNTS} generated Accounts (seed ${SEED}, pages of ${PAGE}, collections of ${BATCH}, Bulk API 2.0 jobs from ${BULK_FROM} records):`,
  );
  console.log(
    `  read ${totals.read} = rescored ${totals.rescored} + unchanged ${totals.unchanged} + failed ${totals.failed}; Tasks created ${totals.tasksCreated}, closed ${totals.tasksClosed}; ${bulk.jobs} Bulk jobs`,
  );
  for (const f of figures) console.log(`  ${f.name}: ${f.value} ${f.unit}`);
  console.log('  command: npm run bench:salesforce -w cli');
}
