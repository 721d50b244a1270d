// After a settings change: the save says how many accounts change band, and every result written
// afterwards records the settings version it was scored under, so a list can tell stale bands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, isScoreStale } from '@csops/core';
import { DEMO_ACCOUNTS, DEMO_SETTINGS_ADMIN } from '@csops/sandbox';
import { expectOk, openPortal, type Portal } from './harness.js';

const admin = { user: { id: DEMO_SETTINGS_ADMIN.userId, email: DEMO_SETTINGS_ADMIN.email } };

let portal: Portal;
beforeAll(async () => {
  portal = await openPortal({ seed: 'demo' });
});
afterAll(() => portal.close());

async function storedVersions() {
  const out = new Map<string, string | null>();
  let after: string | undefined;
  do {
    const page = await portal.client.crm.companies.basicApi.getPage(100, after, [
      'csops_health_band',
      'csops_health_settings_version',
    ]);
    for (const c of page.results) {
      if (c.properties.csops_health_band)
        out.set(c.id, c.properties.csops_health_settings_version ?? null);
    }
    after = page.paging?.next?.after;
  } while (after);
  return out;
}

describe('stale bands after a settings change', () => {
  it('saves, counts the accounts that change band, and rescoring writes the new version', async () => {
    const { companyId } = { companyId: DEMO_ACCOUNTS.healthyEnterprise.id };
    const first = expectOk(await portal.run('account_health', { parameters: { companyId } }));
    const before = await portal.client.crm.companies.basicApi.getById(companyId, [
      'csops_health_settings_version',
    ]);
    expect(
      isScoreStale(before.properties.csops_health_settings_version, first.settingsVersion),
    ).toBe(false);

    const strict = defaultSettings();
    strict.bands = { green: 95, yellow: 80 };
    const saved = expectOk(
      await portal.run('settings_save', { ...admin, parameters: { settings: strict } }),
    );
    expect(saved.bandChanges.changed).toBeGreaterThan(0);
    expect(saved.bandChanges.complete).toBe(true);
    const version = saved.saved.version;

    // Until rescored, the companies hold results of other settings.
    const stale = [...(await storedVersions()).values()].filter((v) => isScoreStale(v, version));
    expect(stale.length).toBeGreaterThan(0);

    let afterId: string | undefined;
    for (let run = 0; run < 20; run++) {
      const r = expectOk(
        await portal.run('portfolio_rescore', { parameters: afterId ? { afterId } : {} }),
      );
      if (r.done) break;
      afterId = r.lastId;
    }
    const now = [...(await storedVersions()).values()];
    expect(now.length).toBeGreaterThan(0);
    expect(now.filter((v) => isScoreStale(v, version))).toEqual([]);
  }, 120_000);
});
