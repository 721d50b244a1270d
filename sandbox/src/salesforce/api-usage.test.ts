import { describe, expect, it } from 'vitest';
import { ApiUsage } from './api-usage.js';

describe('ApiUsage', () => {
  it('refuses past the allocation without counting the refusals, and frees requests as they age out', () => {
    const usage = new ApiUsage(3, 1_000);
    expect([usage.take(0), usage.take(10), usage.take(20), usage.take(30)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(usage.used(30)).toBe(3);
    expect(usage.take(1_000)).toBe(true);
    expect(usage.used(1_000)).toBe(3);
    expect(usage.used(5_000)).toBe(0);
  });
});
