import type { Settings } from '../settings/schema.js';
import type { Band } from '../vocabulary/keys.js';

/** The band a 0–100 score falls in by these cut-offs (each cut-off belongs to the band above). */
export function bandIn(score: number, bands: Settings['bands']): Band {
  if (score >= bands.green) return 'green';
  if (score >= bands.yellow) return 'yellow';
  return 'red';
}

/** The band a 0–100 score falls in, by the admin's cut-offs. */
export function bandFor(score: number, settings: Settings): Band {
  return bandIn(score, settings.bands);
}
