import type { Settings } from '../settings/schema.js';
import type { Segment } from '../vocabulary/keys.js';

/**
 * The ARR tier an account belongs to. Each threshold belongs to the tier above it; an account with
 * no ARR recorded is treated as the smallest tier until its contract is known.
 */
export function segmentFor(arr: number | undefined, settings: Settings): Segment {
  if (arr === undefined || !Number.isFinite(arr)) return 'smb';
  if (arr >= settings.segments.enterpriseMinArr) return 'enterprise';
  if (arr >= settings.segments.midMarketMinArr) return 'mid_market';
  return 'smb';
}
