import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatIssues, issuesFromZod } from '@csops/core';
import type { Command } from '../main.js';
import { DEMO_ACCOUNTS, startSandbox } from '@csops/sandbox';

const usage = `csops sandbox — a local HubSpot-API-compatible CRM with a demo portfolio

Usage: csops sandbox [--port N] [--reset] [--data-dir DIR] [--token TOKEN]
                     [--latency MS] [--failure-rate R] [--rate-limit N] [--empty]

  --port N            port on 127.0.0.1 (default 0: any free port)
  --data-dir DIR      where the portal is kept (default .csops/sandbox)
  --reset             throw the kept portal away and seed a new one
  --empty             seed a portal without csops installed and without accounts
  --token TOKEN       accept only this bearer token (default: any token)       env CSOPS_SANDBOX_TOKEN
  --latency MS        add MS milliseconds to every answer                     env CSOPS_SANDBOX_LATENCY_MS
  --failure-rate R    answer a share R (0..1) of requests with a 502/503/504  env CSOPS_SANDBOX_FAILURE_RATE
  --rate-limit N      allow N requests per rolling 10 s, then 429             env CSOPS_SANDBOX_RATE_LIMIT

Use the printed URL as basePath for @hubspot/api-client.`;

const number = (name: string) =>
  z
    .string()
    .trim()
    .min(1, `${name} needs a value`)
    .transform(Number)
    .pipe(z.number({ message: `${name} must be a number` }));

const flagsSchema = z.object({
  port: number('--port').pipe(z.number().int().min(0).max(65_535)).optional(),
  'data-dir': z.string().min(1).optional(),
  reset: z.boolean().optional(),
  empty: z.boolean().optional(),
  token: z.string().min(1).optional(),
  latency: number('--latency').pipe(z.number().min(0).max(60_000)).optional(),
  'failure-rate': number('--failure-rate').pipe(z.number().min(0).max(1)).optional(),
  'rate-limit': number('--rate-limit').pipe(z.number().int().min(0)).optional(),
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
      'rate-limit': values['rate-limit'] ?? env.CSOPS_SANDBOX_RATE_LIMIT,
    });
    if (!parsed.success) {
      process.stderr.write(
        `csops sandbox: invalid flags\n${formatIssues(issuesFromZod(parsed.error))}\n`,
      );
      return 2;
    }
    const f = parsed.data;
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
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void sandbox.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    process.stdout.write('csops sandbox stopped; portal saved\n');
    return 0;
  },
};
