import { describe, expect, it } from 'vitest';
import { curvePoints } from '../health/curve.js';
import { DEFAULT_SETTINGS } from './defaults.js';
import { settingsSchema } from './schema.js';
import { MEASURE_KEYS, MEASURE_SIGNALS } from '../vocabulary/keys.js';

describe('default settings', () => {
  it('validate against the settings schema', () => {
    const r = settingsSchema.safeParse(DEFAULT_SETTINGS);
    expect(r.error?.issues ?? []).toEqual([]);
  });

  it('configure a curve for every signal of every measure', () => {
    for (const key of MEASURE_KEYS) {
      const signals = DEFAULT_SETTINGS.measures[key].signals as Record<string, unknown>;
      expect(Object.keys(signals).sort()).toEqual([...MEASURE_SIGNALS[key]].sort());
    }
  });

  it('put a green score above a yellow one, and score a full-health account green', () => {
    expect(DEFAULT_SETTINGS.bands.green).toBeGreaterThan(DEFAULT_SETTINGS.bands.yellow);
    // The best value of every curve reaches 100 points, so a healthy account can reach green.
    for (const key of MEASURE_KEYS) {
      const signals = Object.values(
        DEFAULT_SETTINGS.measures[key].signals as Record<string, { curve: [number, number][] }>,
      );
      for (const { curve } of signals) {
        const best = Math.max(...curve.map(([x]) => curvePoints(curve, x)));
        expect(best).toBe(100);
      }
    }
  });

  it('give every playbook a unique id', () => {
    const ids = DEFAULT_SETTINGS.playbooks.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
