import { parseArgs } from 'node:util';
import { Client } from '@hubspot/api-client';
import { z } from 'zod';
import { formatIssues, issuesFromZod } from '@csops/core';
import { setupHubSpot } from '@csops/hubspot-model';
import type { Command } from '../main.js';

const usage = `csops setup hubspot — create the csops property groups, properties and settings object

Usage: csops setup hubspot [--base-url URL]

  --base-url URL   HubSpot API base (default https://api.hubapi.com); the CRM sandbox URL for local use

The access token comes from HUBSPOT_ACCESS_TOKEN or PRIVATE_APP_ACCESS_TOKEN (never printed).
Running it again creates only what is missing.`;

const flagsSchema = z.object({
  target: z.literal('hubspot', { message: 'the only target is "hubspot": csops setup hubspot' }),
  'base-url': z
    .url({ message: '--base-url must be a URL such as http://127.0.0.1:4010' })
    .optional(),
});

const tokenSchema = z
  .string({
    message: 'set HUBSPOT_ACCESS_TOKEN (or PRIVATE_APP_ACCESS_TOKEN) to the app’s access token',
  })
  .trim()
  .min(1, 'set HUBSPOT_ACCESS_TOKEN (or PRIVATE_APP_ACCESS_TOKEN) to the app’s access token');

export const command: Command = {
  name: 'setup',
  summary: 'Create the csops properties and settings object in HubSpot (idempotent)',
  usage,
  async run(argv) {
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: argv,
        strict: true,
        allowPositionals: true,
        options: { 'base-url': { type: 'string' } },
      });
    } catch (error) {
      process.stderr.write(`csops setup: ${(error as Error).message}\n\n${usage}\n`);
      return 2;
    }
    const flags = flagsSchema.safeParse({ target: parsed.positionals[0], ...parsed.values });
    if (!flags.success) {
      process.stderr.write(
        `csops setup: ${formatIssues(issuesFromZod(flags.error))}\n\n${usage}\n`,
      );
      return 2;
    }
    const token = tokenSchema.safeParse(
      process.env.HUBSPOT_ACCESS_TOKEN || process.env.PRIVATE_APP_ACCESS_TOKEN,
    );
    if (!token.success) {
      process.stderr.write(`csops setup: ${token.error.issues[0]?.message}\n`);
      return 2;
    }
    const basePath = (flags.data['base-url'] ?? 'https://api.hubapi.com').replace(/\/+$/, '');
    const client = new Client({ accessToken: token.data, basePath, numberOfApiCallRetries: 0 });
    try {
      const report = await setupHubSpot(client, (line) => process.stdout.write(`${line}\n`));
      process.stdout.write(
        `csops is set up in HubSpot (${basePath}): ${report.created.length} created, ${report.existing.length} already there.\n`,
      );
      return 0;
    } catch (error) {
      const e = error as { code?: number; message?: string };
      const hint =
        e.code === 401
          ? ' — the access token was refused'
          : e.code === 403
            ? ' — the token lacks a schema scope'
            : '';
      process.stderr.write(
        `csops setup failed${hint}: ${e.code ? `HTTP ${e.code}` : (e.message ?? String(error))}\n`,
      );
      return 1;
    }
  },
};
