// The Companies list marks the companies scored under older settings than the ones in force.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '@csops/core';
import { startSandbox, type RunningSandbox } from '@csops/sandbox';
import { crmClient, readPortfolioView, readSettingsVersion } from './crm.js';

let sandbox: RunningSandbox;
const TOKEN = 'preview-stale-test';
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, token: TOKEN, seed: 'demo' });
});
afterAll(() => sandbox.close());

const client = () => crmClient({ baseUrl: sandbox.url, accessToken: TOKEN });

async function saveSettingsVersion(version: number) {
  const schemas = await client().crm.schemas.coreApi.getAll();
  const type = String(schemas.results.find((s) => s.name === 'csops_settings')?.objectTypeId);
  await client().crm.objects.basicApi.create(type, {
    properties: {
      csops_version_label: String(version),
      csops_settings_json: JSON.stringify(defaultSettings()),
      csops_changed_by: 'admin@example.com',
      csops_changed_at: new Date().toISOString(),
    },
    associations: [],
  });
}

describe('stale bands on the Companies list', () => {
  it('marks scored companies whose result was written under other settings', async () => {
    const before = await readSettingsVersion(client());
    const view = await readPortfolioView(client());
    const [first, second, unscored] = view.companies.filter((c) => c.band === null);
    const next = (before ?? 0) + 1;
    await saveSettingsVersion(next);
    const scored = { csops_health_score: '71.5', csops_health_band: 'green' };
    await client().crm.companies.basicApi.update(first!.id, {
      properties: { ...scored, csops_health_settings_version: String(next) },
    });
    await client().crm.companies.basicApi.update(second!.id, {
      properties: { ...scored, csops_health_settings_version: String(next - 1) },
    });
    await client().crm.companies.basicApi.update(unscored!.id, {
      properties: { csops_health_settings_version: String(next - 1) },
    });

    const after = await readPortfolioView(client());
    expect(after.settingsVersion).toBe(next);
    const row = (id: string) => after.companies.find((c) => c.id === id)!;
    expect(row(first!.id).stale).toBe(false);
    expect(row(second!.id).stale).toBe(true);
    // An unscored company has no band to be out of date.
    expect(row(unscored!.id).stale).toBe(false);
  });
});
