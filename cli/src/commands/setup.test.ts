import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';
import crmModel from '../../../hubspot-app/src/app/functions/lib/crm-model.json' with { type: 'json' };
import { startSandbox, type RunningSandbox } from '../sandbox/index.js';
import { command, setupHubSpot } from './setup.js';

let sandbox: RunningSandbox;
let client: Client;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'empty', token: 'setup-token' });
  client = new Client({ accessToken: 'setup-token', basePath: sandbox.url });
});
afterAll(() => sandbox.close());

const modelCount =
  Object.values(crmModel.groups).flat().length +
  Object.values(crmModel.properties).flat().length +
  1;

describe('csops setup hubspot', () => {
  it('creates every group, property and the settings object in a fresh portal, then nothing on a second run', async () => {
    const first = await setupHubSpot(client);
    expect(first.created).toHaveLength(modelCount);
    expect(first.created).toContain('property deals.csops_expansion_key');
    expect(first.created).toContain('custom object csops_settings');

    const expansionKey = await client.crm.properties.coreApi.getByName(
      'deals',
      'csops_expansion_key',
    );
    expect(expansionKey.hasUniqueValue).toBe(true);
    const schema = (await client.crm.schemas.coreApi.getAll()).results.find(
      (s) => s.name === 'csops_settings',
    );
    expect(schema?.properties.map((p) => p.name)).toEqual(
      expect.arrayContaining(crmModel.settingsObject.properties.map((p) => p.name)),
    );

    const second = await setupHubSpot(client);
    expect(second.created).toEqual([]);
    expect(second.existing.length).toBeGreaterThanOrEqual(modelCount);
  });

  it('runs as a command against the sandbox without printing the token', async () => {
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const errWrite = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((chunk: string) => (
      out.push(String(chunk)),
      true
    )) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => (
      out.push(String(chunk)),
      true
    )) as typeof process.stderr.write;
    process.env.HUBSPOT_ACCESS_TOKEN = 'setup-token';
    try {
      expect(await command.run(['hubspot', '--base-url', sandbox.url])).toBe(0);
      expect(await command.run(['salesforce'])).toBe(2);
    } finally {
      process.stdout.write = write;
      process.stderr.write = errWrite;
      delete process.env.HUBSPOT_ACCESS_TOKEN;
    }
    const printed = out.join('');
    expect(printed).toContain('0 created');
    expect(printed).toContain('the only target is "hubspot"');
    expect(printed).not.toContain('setup-token');
  });

  it('refuses to run without a token', async () => {
    const saved = { a: process.env.HUBSPOT_ACCESS_TOKEN, b: process.env.PRIVATE_APP_ACCESS_TOKEN };
    delete process.env.HUBSPOT_ACCESS_TOKEN;
    delete process.env.PRIVATE_APP_ACCESS_TOKEN;
    const err: string[] = [];
    const errWrite = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (
      err.push(String(chunk)),
      true
    )) as typeof process.stderr.write;
    try {
      expect(await command.run(['hubspot', '--base-url', sandbox.url])).toBe(2);
    } finally {
      process.stderr.write = errWrite;
      if (saved.a) process.env.HUBSPOT_ACCESS_TOKEN = saved.a;
      if (saved.b) process.env.PRIVATE_APP_ACCESS_TOKEN = saved.b;
    }
    expect(err.join('')).toContain('HUBSPOT_ACCESS_TOKEN');
  });
});
