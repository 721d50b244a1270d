import { describe, expect, it } from 'vitest';
import { FaultInjector } from './faults.js';
import { Prng } from './seed/prng.js';

const settings = { latencyMs: 0, failureRate: 0.3, requestsPer10s: 0 };
const pattern = (injector: FaultInjector) => Array.from({ length: 200 }, () => injector.failure());

describe('FaultInjector', () => {
  it('fails the same requests on every run with the same seed', () => {
    const seeded = (seed: number) => {
      const prng = new Prng(seed);
      return new FaultInjector({ ...settings }, () => prng.next());
    };
    const first = pattern(seeded(7));
    expect(pattern(seeded(7))).toEqual(first);
    expect(pattern(seeded(8))).not.toEqual(first);
  });

  it('fails about the configured share of requests, cycling through 503, 502 and 504', () => {
    const prng = new Prng(1);
    const failures = pattern(new FaultInjector({ ...settings }, () => prng.next())).filter(
      (f) => f !== undefined,
    );
    expect(failures.length).toBeGreaterThan(40);
    expect(failures.length).toBeLessThan(80);
    expect(failures.slice(0, 3)).toEqual([503, 502, 504]);
  });

  it('fails nothing at rate 0 and everything at rate 1', () => {
    expect(pattern(new FaultInjector({ ...settings, failureRate: 0 })).every((f) => !f)).toBe(true);
    expect(pattern(new FaultInjector({ ...settings, failureRate: 1 })).every(Boolean)).toBe(true);
  });
});
