import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/defaults.js';
import { SEGMENTS } from '../vocabulary/keys.js';
import { segmentFor } from './segment.js';

const settings = defaultSettings();

describe('segmentFor', () => {
  it('tiers accounts by ARR, each threshold belonging to the tier above', () => {
    expect(segmentFor(100_000, settings)).toBe('enterprise');
    expect(segmentFor(99_999, settings)).toBe('mid_market');
    expect(segmentFor(25_000, settings)).toBe('mid_market');
    expect(segmentFor(24_999, settings)).toBe('smb');
    expect(segmentFor(0, settings)).toBe('smb');
  });

  it('puts an account with no ARR in SMB', () => {
    expect(segmentFor(undefined, settings)).toBe('smb');
  });

  it('follows the thresholds the admin sets', () => {
    const s = defaultSettings();
    s.segments = { enterpriseMinArr: 250_000, midMarketMinArr: 50_000 };
    expect(segmentFor(100_000, s)).toBe('mid_market');
    expect(segmentFor(40_000, s)).toBe('smb');
  });

  it('never moves an account to a smaller tier when its ARR grows', () => {
    const rank = (arr: number) => SEGMENTS.length - SEGMENTS.indexOf(segmentFor(arr, settings));
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e8, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (arr, more) => {
          expect(rank(arr + more)).toBeGreaterThanOrEqual(rank(arr));
        },
      ),
    );
  });
});
