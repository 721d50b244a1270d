import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayWeightShares, weightShares } from './shares.js';

const tenthsOf = (shares: number[]) => shares.reduce((a, s) => a + Math.round(s * 10), 0);

describe('weight shares', () => {
  it('add up to 100 where rounding each share alone would show more', () => {
    // Three equal weights round to 33.3 each (99.9); seven round to 14.3 each (100.1).
    expect(displayWeightShares([1, 1, 1])).toEqual(['33.4%', '33.3%', '33.3%']);
    const seven = [1, 1, 1, 1, 1, 1, 1];
    const alone = seven.map((w) => Math.round((w / 7) * 1000) / 10);
    expect(tenthsOf(alone)).toBe(1001);
    expect(tenthsOf(weightShares(seven) ?? [])).toBe(1000);
  });

  it('say nothing when no weight is above 0, and count a weight still being typed as 0', () => {
    expect(weightShares([0, 0])).toBeNull();
    expect(weightShares([])).toBeNull();
    expect(displayWeightShares([25, '', 'abc', 75])).toEqual(['25%', '0%', '0%', '75%']);
  });

  it('always add up to exactly 100 when any weight is above 0, each within 0.1 of its exact share', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: 0, max: 1000 }),
            fc.double({ min: 0, max: 1000, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        (weights) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const shares = weightShares(weights);
          if (!(total > 0)) return shares === null;
          if (!shares) return false;
          return (
            tenthsOf(shares) === 1000 &&
            shares.every((s, i) => Math.abs(s - ((weights[i] ?? 0) / total) * 100) < 0.1 + 1e-9)
          );
        },
      ),
    );
  });
});
