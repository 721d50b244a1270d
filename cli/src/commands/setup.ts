import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { Client } from '@hubspot/api-client';
import { z } from 'zod';
import { formatIssues, issuesFromZod } from '@csops/core';
import type { Command } from '../main.js';
import crmModel from '../../../hubspot-app/src/app/functions/lib/crm-model.json' with { type: 'json' };

// The app functions' own retry (Retry-After on 429, backoff on 5xx), so setup survives a busy portal.
const { withRetry } = createRequire(import.meta.url)(
  '../../../hubspot-app/src/app/functions/lib/retry.js',
) as { withRetry: <T>(request: () => Promise<T>) => Promise<T> };

const usage = `csops setup hubspot — create the csops property groups, properties and settings object

Usage: csops setup hubspot [--base-url URL]

  --base-url URL   HubSpot API base (default https://api.hubapi.com); the CRM sandbox URL for local use

The access token comes from HUBSPOT_ACCESS_TOKEN or PRIVATE_APP_ACCESS_TOKEN (never printed).
Running it again creates only what is missing.`;

type ModelProperty = (typeof crmModel.properties.companies)[number] & { hasUniqueValue?: boolean };

export interface SetupReport {
  created: string[];
  existing: string[];
}

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

function propertyCreate(p: ModelProperty) {
  return {
    name: p.name,
    label: p.label,
    type: p.type,
    fieldType: p.fieldType,
    groupName: p.groupName,
    description: p.description,
    ...('options' in p && p.options ? { options: p.options } : {}),
    ...(p.hasUniqueValue ? { hasUniqueValue: true } : {}),
  };
}

/**
 * Creates whatever of crm-model.json the portal lacks, and nothing else: groups, then properties,
 * then the settings custom object (or its missing properties). Safe to run any number of times.
 */
export async function setupHubSpot(
  client: Client,
  log: (line: string) => void = () => undefined,
): Promise<SetupReport> {
  const report: SetupReport = { created: [], existing: [] };
  const note = (what: string, created: boolean) => {
    (created ? report.created : report.existing).push(what);
    if (created) log(`created ${what}`);
  };

  for (const [objectType, groups] of Object.entries(crmModel.groups)) {
    const have = new Set(
      (await withRetry(() => client.crm.properties.groupsApi.getAll(objectType))).results.map(
        (g) => g.name,
      ),
    );
    for (const g of groups) {
      const exists = have.has(g.name);
      if (!exists) await withRetry(() => client.crm.properties.groupsApi.create(objectType, g));
      note(`group ${objectType}.${g.name}`, !exists);
    }
  }

  for (const [objectType, props] of Object.entries(crmModel.properties) as [
    string,
    ModelProperty[],
  ][]) {
    const have = new Set(
      (await withRetry(() => client.crm.properties.coreApi.getAll(objectType))).results.map(
        (p) => p.name,
      ),
    );
    const missing = props.filter((p) => !have.has(p.name));
    for (const p of props) if (have.has(p.name)) note(`property ${objectType}.${p.name}`, false);
    if (missing.length > 0) {
      await withRetry(() =>
        client.crm.properties.batchApi.create(objectType, {
          inputs: missing.map(propertyCreate) as never,
        }),
      );
      for (const p of missing) note(`property ${objectType}.${p.name}`, true);
    }
  }

  const s = crmModel.settingsObject;
  const schemas = (await withRetry(() => client.crm.schemas.coreApi.getAll())).results;
  const schema = schemas.find((x) => x.name === s.name);
  if (!schema) {
    await withRetry(() =>
      client.crm.schemas.coreApi.create({
        name: s.name,
        labels: s.labels,
        primaryDisplayProperty: s.primaryDisplayProperty,
        requiredProperties: s.requiredProperties,
        searchableProperties: [s.primaryDisplayProperty],
        secondaryDisplayProperties: [],
        associatedObjects: [],
        properties: s.properties as never,
      }),
    );
    note(`custom object ${s.name}`, true);
  } else {
    note(`custom object ${s.name}`, false);
    const have = new Set(schema.properties.map((p) => p.name));
    for (const p of s.properties) {
      const exists = have.has(p.name);
      if (!exists) {
        await withRetry(() =>
          client.crm.properties.coreApi.create(String(schema.objectTypeId), {
            ...p,
            groupName: `${s.name}_information`,
          } as never),
        );
      }
      note(`property ${s.name}.${p.name}`, !exists);
    }
  }
  return report;
}

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
