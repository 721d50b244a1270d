import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '@csops/core';
import { DEMO_ACCOUNTS, DEMO_NON_ADMIN, DEMO_SETTINGS_ADMIN } from '@csops/sandbox';
import { expectOk, openPortal, type Portal } from './harness.js';

let portal: Portal;
beforeAll(async () => {
  portal = await openPortal({ seed: 'demo' });
});
afterAll(() => portal.close());

const admin = { user: { id: DEMO_SETTINGS_ADMIN.userId, email: DEMO_SETTINGS_ADMIN.email } };
const nonAdmin = { user: { id: DEMO_NON_ADMIN.userId, email: DEMO_NON_ADMIN.email } };

function strictBands() {
  const s = defaultSettings();
  s.bands = { green: 90, yellow: 80 };
  return s;
}

describe('settings functions', () => {
  it('give the defaults before anything is saved, and say who may edit', async () => {
    const asAdmin = expectOk(await portal.run('settings_get', admin));
    expect(asAdmin).toMatchObject({ version: null, isDefault: true, history: [], canEdit: true });
    expect(asAdmin.settings).toEqual(defaultSettings());
    const asOther = expectOk(await portal.run('settings_get', nonAdmin));
    expect(asOther.canEdit).toBe(false);
    expect(asOther.cannotEditBecause).toContain('super admins');
    const anonymous = expectOk(await portal.run('settings_get', {}));
    expect(anonymous.canEdit).toBe(false);
  });

  it('refuse a save by someone who is not a super admin, and keep nothing', async () => {
    const result = await portal.run('settings_save', {
      ...nonAdmin,
      parameters: { settings: strictBands() },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(expectOk(await portal.run('settings_history', {})).history).toEqual([]);
  });

  it('refuse invalid settings with a message on the field, and keep nothing', async () => {
    const bad = defaultSettings();
    bad.bands = { green: 40, yellow: 60 };
    const result = await portal.run('settings_save', { ...admin, parameters: { settings: bad } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues).toContainEqual({
      path: 'settings.bands.green',
      message: 'Green from score must be above Yellow from score',
    });
    expect(result.error.message).toBe(
      'Not saved: Green from score must be above Yellow from score.',
    );
    expect(expectOk(await portal.run('settings_history', {})).history).toEqual([]);
  });

  it('preview how many accounts would change band before saving', async () => {
    const preview = expectOk(
      await portal.run('settings_preview', {
        ...admin,
        parameters: { settings: strictBands(), maxAccounts: 300 },
      }),
    );
    expect(preview.scanned).toBeGreaterThan(0);
    expect(preview.changed).toBeGreaterThan(0);
    const moved = Object.values(preview.moves as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(moved).toBe(preview.changed);
    // Stricter bands only ever move accounts down.
    for (const move of Object.keys(preview.moves))
      expect(['green→yellow', 'green→red', 'yellow→red']).toContain(move);
    const same = expectOk(
      await portal.run('settings_preview', {
        ...admin,
        parameters: { settings: defaultSettings(), maxAccounts: 100 },
      }),
    );
    expect(same.changed).toBe(0);
    const refused = await portal.run('settings_preview', {
      ...nonAdmin,
      parameters: { settings: strictBands() },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('save versions append-only with who and when, which every function then reads', async () => {
    const first = expectOk(
      await portal.run('settings_save', {
        ...admin,
        parameters: { settings: strictBands(), note: 'Stricter bands' },
      }),
    );
    expect(first.saved).toMatchObject({
      version: 1,
      changedBy: DEMO_SETTINGS_ADMIN.email,
      note: 'Stricter bands',
    });
    const relaxed = defaultSettings();
    relaxed.bands = { green: 50, yellow: 20 };
    expectOk(await portal.run('settings_save', { ...admin, parameters: { settings: relaxed } }));

    const got = expectOk(await portal.run('settings_get', admin));
    expect(got.version).toBe(2);
    expect(got.settings.bands).toEqual({ green: 50, yellow: 20 });
    expect(got.history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    expect(Date.parse(got.history[0].changedAt)).not.toBeNaN();

    // The health function scores with the saved bands.
    const health = expectOk(
      await portal.run('account_health', {
        parameters: { companyId: DEMO_ACCOUNTS.healthyEnterprise.id },
      }),
    );
    const score = health.evaluation.health.score;
    expect(health.settingsVersion).toBe(2);
    expect(health.evaluation.health.band).toBe(
      score >= 50 ? 'green' : score >= 20 ? 'yellow' : 'red',
    );
  });

  it('restore an earlier version as a new version, keeping the history whole', async () => {
    const refused = await portal.run('settings_restore', {
      ...nonAdmin,
      parameters: { version: 1 },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const restored = expectOk(
      await portal.run('settings_restore', { ...admin, parameters: { version: 1 } }),
    );
    expect(restored.saved).toMatchObject({
      version: 3,
      restoredFrom: 1,
      note: 'Restored version 1',
    });
    const got = expectOk(await portal.run('settings_get', admin));
    expect(got.settings.bands).toEqual({ green: 90, yellow: 80 });
    expect(got.history.map((h: { version: number }) => h.version)).toEqual([3, 2, 1]);
    const missing = await portal.run('settings_restore', { ...admin, parameters: { version: 42 } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuse malformed calls by naming the field', async () => {
    const noSettings = await portal.run('settings_save', {
      ...admin,
      parameters: { settings: 'green' },
    });
    expect(noSettings).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'settings' }] },
    });
    const badVersion = await portal.run('settings_restore', {
      ...admin,
      parameters: { version: 'latest' },
    });
    expect(badVersion).toMatchObject({ ok: false, error: { issues: [{ path: 'version' }] } });
  });
});
