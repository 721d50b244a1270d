// Prints what the HubSpot face costs in CRM requests, against the CRM sandbox on 127.0.0.1:
//   1. requests per card load (health and handoff cards), against the minimum the batch sizes allow;
//   2. round trips per card load, with the sandbox answering every request after 100 ms;
//   3. requests per 10,000 companies rescored with the playbook ledger, against the same minimum;
//   4. rescore throughput under HubSpot's Professional rate limit (190 requests per 10 s), against
//      the bound that limit sets;
//   5. a fault run: 10% injected 5xx, the rescore killed -9 midway and resumed from its checkpoint.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@hubspot/api-client';
import { defaultSettings } from '@csops/core';
import { DEMO_ACCOUNTS, startSandbox, type RunningSandbox } from '@csops/sandbox';
import { setupHubSpot } from '@csops/hubspot-model';

const require = createRequire(import.meta.url);
const { createCrm } = require('../src/app/functions/lib/crm.js');
const { createHubSpotClient } = require('../src/app/functions/lib/hubspot-client.js');
const { rescorePortfolio } = require('../src/app/functions/lib/portfolio.js');
const { pacedCrm, rescoreWithSavedSettings } = require('../src/app/functions/lib/rescore-job.js');

const TOKEN = 'bench-token';
const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 10_000);
const RATE_LIMIT = 190;
const TYPES = ['deals', 'tickets', 'contacts', 'meetings'] as const;
/** HubSpot's API answers in roughly this time; the sandbox holds every answer back by it. */
const LATENCY_MS = 100;
/** In the fault run, so that a kill lands inside a batch. */
const FAULT_LATENCY_MS = 20;

type Crm = ReturnType<typeof createCrm>;
const unpaced = { take: async () => undefined };
const crmAt = (url: string, limiter: unknown = unpaced): Crm =>
  createCrm(createHubSpotClient({ accessToken: TOKEN, baseUrl: url }), { limiter });
const run = async (uid: string, url: string, context: unknown) => {
  process.env.HUBSPOT_API_BASE_URL = url;
  process.env.PRIVATE_APP_ACCESS_TOKEN = TOKEN;
  return require(`../src/app/functions/${uid.replace(/_/g, '-')}.js`).main(context);
};
const JSON_OUT = process.argv.includes('--json');
const say = (text: string) => {
  if (!JSON_OUT) console.log(text);
};
const line = (label: string, value: string | number) => say(`  ${label.padEnd(52)} ${value}`);
/** One figure for `npm run bench -- --json`: a {"name","value","unit"} object per line. */
const figure = (name: string, value: number, unit: string) => {
  if (JSON_OUT)
    console.log(
      JSON.stringify({ name: `hubspot.${name}`, value: Math.round(value * 10) / 10, unit }),
    );
};

/** Associated record counts per type, read outside the measured gateway. */
async function associatedCounts(url: string, ids: string[]): Promise<Record<string, number>> {
  const crm = crmAt(url);
  const out: Record<string, number> = {};
  for (const t of TYPES) {
    const m: Map<string, string[]> = await crm.associations('companies', t, ids);
    out[t] = new Set([...m.values()].flat()).size;
  }
  return out;
}

async function cardLoads() {
  const sandbox = await startSandbox({ port: 0, seed: 'demo', token: TOKEN });
  try {
    say('\nCard loads (demo portfolio; one hubspot.serverless call per card load)');
    let first = true;
    for (const [key, account] of Object.entries(DEMO_ACCOUNTS)) {
      const cold = first;
      const result = await run('account_health', sandbox.url, {
        parameters: { companyId: account.id },
      });
      first = false;
      const counts = await associatedCounts(sandbox.url, [account.id]);
      counts.tasks = await taskCount(sandbox.url, [account.id]);
      // A warm load has nothing to write: settings search + company read + one association read
      // per type (tasks included) + batch reads of 100.
      const readTypes = [...TYPES, 'tasks'];
      const minimum =
        1 +
        1 +
        readTypes.length +
        readTypes.reduce((n, t) => n + Math.ceil((counts[t] ?? 0) / 100), 0);
      const warm = await run('account_health', sandbox.url, {
        parameters: { companyId: account.id },
      });
      const assoc = readTypes.map((t) => `${counts[t]} ${t}`).join(', ');
      figure(`card_load.health.${key}.requests`, warm.data.requests, 'requests');
      figure(`card_load.health.${key}.minimum`, minimum, 'requests');
      line(
        `health card · ${key} (${assoc})`,
        `${result.data.requests}${cold ? ' cold' : ''} (${result.data.playbook.created} tasks created) / ${warm.data.requests} warm, minimum ${minimum}`,
      );
    }
    const dealId = await firstDeal(sandbox.url);
    sandbox.resetStats();
    await run('handoff_load', sandbox.url, { parameters: { dealId } });
    figure('card_load.handoff.requests', sandbox.stats().requests, 'requests');
    line(
      'handoff card · handoff_load',
      `${sandbox.stats().requests} warm (minimum 2: settings search + deal read)`,
    );
    say('  (cold: the first call in a process also looks up the settings object type once)');
  } finally {
    await sandbox.close();
  }
}

const firstDeal = async (url: string) =>
  (await new Client({ accessToken: TOKEN, basePath: url }).crm.deals.basicApi.getPage(1)).results[0]
    ?.id;

/**
 * One function call with the sandbox at LATENCY_MS: the sequential request waves the sandbox saw
 * (requests in flight together share one), and the wall time in units of that latency.
 */
async function roundTrips(sandbox: RunningSandbox, uid: string, parameters: unknown) {
  sandbox.resetStats();
  const started = Date.now();
  const result = await run(uid, sandbox.url, { parameters });
  if (!result.ok) throw new Error(`${uid} failed: ${result.error.message}`);
  const wallMs = Date.now() - started;
  return { waves: sandbox.stats().waves, requests: sandbox.stats().requests, wallMs };
}

async function cardRoundTrips() {
  // A portal of its own, so its first load is a cold one.
  const sandbox = await startSandbox({
    port: 0,
    seed: 'demo',
    token: TOKEN,
    latencyMs: LATENCY_MS,
  });
  try {
    say(`\nRound trips per card load (every CRM answer held back ${LATENCY_MS} ms)`);
    const show = (
      label: string,
      name: string,
      t: { waves: number; requests: number; wallMs: number },
    ) => {
      figure(`${name}.round_trips`, t.waves, 'round trips');
      figure(`${name}.wall_time_at_${LATENCY_MS}ms_latency`, t.wallMs, 'ms');
      line(
        label,
        `${t.requests} requests in ${t.waves} wave${t.waves === 1 ? '' : 's'}, ${(t.wallMs / 1000).toFixed(2)} s = ${(t.wallMs / LATENCY_MS).toFixed(1)} × latency`,
      );
      return t;
    };
    const first = DEMO_ACCOUNTS.healthyEnterprise;
    show(
      'health card · healthyEnterprise, cold',
      'card_load.health.cold',
      await roundTrips(sandbox, 'account_health', { companyId: first.id }),
    );
    for (const [key, account] of Object.entries(DEMO_ACCOUNTS))
      show(
        `health card · ${key}`,
        `card_load.health.${key}`,
        await roundTrips(sandbox, 'account_health', { companyId: account.id }),
      );
    const dealId = await firstDeal(sandbox.url);
    // Another portal's settings object type is not known yet: a cold handoff card load.
    const other = await startSandbox({
      port: 0,
      seed: 'demo',
      token: TOKEN,
      latencyMs: LATENCY_MS,
    });
    try {
      const coldDeal = await firstDeal(other.url);
      const cold = show(
        'handoff card · handoff_load, cold',
        'card_load.handoff.cold',
        await roundTrips(other, 'handoff_load', { dealId: coldDeal }),
      );
      figure('card_load.handoff.requests_cold', cold.requests, 'requests');
    } finally {
      await other.close();
    }
    show(
      'handoff card · handoff_load',
      'card_load.handoff',
      await roundTrips(sandbox, 'handoff_load', { dealId }),
    );
    say(
      '  (waves: requests in flight together count once; a request sent after an answer starts the next)',
    );
  } finally {
    await sandbox.close();
  }
}

/** An empty portal set up by `csops setup hubspot`, with COMPANIES companies and some activity on them. */
async function seededPortfolio(requestsPer10s = 0) {
  const sandbox = await startSandbox({ port: 0, seed: 'empty', token: TOKEN, faultSeed: 20261202 });
  const client = new Client({ accessToken: TOKEN, basePath: sandbox.url });
  await setupHubSpot(client);
  const now = Date.now();
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();
  const ids: string[] = [];
  for (let i = 0; i < COMPANIES; i += 100) {
    const inputs = Array.from({ length: Math.min(100, COMPANIES - i) }, (_, j) => {
      const n = i + j;
      return {
        properties: {
          name: `Account ${n}`,
          csops_arr: String(10_000 + (n % 50) * 4_000),
          csops_licensed_seats: String(20 + (n % 80)),
          csops_active_users_30d: String(10 + (n % 70)),
          csops_active_users_prior_30d: String(12 + (n % 66)),
          csops_usage_observed_at: iso(1),
          csops_renewal_date: new Date(now + ((n % 360) + 5) * 86_400_000)
            .toISOString()
            .slice(0, 10),
          csops_contract_observed_at: iso(1),
          csops_nps_latest: String((n % 120) - 40),
          csops_nps_observed_at: iso(20),
        },
        associations: [],
      };
    });
    const res = await client.crm.companies.batchApi.create({ inputs });
    ids.push(...res.results.map((r) => r.id));
  }
  const attach = async (
    type: string,
    typeId: number,
    every: number,
    props: (k: number) => Record<string, string>,
  ) => {
    const owners = ids.filter((_, k) => k % every === 0);
    for (let i = 0; i < owners.length; i += 100) {
      const inputs = owners.slice(i, i + 100).map((id, k) => ({
        properties: props(i + k),
        associations: [
          {
            to: { id },
            types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: typeId }],
          },
        ],
      }));
      await client.crm.objects.batchApi.create(type, { inputs });
    }
  };
  await attach('tickets', 26, 2, (k) => ({
    subject: `Ticket ${k}`,
    hs_pipeline: '0',
    hs_pipeline_stage: '1',
    hs_ticket_priority: k % 7 ? 'LOW' : 'HIGH',
  }));
  await attach('contacts', 1, 2, (k) => ({
    firstname: 'Contact',
    lastname: String(k),
    csops_stakeholder_role: 'champion',
  }));
  await attach('meetings', 188, 4, () => ({
    hs_meeting_title: 'Check-in',
    hs_meeting_start_time: iso(12),
    hs_timestamp: iso(12),
  }));
  await attach('deals', 5, 5, (k) => ({
    dealname: `Renewal ${k}`,
    pipeline: 'default',
    dealstage: 'appointmentscheduled',
  }));
  // The limit applies from here on: seeding is setup, not what is measured.
  if (requestsPer10s > 0) sandbox.setFaults({ requestsPer10s });
  sandbox.resetStats();
  return { sandbox, ids };
}

/** The fewest requests a rescore can make at these batch sizes, from what it read and wrote. */
function rescoreMinimum(
  companies: number,
  associated: Record<string, number>,
  writes: { companies: number; created: number; closed: number },
) {
  const readTypes = [...TYPES, 'tasks'];
  return (
    Math.ceil(companies / 200) +
    readTypes.length * Math.ceil(companies / 1000) +
    readTypes.reduce((n, t) => n + Math.ceil((associated[t] ?? 0) / 100), 0) +
    Math.ceil(writes.companies / 100) +
    Math.ceil(writes.created / 100) +
    Math.ceil(writes.closed / 100)
  );
}

async function rescoreCost() {
  const { sandbox, ids } = await seededPortfolio();
  try {
    const asOf = new Date().toISOString();
    const passes: number[] = [];
    for (const pass of ['first run (creates the playbook tasks)', 'second run (reads them back)']) {
      const counts = await associatedCounts(sandbox.url, ids);
      counts.tasks = await taskCount(sandbox.url, ids);
      const crm = crmAt(sandbox.url);
      const started = Date.now();
      const result = await rescorePortfolio({ crm, settings: defaultSettings(), asOf });
      const seconds = (Date.now() - started) / 1000;
      const minimum = rescoreMinimum(result.read, counts, {
        companies: result.rescored,
        created: result.tasksCreated,
        closed: result.tasksClosed,
      });
      say(`\nRescore of ${result.read} companies with the playbook ledger, ${pass}, no rate limit`);
      say(
        `  (${[...TYPES, 'tasks'].map((t) => `${counts[t]} ${t}`).join(', ')} associated; ${result.rescored} companies written, ${result.tasksCreated} tasks created, ${result.tasksClosed} closed)`,
      );
      for (const [kind, n] of Object.entries(crm.stats.byObject as Record<string, number>).sort())
        line(kind, n);
      line('requests in all', crm.stats.requests);
      line(
        'minimum the batch sizes allow',
        `${minimum} (search 200/page, associations 1,000/call, reads and writes 100/call)`,
      );
      line('requests / minimum', `${(crm.stats.requests / minimum).toFixed(3)} ×`);
      line('wall time unthrottled', `${seconds.toFixed(1)} s`);
      const tag = passes.length === 0 ? 'first' : 'second';
      figure(
        `rescore.${tag}.requests_per_10k_companies`,
        (crm.stats.requests / result.read) * 10_000,
        'requests',
      );
      figure(
        `rescore.${tag}.minimum_per_10k_companies`,
        (minimum / result.read) * 10_000,
        'requests',
      );
      figure(`rescore.${tag}.requests_over_minimum`, crm.stats.requests / minimum, 'ratio');
      passes.push(crm.stats.requests / result.read);
    }
    return passes;
  } finally {
    await sandbox.close();
  }
}

async function taskCount(url: string, ids: string[]): Promise<number> {
  const m: Map<string, string[]> = await crmAt(url).associations('companies', 'tasks', ids);
  return new Set([...m.values()].flat()).size;
}

/**
 * A full rescore, ledger included, paced as `csops rescore hubspot` paces it, against the sandbox
 * enforcing the same limit. The bound is the limit divided by the requests this run needed.
 */
async function rescoreThroughput() {
  const { sandbox } = await seededPortfolio(RATE_LIMIT);
  try {
    const crm = pacedCrm({ accessToken: TOKEN, baseUrl: sandbox.url, requestsPer10s: RATE_LIMIT });
    const started = Date.now();
    const result = await rescoreWithSavedSettings({ crm, asOf: new Date().toISOString() });
    const seconds = (Date.now() - started) / 1000;
    const stats = sandbox.stats();
    const perCompany = crm.stats.requests / result.read;
    // The rate-limit bound: RATE_LIMIT requests every 10 s, divided by what a company costs.
    const bound = RATE_LIMIT / 10 / perCompany;
    // A rolling window also lets the first RATE_LIMIT requests go at once: the fastest these
    // requests could go if nothing waited on anything else.
    const burstSeconds = Math.max(1, Math.ceil(crm.stats.requests / RATE_LIMIT) - 1) * 10;
    const achieved = result.read / seconds;
    say(
      `\nRescore throughput, ledger included, with the sandbox enforcing ${RATE_LIMIT} requests / 10 s (HubSpot Professional)`,
    );
    figure('rescore.throughput_at_190_per_10s', achieved, 'companies/s');
    figure('rescore.rate_limit_bound_at_190_per_10s', bound, 'companies/s');
    figure('rescore.throughput_over_bound', (achieved / bound) * 100, '%');
    figure('rescore.throughput_over_burst_ideal', (burstSeconds / seconds) * 100, '%');
    line('companies read / tasks created', `${result.read} / ${result.tasksCreated}`);
    line('wall time', `${seconds.toFixed(1)} s`);
    line(
      'requests sent (incl. retries) / 429s answered',
      `${stats.requests} / ${stats.rateLimited}`,
    );
    line('achieved throughput', `${achieved.toFixed(1)} companies/s`);
    line(
      `rate-limit bound (${RATE_LIMIT} / 10 s ÷ ${perCompany.toFixed(3)} requests per company)`,
      `${bound.toFixed(1)} companies/s`,
    );
    line('throughput / rate-limit bound', `${((achieved / bound) * 100).toFixed(1)} %`);
    line(
      `against a first window spent at once (${burstSeconds} s for ${crm.stats.requests} requests)`,
      `${((burstSeconds / seconds) * 100).toFixed(1)} % (search's 4 per second and each read waiting on the one before keep the first window from being spent at once)`,
    );
  } finally {
    await sandbox.close();
  }
}

/** Every company's last scoring time and every csops task key, read outside the measured runs. */
async function portalState(url: string) {
  const client = new Client({ accessToken: TOKEN, basePath: url });
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
    for (const t of page.results)
      if (t.properties.csops_action_key) keys.push(t.properties.csops_action_key);
    after = page.paging?.next?.after;
  } while (after);
  return { scoredAt, keys };
}

/** Runs the rescore in a child process; resolves on exit, or kills it -9 once `killAt` companies are checkpointed. */
function childRescore(url: string, asOf: string, file: string, killAt?: number) {
  const child = spawn(
    process.execPath,
    [
      fileURLToPath(new URL('./rescore-child.cjs', import.meta.url)),
      url,
      TOKEN,
      asOf,
      file,
      '1000',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let checkpointed = 0;
  let killed = false;
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const text = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      const m = /^checkpoint \d+ (\d+)$/.exec(text);
      if (m) checkpointed = Number(m[1]);
      if (killAt !== undefined && !killed && checkpointed >= killAt && child.pid !== undefined) {
        killed = true;
        // Killed in the middle of the next batch, not between two.
        const pid = child.pid;
        setTimeout(() => process.kill(pid, 'SIGKILL'), 3 * FAULT_LATENCY_MS);
      }
    }
  });
  // Bounded: a run that hangs is ended too.
  const timer = setTimeout(
    () => child.pid !== undefined && process.kill(child.pid, 'SIGKILL'),
    600_000,
  );
  return new Promise<{ checkpointed: number; killed: boolean; code: number | null }>((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ checkpointed, killed, code });
    }),
  );
}

async function faultRun() {
  const { sandbox } = await seededPortfolio();
  const dir = mkdtempSync(join(tmpdir(), 'csops-bench-'));
  const file = join(dir, 'rescore-checkpoint.json');
  try {
    const asOf = new Date().toISOString();
    // Faults only while the rescore runs; the bench's own reads of the portal go unhindered.
    sandbox.setFaults({ failureRate: 0.1, latencyMs: FAULT_LATENCY_MS });
    // Past the middle of a chunk of 1,000, so the kill lands in a write batch, not in a read.
    const killed = await childRescore(sandbox.url, asOf, file, Math.floor(COMPANIES / 2) + 250);
    sandbox.setFaults({ failureRate: 0, latencyMs: 0 });
    const checkpointed = Number(JSON.parse(readFileSync(file, 'utf8')).totals.read);
    const afterKill = await portalState(sandbox.url);
    const writtenBeforeResume = [...afterKill.scoredAt.values()].filter(
      (at) => at !== null && Date.parse(at) === Date.parse(asOf),
    ).length;
    sandbox.setFaults({ failureRate: 0.1 });
    const resumed = await childRescore(sandbox.url, asOf, file);
    sandbox.setFaults({ failureRate: 0, latencyMs: 0 });
    const stats = sandbox.stats();
    const final = await portalState(sandbox.url);
    const lost = [...final.scoredAt.values()].filter(
      (at) => at === null || Date.parse(at) !== Date.parse(asOf),
    ).length;
    const duplicates = final.keys.length - new Set(final.keys).size;
    // Work past the last checkpoint was done by the killed run and looked at again on resume.
    const redoneCompanies = writtenBeforeResume - checkpointed;
    const batchesRedone = Math.ceil(Math.max(0, redoneCompanies) / 100);
    // A third run must find every step recorded: nothing to create means no step was lost either.
    const check = await rescorePortfolio({
      crm: crmAt(sandbox.url),
      settings: defaultSettings(),
      asOf,
    });
    say(
      `\nFault run: ${COMPANIES} companies, 10% of requests answered 5xx, the run killed -9 midway and resumed`,
    );
    line('checkpoint at the kill', `${checkpointed} companies done (killed -9: ${killed.killed})`);
    line('resumed run exit code', String(resumed.code));
    line('5xx injected (all retried)', stats.injectedFailures);
    line('lost writes (companies not scored at the end)', lost);
    line('duplicate tasks (same csops_action_key twice)', duplicates);
    line('tasks a third run still had to create', check.tasksCreated);
    line(
      'batches redone after the kill',
      `${batchesRedone} (${Math.max(0, redoneCompanies)} companies written past the checkpoint)`,
    );
    figure('rescore.fault.lost_writes', lost, 'companies');
    figure('rescore.fault.duplicate_tasks', duplicates, 'tasks');
    figure('rescore.fault.batches_redone', batchesRedone, 'batches');
    figure('rescore.fault.injected_5xx', stats.injectedFailures, 'requests');
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

say('csops HubSpot app — CRM requests and throughput against the CRM sandbox');
await cardLoads();
await cardRoundTrips();
await rescoreCost();
await rescoreThroughput();
await faultRun();
say(
  `\nReproduce: cd hubspot-app && npm run bench   (BENCH_COMPANIES=${COMPANIES}, seeded portfolio, fault seed fixed)`,
);
