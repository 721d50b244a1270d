import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';
import { startSandbox, type RunningSandbox } from '@csops/sandbox';
import { crmModel } from './crm-model.js';
import { setupHubSpot } from './setup.js';

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

describe('installing the csops data model in a portal', () => {
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
});
