import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Driver } from '../health/types.js';
import { MEASURE_KEYS } from '../vocabulary/keys.js';
import { driversToShow } from './drivers.js';

const driver = (measure: Driver['measure'], score: number, impact: number): Driver => ({
  measure,
  label: measure,
  score,
  effectiveWeight: 0.1,
  impact,
  reason: '',
  direction: score >= 70 ? 'positive' : score < 45 ? 'negative' : 'neutral',
});

describe('driversToShow', () => {
  it('shows a light measure in the red range beside the three strongest', () => {
    const drivers = [
      driver('usage', 95, 11),
      driver('engagement', 90, 8),
      driver('adoption', 85, 5),
      driver('billing', 24.9, -2.6),
      driver('support', 60, 1),
    ];
    expect(driversToShow(drivers).map((d) => d.measure)).toEqual([
      'usage',
      'engagement',
      'adoption',
      'billing',
    ]);
  });

  it('always shows every red measure and at least the strongest ones', () => {
    const arb = fc.uniqueArray(
      fc.record({
        measure: fc.constantFrom(...MEASURE_KEYS),
        score: fc.double({ min: 0, max: 100, noNaN: true }),
        weight: fc.double({ min: 0.01, max: 1, noNaN: true }),
      }),
      { selector: (d) => d.measure, maxLength: MEASURE_KEYS.length },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 8 }), (rows, count) => {
        const drivers = rows.map((r) => driver(r.measure, r.score, r.weight * (r.score - 50)));
        const shown = driversToShow(drivers, count);
        for (const d of drivers) if (d.direction === 'negative') expect(shown).toContain(d);
        expect(shown.length).toBeGreaterThanOrEqual(Math.min(count, drivers.length));
      }),
    );
  });
});
