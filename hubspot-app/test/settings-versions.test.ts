import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '@csops/core';
import { DEMO_ACCOUNTS, DEMO_CSMS, DEMO_SETTINGS_ADMIN } from '@csops/sandbox';
import { expectOk, openPortal, type Portal } from './harness.js';

let portal: Portal;
beforeAll(async () => {
  portal = await openPortal({ seed: 'demo' });
});
afterAll(() => portal.close());

const admin = { user: { id: DEMO_SETTINGS_ADMIN.userId, email: DEMO_SETTINGS_ADMIN.email } };

function withGreen(green: number): Settings {
  const s = defaultSettings();
  s.bands.green = green;
  return s;
}

describe('settings versions', () => {
  it('are unique and ordered under 20 saves at once, each restoring its own settings', async () => {
    const greens = Array.from({ length: 20 }, (_, i) => 50 + i);
    const answers = await Promise.all(
      greens.map((g) =>
        portal.run('settings_save', { ...admin, parameters: { settings: withGreen(g) } }),
      ),
    );
    const versions = answers.map((a) => expectOk(a).saved.version as number);
    expect(new Set(versions).size).toBe(20);
    expect([...versions].sort((a, b) => a - b)).toEqual(greens.map((_, i) => i + 1));

    const history = expectOk(await portal.run('settings_history', {})).history;
    expect(history.map((h: { version: number }) => h.version)).toEqual(
      greens.map((_, i) => 20 - i),
    );
    // Settings none of them holds, so every restore below changes something.
    expectOk(
      await portal.run('settings_save', { ...admin, parameters: { settings: withGreen(90) } }),
    );
    for (const [i, version] of versions.entries()) {
      expectOk(await portal.run('settings_restore', { ...admin, parameters: { version } }));
      const got = expectOk(await portal.run('settings_get', admin));
      expect(got.settings.bands.green).toBe(greens[i]);
    }
  });

  it('make one version of equal settings saved at the same moment', async () => {
    const before = expectOk(await portal.run('settings_history', {})).history.length;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        portal.run('settings_save', { ...admin, parameters: { settings: withGreen(88) } }),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    for (const a of answers.filter((x) => !x.ok))
      expect(a).toMatchObject({ error: { code: 'unchanged' } });
    expect(expectOk(await portal.run('settings_history', {})).history.length).toBe(before + 1);
  });

  it('store settings with 400 CSMs, beyond one HubSpot property, and read them back whole', async () => {
    const s = defaultSettings();
    s.csms = Array.from({ length: 400 }, (_, i) => ({
      id: String(9_000_000 + i),
      name: `Customer Success Manager number ${i + 1} of the Northern European enterprise team`,
      email: `csm.${i + 1}.northern-europe@csops-demo.example`,
      segments: ['enterprise', 'mid_market', 'smb'],
      maxArr: 2_500_000 + i,
      maxAccounts: 40 + (i % 20),
    }));
    expect(JSON.stringify(s).length).toBeGreaterThan(65_536);
    const saved = expectOk(
      await portal.run('settings_save', { ...admin, parameters: { settings: s } }),
    );
    const got = expectOk(await portal.run('settings_get', admin));
    expect(got.version).toBe(saved.saved.version);
    expect(got.settings).toEqual(s);
    // Every function scores with them.
    const health = expectOk(
      await portal.run('account_health', {
        parameters: { companyId: DEMO_ACCOUNTS.healthyEnterprise.id },
      }),
    );
    expect(health.settingsVersion).toBe(saved.saved.version);
  });

  it('refuse settings too large to store, before writing anything', async () => {
    const before = expectOk(await portal.run('settings_history', {})).history.length;
    const s = defaultSettings();
    s.csms = Array.from({ length: 12_000 }, (_, i) => ({
      id: String(7_000_000 + i),
      name: `CSM ${i + 1} with a long name for the size of the stored settings`,
      segments: ['enterprise', 'mid_market', 'smb'],
      maxArr: 1_000_000,
      maxAccounts: 40,
    }));
    const refused = await portal.run('settings_save', { ...admin, parameters: { settings: s } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'too_large' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/too large to store in HubSpot/);
    expect(expectOk(await portal.run('settings_history', {})).history.length).toBe(before);
  });

  it('list the portal’s owners to pick CSMs from', async () => {
    const got = expectOk(await portal.run('settings_get', admin));
    const ids = got.owners.map((o: { id: string }) => o.id);
    for (const csm of DEMO_CSMS) expect(ids).toContain(csm.ownerId);
    const one = got.owners.find((o: { id: string }) => o.id === DEMO_CSMS[0]?.ownerId);
    expect(one.email).toBe(DEMO_CSMS[0]?.email);
  });
});
