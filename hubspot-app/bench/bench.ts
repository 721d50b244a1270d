// Prints what the HubSpot face costs in CRM requests, against the CRM sandbox on 127.0.0.1:
//   1. requests per card load (health and handoff cards), against the minimum the batch sizes allow;
//   2. round trips per card load, with the sandbox answering every request after 100 ms;
//   3. requests per 10,000 companies rescored, against the same minimum;
//   4. rescore throughput under HubSpot's Professional rate limit (190 requests per 10 s).
import { createRequire } from 'node:module';
import { Client } from '@hubspot/api-client';
import { defaultSettings } from '@csops/core';
import { DEMO_ACCOUNTS, startSandbox, type RunningSandbox } from '@csops/sandbox';
import { setupHubSpot } from '@csops/hubspot-model';

const require = createRequire(import.meta.url);
const { createCrm } = require('../src/app/functions/lib/crm.js');
const { createCrmLimiter } = require('../src/app/functions/lib/rate-limit.js');
const { createHubSpotClient } = require('../src/app/functions/lib/hubspot-client.js');
const { rescorePortfolio } = require('../src/app/functions/lib/portfolio.js');

const TOKEN = 'bench-token';
const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 10_000);
const RATE_LIMIT = 190;
const TYPES = ['deals', 'tickets', 'contacts', 'meetings'] as const;
/** HubSpot's API answers in roughly this time; the sandbox holds every answer back by it. */
const LATENCY_MS = 100;

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
      const counts = await associatedCounts(sandbox.url, [account.id]);
      // settings search + company read + one association read per type + batch reads of 100 + the write
      const minimum =
        1 + 1 + TYPES.length + TYPES.reduce((n, t) => n + Math.ceil((counts[t] ?? 0) / 100), 0) + 1;
      const cold = first;
      const result = await run('account_health', sandbox.url, {
        parameters: { companyId: account.id },
      });
      first = false;
      const warm = await run('account_health', sandbox.url, {
        parameters: { companyId: account.id },
      });
      const assoc = TYPES.map((t) => `${counts[t]} ${t}`).join(', ');
      figure(`card_load.health.${key}.requests`, warm.data.requests, 'requests');
      figure(`card_load.health.${key}.minimum`, minimum, 'requests');
      line(
        `health card · ${key} (${assoc})`,
        `${result.data.requests}${cold ? ' cold' : ''} / ${warm.data.requests} warm, minimum ${minimum}`,
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
  const sandbox = await startSandbox({ port: 0, seed: 'empty', token: TOKEN });
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

async function rescoreCost() {
  const { sandbox, ids } = await seededPortfolio();
  try {
    const counts = await associatedCounts(sandbox.url, ids);
    const crm = crmAt(sandbox.url);
    const started = Date.now();
    const result = await rescorePortfolio({
      crm,
      settings: defaultSettings(),
      asOf: new Date().toISOString(),
    });
    const seconds = (Date.now() - started) / 1000;
    const reads = TYPES.reduce((n, t) => n + Math.ceil((counts[t] ?? 0) / 100), 0);
    const minimum =
      Math.ceil(COMPANIES / 200) +
      TYPES.length * Math.ceil(COMPANIES / 1000) +
      reads +
      Math.ceil(COMPANIES / 100);
    say(
      `\nRescore of ${result.written} companies (${TYPES.map((t) => `${counts[t]} ${t}`).join(', ')}), no rate limit`,
    );
    for (const [kind, n] of Object.entries(crm.stats.byKind as Record<string, number>).sort())
      line(kind, n);
    line('requests in all', crm.stats.requests);
    line(
      'minimum the batch sizes allow',
      `${minimum} (search 200/page, associations 1,000/call, reads and writes 100/call)`,
    );
    line('per 10,000 companies', Math.round((crm.stats.requests / result.written) * 10_000));
    figure(
      'rescore.requests_per_10k_companies',
      (crm.stats.requests / result.written) * 10_000,
      'requests',
    );
    figure('rescore.minimum_per_10k_companies', (minimum / result.written) * 10_000, 'requests');
    line('wall time unthrottled', `${seconds.toFixed(1)} s`);
    return crm.stats.requests / result.written;
  } finally {
    await sandbox.close();
  }
}

async function rescoreThroughput(requestsPerCompany: number) {
  const { sandbox } = await seededPortfolio(RATE_LIMIT);
  try {
    const crm = crmAt(sandbox.url, createCrmLimiter({ requestsPer10s: RATE_LIMIT }));
    const started = Date.now();
    const result = await rescorePortfolio({
      crm,
      settings: defaultSettings(),
      asOf: new Date().toISOString(),
    });
    const seconds = (Date.now() - started) / 1000;
    const stats = sandbox.stats();
    const steady = RATE_LIMIT / 10 / requestsPerCompany;
    // A rolling 10 s window admits at most RATE_LIMIT requests in each of the run's windows.
    const admitted = RATE_LIMIT * Math.ceil(seconds / 10);
    say(
      `\nRescore throughput with the sandbox enforcing ${RATE_LIMIT} requests / 10 s (HubSpot Professional)`,
    );
    figure('rescore.throughput_at_190_per_10s', result.written / seconds, 'companies/s');
    figure('rescore.steady_state_bound_at_190_per_10s', steady, 'companies/s');
    figure('rescore.rate_limit_use', (stats.requests / admitted) * 100, '%');
    line('companies written', result.written);
    line('wall time', `${seconds.toFixed(1)} s`);
    line(
      'requests sent (incl. retries) / 429s answered',
      `${stats.requests} / ${stats.rateLimited}`,
    );
    line('achieved throughput', `${(result.written / seconds).toFixed(1)} companies/s`);
    line('steady-state bound at 190 req/10 s, this mix', `${steady.toFixed(1)} companies/s`);
    line(
      `most the limit admits in ${Math.ceil(seconds / 10)} windows of 10 s`,
      `${admitted} requests; used ${stats.requests} (${((stats.requests / admitted) * 100).toFixed(0)}%)`,
    );
  } finally {
    await sandbox.close();
  }
}

say('csops HubSpot app — CRM requests and throughput against the CRM sandbox');
await cardLoads();
await cardRoundTrips();
const perCompany = await rescoreCost();
await rescoreThroughput(perCompany);
