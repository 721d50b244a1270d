import { describe, expect, it } from 'vitest';
import { defaultSettings } from './defaults.js';
import { parseSettings } from './migrate.js';
import type { Settings } from './schema.js';

function refusal(change: (s: Settings & Record<string, unknown>) => void) {
  const s = defaultSettings() as Settings & Record<string, unknown>;
  change(s);
  const r = parseSettings(s);
  if (r.success) throw new Error('expected the settings to be refused');
  return r.issues;
}

describe('settings refusals in the admin’s words', () => {
  it('name the field as the page does, on its path', () => {
    expect(refusal((s) => (s.measures.usage.weight = -1))).toEqual([
      { path: 'measures.usage.weight', message: 'Product usage weight must be 0 or more' },
    ]);
    expect(refusal((s) => (s.bands.green = 130))).toEqual([
      { path: 'bands.green', message: 'Green from score must be at most 100' },
    ]);
  });

  it('say a whole number is needed instead of quoting the validator', () => {
    const issues = refusal(
      (s) => (s.csms = [{ id: '7', name: 'Alex', segments: ['smb'], maxArr: 1, maxAccounts: 2.5 }]),
    );
    expect(issues).toEqual([
      { path: 'csms.0.maxAccounts', message: 'CSM 1 max accounts must be a whole number' },
    ]);
    for (const i of issues) expect(i.message).not.toMatch(/Invalid input|expected|received/);
  });

  it('tell a blanked or mistyped number field apart', () => {
    expect(refusal((s) => ((s.bands as Record<string, unknown>).green = ''))).toEqual([
      { path: 'bands.green', message: 'Green from score needs a number' },
    ]);
    expect(refusal((s) => ((s.bands as Record<string, unknown>).green = 'abc'))).toEqual([
      { path: 'bands.green', message: 'Green from score must be a number' },
    ]);
  });

  it('put each bad renewal stage on the stages field', () => {
    const issues = refusal(
      (s) => ((s.renewal as Record<string, unknown>).stages = ['soon', 30, 'ninety']),
    );
    expect(issues).toEqual([
      { path: 'renewal.stages.0', message: 'Renewal stage 1 must be a number' },
      { path: 'renewal.stages.2', message: 'Renewal stage 3 must be a number' },
    ]);
  });

  it('word the cross-field rules as sentences', () => {
    expect(refusal((s) => (s.bands = { green: 40, yellow: 60 }))).toEqual([
      { path: 'bands.green', message: 'Green from score must be above Yellow from score' },
    ]);
    expect(refusal((s) => (s.renewal.stages = [30, 90]))).toEqual([
      {
        path: 'renewal.stages',
        message: 'Renewal stages must run from furthest to nearest, each once',
      },
    ]);
  });
});
