// `npm run bench:salesforce -w cli`: API calls per 10,000 Accounts rescored (`csops rescore
// salesforce` against the Salesforce sandbox, fixed seed) against the fewest the batch sizes allow:
// one settings read, a query page per 2,000 Accounts, one composite read of their related records
// per page, and one collection call per 200 writes of each kind.
import { Connection } from '@jsforce/jsforce-node';
import { startSalesforceSandbox } from '@csops/sandbox/salesforce';
import { loadSalesforceModules } from '../src/salesforce/lwc.js';
import { OrgClient } from '../src/salesforce/org-client.js';
import { rescoreSalesforce } from '../src/salesforce/run.js';

const ACCOUNTS = 10_000;
const PAGE = 2_000;
const BATCH = 200;
const SEED = 1;
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
  const started = performance.now();
  const totals = await rescoreSalesforce({
    client,
    modules: await loadSalesforceModules(),
    version: sandbox.version,
    asOf: AS_OF,
    settingsRecord: 'Default',
    pageSize: PAGE,
  });
  const seconds = (performance.now() - started) / 1000;
  const pages = Math.ceil(ACCOUNTS / PAGE);
  const minimum =
    1 +
    pages * 2 +
    Math.ceil(totals.tasksCreated / BATCH) +
    Math.ceil((totals.rescored + totals.tasksClosed) / BATCH);
  const figures = [
    {
      name: 'salesforce rescore: API calls per 10,000 Accounts',
      value: client.calls,
      unit: 'calls',
    },
    { name: 'salesforce rescore: minimum for these batch sizes', value: minimum, unit: 'calls' },
    {
      name: 'salesforce rescore: calls against the minimum',
      value: Number((client.calls / minimum).toFixed(3)),
      unit: 'x',
    },
    {
      name: 'salesforce rescore: Accounts per second (sandbox, no latency)',
      value: Math.round(ACCOUNTS / seconds),
      unit: 'accounts/s',
    },
  ];
  if (json) for (const f of figures) console.log(JSON.stringify(f));
  else {
    console.log(
      `csops rescore salesforce over ${ACCOUNTS} generated Accounts (seed ${SEED}, pages of ${PAGE}, collections of ${BATCH}):`,
    );
    console.log(
      `  read ${totals.read} = rescored ${totals.rescored} + unchanged ${totals.unchanged} + failed ${totals.failed}; Tasks created ${totals.tasksCreated}, closed ${totals.tasksClosed}`,
    );
    for (const f of figures) console.log(`  ${f.name}: ${f.value} ${f.unit}`);
    console.log('  command: npm run bench:salesforce -w cli');
  }
} finally {
  await sandbox.close();
}
