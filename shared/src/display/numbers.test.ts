import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayDelta, displayPercent, displayScore, percentOf } from './numbers.js';

describe('how scores read', () => {
  it('shows a red 44.9 as 44.9, never as a yellow-looking 45', () => {
    expect(displayScore(44.9)).toBe('44.9');
    expect(displayScore(44.94)).toBe('44.9');
    expect(displayScore(45)).toBe('45');
    expect(displayScore(0)).toBe('0');
  });

  it('signs a score change and keeps one decimal', () => {
    expect(displayDelta(3.24)).toBe('+3.2');
    expect(displayDelta(-1)).toBe('-1');
    expect(displayDelta(0)).toBe('0');
    expect(displayDelta(-0.01)).toBe('0');
  });

  it('shows coverage as a percent to one decimal', () => {
    expect(percentOf(0.875)).toBe(87.5);
    expect(displayPercent(0.875)).toBe('87.5%');
    expect(displayPercent(1)).toBe('100%');
  });

  it('shows any score within half a tenth of its value, with at most one decimal', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (score) => {
        const shown = Number(displayScore(score));
        expect(Math.abs(shown - score)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(displayScore(score)).not.toMatch(/\.0$|\.\d\d/);
      }),
    );
  });
});
