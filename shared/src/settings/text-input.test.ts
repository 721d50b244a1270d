import { describe, expect, it } from 'vitest';
import {
  optionalSettingsNumberFromText,
  renewalStagesFromText,
  settingsNumberFromText,
  settingsNumberText,
} from './text-input.js';

describe('settings fields as typed', () => {
  it('read numbers, with or without thousands separators', () => {
    expect(settingsNumberFromText(' 75 ')).toBe(75);
    expect(settingsNumberFromText('1,000,000')).toBe(1_000_000);
    expect(settingsNumberFromText('0.5')).toBe(0.5);
  });

  it('keep a blank or mistyped number as typed, so it is refused instead of ignored', () => {
    expect(settingsNumberFromText('')).toBe('');
    expect(settingsNumberFromText('abc')).toBe('abc');
    expect(settingsNumberFromText('0x10')).toBe('0x10');
    expect(settingsNumberText('abc')).toBe('abc');
    expect(settingsNumberText(75)).toBe('75');
  });

  it('read a blank optional number as not set, and anything else as a required one', () => {
    expect(optionalSettingsNumberFromText('  ')).toBeUndefined();
    expect(optionalSettingsNumberFromText('30')).toBe(30);
    expect(optionalSettingsNumberFromText('abc')).toBe('abc');
  });

  it('read renewal stages, keeping what is not a number', () => {
    expect(renewalStagesFromText('180, 120,90')).toEqual([180, 120, 90]);
    expect(renewalStagesFromText('soon, 30, ninety')).toEqual(['soon', 30, 'ninety']);
    expect(renewalStagesFromText(' ')).toEqual([]);
  });
});

describe('a pasted settings file', () => {
  it('is read as settings, or refused in words', async () => {
    const { parseSettingsFile } = await import('./file.js');
    const { defaultSettings } = await import('./defaults.js');
    const s = defaultSettings();
    s.bands.green = 75;
    expect(parseSettingsFile(JSON.stringify(s, null, 2))).toEqual({ success: true, data: s });
    expect(parseSettingsFile('{ not json')).toEqual({
      success: false,
      issues: [{ path: '(file)', message: 'This is not a settings file: it is not valid JSON' }],
    });
    const bad = parseSettingsFile(JSON.stringify({ ...s, bands: { green: 10, yellow: 60 } }));
    expect(bad.success ? [] : bad.issues.map((i) => i.message)).toEqual([
      'Green from score must be above Yellow from score',
    ]);
  });
});
