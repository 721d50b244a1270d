import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '@csops/core';
import { DEMO_SETTINGS_ADMIN } from '@csops/sandbox';
import { expectOk, openPortal, type Portal } from './harness.js';

let portal: Portal;
beforeAll(async () => {
  portal = await openPortal({ seed: 'demo' });
});
afterAll(() => portal.close());

const admin = { user: { id: DEMO_SETTINGS_ADMIN.userId, email: DEMO_SETTINGS_ADMIN.email } };

describe('settings functions refuse what would write a version for nothing', () => {
  it('refuse a blanked or mistyped number and badly typed stages, in words, and keep nothing', async () => {
    const blank = { ...defaultSettings(), bands: { green: '', yellow: 45 } };
    const typed = { ...defaultSettings(), bands: { green: 'abc', yellow: 45 } };
    const stages = defaultSettings();
    (stages.renewal as { stages: unknown[] }).stages = ['soon', 30, 'ninety'];
    const weight = defaultSettings();
    weight.measures.usage.weight = -1;
    const answers = await Promise.all(
      [blank, typed, stages, weight].map((settings) =>
        portal.run('settings_save', { ...admin, parameters: { settings } }),
      ),
    );
    expect(answers.map((a) => (a.ok ? [] : a.error.issues))).toEqual([
      [{ path: 'settings.bands.green', message: 'Green from score needs a number' }],
      [{ path: 'settings.bands.green', message: 'Green from score must be a number' }],
      [
        { path: 'settings.renewal.stages.0', message: 'Renewal stage 1 must be a number' },
        { path: 'settings.renewal.stages.2', message: 'Renewal stage 3 must be a number' },
      ],
      [
        {
          path: 'settings.measures.usage.weight',
          message: 'Product usage weight must be 0 or more',
        },
      ],
    ]);
    for (const a of answers)
      if (!a.ok) expect(a.error.message).not.toMatch(/settings\.|Invalid input/);
    expect(expectOk(await portal.run('settings_history', {})).history).toEqual([]);
  });

  it('refuse saving settings equal to the newest version, and restoring the current one', async () => {
    const unchanged = await portal.run('settings_save', {
      ...admin,
      parameters: { settings: defaultSettings() },
    });
    expect(unchanged).toMatchObject({ ok: false, error: { code: 'unchanged' } });
    const s = defaultSettings();
    s.bands.green = 71;
    const first = expectOk(
      await portal.run('settings_save', { ...admin, parameters: { settings: s } }),
    );
    const again = await portal.run('settings_save', { ...admin, parameters: { settings: s } });
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'unchanged',
        message: `Nothing was saved: these are the settings of version ${first.saved.version}.`,
      },
    });
    const restoreCurrent = await portal.run('settings_restore', {
      ...admin,
      parameters: { version: first.saved.version },
    });
    expect(restoreCurrent).toMatchObject({ ok: false, error: { code: 'unchanged' } });
    const history = expectOk(await portal.run('settings_history', {})).history;
    expect(history).toHaveLength(1);
    expect(history[0].changes).toEqual(['Green from score: 70 → 71']);
  });
});
