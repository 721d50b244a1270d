import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RollingWindowLimiter } from './rate-limiter.js';

describe('rolling ten-second budget', () => {
  it('lets the budget through, refuses the next, and says when a slot frees up', () => {
    const limiter = new RollingWindowLimiter(3, 10_000);
    expect([0, 1_000, 2_000].map((t) => limiter.take(t).ok)).toEqual([true, true, true]);
    expect(limiter.take(4_000)).toEqual({ ok: false, retryAfterMs: 6_000 });
    expect(limiter.take(10_000).ok).toBe(true);
  });

  it('never admits more than the limit in any window, and refuses only when the window is full', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 3_000 }), { maxLength: 300 }),
        (limit, gaps) => {
          const limiter = new RollingWindowLimiter(limit, 10_000);
          const admitted: number[] = [];
          let t = 0;
          for (const gap of gaps) {
            t += gap;
            const inWindow = admitted.filter((a) => a > t - 10_000).length;
            const taken = limiter.take(t);
            expect(taken.ok).toBe(inWindow < limit);
            if (taken.ok) admitted.push(t);
            else expect(taken.retryAfterMs).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});
