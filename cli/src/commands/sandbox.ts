import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatIssues, issuesFromZod } from '@csops/core';
import type { Command } from '../main.js';
import {
  DEMO_ACCOUNTS,
  SF_DEMO_ACCOUNTS,
  startSalesforceSandbox,
  startSandbox,
} from '@csops/sandbox';

const usage = `csops sandbox — a local CRM with the csops demo portfolio: HubSpot's API, or Salesforce's

Usage: csops sandbox [--crm hubspot|salesforce] [--port N] [--reset] [--data-dir DIR]
                     [--token TOKEN] [--latency MS] [--failure-rate R] [--empty]
                     [--rate-limit N] [--api-limit N]

  --crm CRM           hubspot (default) or salesforce
  --port N            port on 127.0.0.1 (default 0: any free port)
  --data-dir DIR      where the CRM is kept (default .csops/sandbox, .csops/salesforce-sandbox)
  --reset             throw the kept CRM away and seed a new one
  --empty             seed a CRM without the demo accounts (HubSpot: without csops installed)
  --token TOKEN       accept only this bearer token (HubSpot default: any;      env CSOPS_SANDBOX_TOKEN
                      Salesforce: the printed access token)
  --latency MS        add MS milliseconds to every answer                     env CSOPS_SANDBOX_LATENCY_MS
  --failure-rate R    answer a share R (0..1) of requests with a 502/503/504  env CSOPS_SANDBOX_FAILURE_RATE
  --rate-limit N      HubSpot: allow N requests per rolling 10 s, then 429    env CSOPS_SANDBOX_RATE_LIMIT
  --api-limit N       Salesforce: allow N API requests per rolling 24 h, then 403 REQUEST_LIMIT_EXCEEDED
                      (default 100000)                                        env CSOPS_SANDBOX_API_LIMIT

HubSpot: use the printed URL as basePath for @hubspot/api-client.
Salesforce: use the printed instance URL, access token and version in jsforce's Connection.`;

const number = (name: string) =>
  z
    .string()
    .trim()
    .min(1, `${name} needs a value`)
    .transform(Number)
    .pipe(z.number({ message: `${name} must be a number` }));

const flagsSchema = z
  .object({
    crm: z
      .enum(['hubspot', 'salesforce'], { error: () => '--crm must be hubspot or salesforce' })
      .default('hubspot'),
    port: number('--port').pipe(z.number().int().min(0).max(65_535)).optional(),
    'data-dir': z.string().min(1).optional(),
    reset: z.boolean().optional(),
    empty: z.boolean().optional(),
    token: z.string().min(1).optional(),
    latency: number('--latency').pipe(z.number().min(0).max(60_000)).optional(),
    'failure-rate': number('--failure-rate').pipe(z.number().min(0).max(1)).optional(),
    'rate-limit': number('--rate-limit').pipe(z.number().int().min(0)).optional(),
    'api-limit': number('--api-limit').pipe(z.number().int().min(1)).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.crm === 'salesforce' && f['rate-limit'] !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['rate-limit'],
        message:
          "--rate-limit is HubSpot's 10-second budget; a Salesforce org takes --api-limit (requests per 24 h)",
      });
    if (f.crm === 'hubspot' && f['api-limit'] !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['api-limit'],
        message:
          "--api-limit is a Salesforce org's daily allocation; the HubSpot sandbox takes --rate-limit",
      });
  });

export const command: Command = {
  name: 'sandbox',
  summary: 'Run the local CRM sandbox (HubSpot API subset, demo portfolio)',
  usage,
  async run(argv) {
    let values: Record<string, string | boolean | undefined>;
    try {
      values = parseArgs({
        args: argv,
        strict: true,
        options: {
          port: { type: 'string' },
          'data-dir': { type: 'string' },
          reset: { type: 'boolean' },
          empty: { type: 'boolean' },
          token: { type: 'string' },
          latency: { type: 'string' },
          'failure-rate': { type: 'string' },
          'rate-limit': { type: 'string' },
          'api-limit': { type: 'string' },
          crm: { type: 'string' },
        },
      }).values;
    } catch (err) {
      process.stderr.write(`csops sandbox: ${(err as Error).message}\n\n${usage}\n`);
      return 2;
    }
    const env = process.env;
    const parsed = flagsSchema.safeParse({
      ...values,
      token: values.token ?? env.CSOPS_SANDBOX_TOKEN,
      latency: values.latency ?? env.CSOPS_SANDBOX_LATENCY_MS,
      'failure-rate': values['failure-rate'] ?? env.CSOPS_SANDBOX_FAILURE_RATE,
      // The environment's budget is for whichever CRM it suits; a flag given outright is checked.
      'rate-limit':
        values['rate-limit'] ??
        (values.crm === 'salesforce' ? undefined : env.CSOPS_SANDBOX_RATE_LIMIT),
      'api-limit':
        values['api-limit'] ??
        (values.crm === 'salesforce' ? env.CSOPS_SANDBOX_API_LIMIT : undefined),
    });
    if (!parsed.success) {
      process.stderr.write(
        `csops sandbox: invalid flags\n${formatIssues(issuesFromZod(parsed.error))}\n`,
      );
      return 2;
    }
    const f = parsed.data;
    if (f.crm === 'salesforce') return runSalesforce(f);
    const dataDir = resolve(f['data-dir'] ?? '.csops/sandbox');
    let sandbox: Awaited<ReturnType<typeof startSandbox>>;
    try {
      sandbox = await startSandbox({
        port: f.port ?? 0,
        dataDir,
        reset: f.reset ?? false,
        seed: f.empty ? 'empty' : 'demo',
        token: f.token,
        latencyMs: f.latency ?? 0,
        failureRate: f['failure-rate'] ?? 0,
        requestsPer10s: f['rate-limit'],
      });
    } catch (err) {
      process.stderr.write(`csops sandbox: ${(err as Error).message}\n`);
      return 1;
    }
    const banner = [
      `csops sandbox listening on ${sandbox.url}`,
      `  portal ${sandbox.portalId}, seeded ${sandbox.seededAt}, kept in ${dataDir}`,
      ...sandbox.notices.map((notice) => `  note: ${notice}`),
      ...(f.empty
        ? []
        : Object.entries(DEMO_ACCOUNTS).map(
            ([key, a]) => `  ${key.padEnd(18)} ${a.name} (company ${a.id})`,
          )),
    ];
    process.stdout.write(`${banner.join('\n')}\n`);
    await untilStopped(() => sandbox.close());
    process.stdout.write('csops sandbox stopped; portal saved\n');
    return 0;
  },
};

async function runSalesforce(f: z.output<typeof flagsSchema>): Promise<number> {
  const dataDir = resolve(f['data-dir'] ?? '.csops/salesforce-sandbox');
  let sandbox: Awaited<ReturnType<typeof startSalesforceSandbox>>;
  try {
    sandbox = await startSalesforceSandbox({
      port: f.port ?? 0,
      dataDir,
      reset: f.reset ?? false,
      seed: f.empty ? 'empty' : 'demo',
      accessToken: f.token,
      latencyMs: f.latency ?? 0,
      failureRate: f['failure-rate'] ?? 0,
      dailyApiRequests: f['api-limit'],
    });
  } catch (err) {
    process.stderr.write(`csops sandbox: ${(err as Error).message}\n`);
    return 1;
  }
  const banner = [
    `csops Salesforce sandbox listening on ${sandbox.url}`,
    `  org ${sandbox.orgId}, API v${sandbox.version}, seeded ${sandbox.seededAt}, kept in ${dataDir}`,
    `  access token: ${sandbox.accessToken}`,
    ...sandbox.notices.map((notice) => `  note: ${notice}`),
    ...(f.empty
      ? []
      : Object.entries(SF_DEMO_ACCOUNTS).map(
          ([key, a]) => `  ${key.padEnd(18)} ${a.name} (Account ${a.id})`,
        )),
  ];
  process.stdout.write(`${banner.join('\n')}\n`);
  await untilStopped(() => sandbox.close());
  process.stdout.write('csops sandbox stopped; org saved\n');
  return 0;
}

function untilStopped(close: () => Promise<void>): Promise<void> {
  return new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
