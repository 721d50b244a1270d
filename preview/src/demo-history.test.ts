import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@hubspot/api-client';
import { DEMO_ACCOUNTS } from '@csops/sandbox';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_HISTORY_DAYS } from './demo-history.js';
import { launchPreview } from './launch.js';

const dataDir = mkdtempSync(join(tmpdir(), 'csops-demo-history-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const PROPERTIES = [
  'csops_health_score',
  'csops_health_trend',
  'csops_health_previous_at',
  'csops_health_updated_at',
];

async function healthOf(companyId: string, reset: boolean) {
  const running = await launchPreview({ port: 0, sandboxPort: 0, dataDir, reset });
  try {
    const client = new Client({ accessToken: running.accessToken, basePath: running.sandbox.url });
    const company = await client.crm.companies.basicApi.getById(companyId, PROPERTIES);
    return { properties: company.properties, seededAt: running.sandbox.seededAt };
  } finally {
    await running.close();
  }
}

describe('the demo on its first start', () => {
  it('is scored already, with a trend against a score from two weeks before the seed', async () => {
    const { properties, seededAt } = await healthOf(DEMO_ACCOUNTS.silentChurner.id, true);
    expect(Number(properties.csops_health_score)).toBeGreaterThan(0);
    expect(properties.csops_health_trend).not.toBe('');
    expect(properties.csops_health_trend).not.toBeNull();
    const daysBefore =
      (Date.parse(seededAt) - Date.parse(properties.csops_health_previous_at ?? '')) / 86_400_000;
    expect(Math.round(daysBefore)).toBe(DEMO_HISTORY_DAYS);
  });

  it('is not rescored when a kept portal starts again', async () => {
    const first = await healthOf(DEMO_ACCOUNTS.healthyEnterprise.id, false);
    const again = await healthOf(DEMO_ACCOUNTS.healthyEnterprise.id, false);
    expect(again.properties.csops_health_updated_at).toBe(first.properties.csops_health_updated_at);
  });
});
