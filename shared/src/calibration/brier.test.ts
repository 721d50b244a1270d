import { describe, expect, it } from 'vitest';
import { brierScore, reliabilityCurve } from './brier.js';

describe('Brier score', () => {
  it('is 0 for certain, correct predictions and 1 for certain, wrong ones', () => {
    expect(brierScore([1, 0], [true, false])).toBe(0);
    expect(brierScore([0, 1], [true, false])).toBe(1);
  });

  it('is the mean squared gap', () => {
    // (0.8−1)² + (0.3−0)² + (0.5−1)² = 0.04 + 0.09 + 0.25 = 0.38 / 3
    expect(brierScore([0.8, 0.3, 0.5], [true, false, true])).toBeCloseTo(0.38 / 3, 12);
  });

  it('gives 0.25 to a constant 50% guess whatever happens', () => {
    expect(brierScore([0.5, 0.5, 0.5], [true, false, false])).toBeCloseTo(0.25, 12);
  });

  it('is undefined for no rows', () => {
    expect(brierScore([], [])).toBeNull();
  });

  it('bins predictions and compares them with what happened', () => {
    const bins = reliabilityCurve([0.05, 0.08, 0.95, 0.9], [false, true, true, true], 10);
    expect(bins).toHaveLength(2);
    expect(bins[0]).toMatchObject({ count: 2, observedRate: 0.5 });
    expect(bins[0]!.meanPredicted).toBeCloseTo(0.065, 12);
    expect(bins[1]).toMatchObject({ count: 2, observedRate: 1 });
  });
});
