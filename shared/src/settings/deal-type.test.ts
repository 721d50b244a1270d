import { describe, expect, it } from 'vitest';
import { defaultSettings } from './defaults.js';
import { parseSettings } from './migrate.js';

describe('the expansion deal type setting', () => {
  it('defaults to HubSpot’s existing business', () => {
    expect(defaultSettings().expansion.dealType).toBe('existingbusiness');
  });

  it('reads settings saved before the setting existed as existing business', () => {
    const older = defaultSettings() as unknown as { expansion: Record<string, unknown> };
    delete older.expansion.dealType;
    const parsed = parseSettings(older);
    expect(parsed.success && parsed.data.expansion.dealType).toBe('existingbusiness');
  });

  it('gives version 1 settings the default too', () => {
    const parsed = parseSettings({
      version: 1,
      weights: { usage: 30 },
      greenMin: 70,
      yellowMin: 40,
    });
    expect(parsed.success && parsed.data.expansion.dealType).toBe('existingbusiness');
  });

  it('keeps an admin’s own deal type', () => {
    const s = defaultSettings();
    s.expansion.dealType = ' upsell_2026 ';
    const parsed = parseSettings(s);
    expect(parsed.success && parsed.data.expansion.dealType).toBe('upsell_2026');
  });

  it.each(['', 'Existing business', 'x'.repeat(101), 'new;business'])(
    'refuses %j, naming the field',
    (dealType) => {
      const s = defaultSettings();
      s.expansion.dealType = dealType;
      const parsed = parseSettings(s);
      expect(parsed.success).toBe(false);
      expect(!parsed.success && parsed.issues.map((i) => i.path)).toEqual(['expansion.dealType']);
    },
  );
});
