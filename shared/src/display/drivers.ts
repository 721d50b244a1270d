import type { Driver } from '../health/types.js';

/** How many of the strongest drivers a card lists before "All measures". */
export const DRIVERS_SHOWN = 3;

/**
 * The drivers a card lists: the `count` that moved the score most, and every measure in the red
 * range besides. A light-weighted measure can sit in the red (billing 24.9) while three strong ones
 * look fine; hiding it would read as "all is well". Strongest first, as the drivers come.
 */
export function driversToShow(drivers: readonly Driver[], count: number = DRIVERS_SHOWN): Driver[] {
  const byImpact = [...drivers].sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact));
  const top = new Set(byImpact.slice(0, Math.max(0, count)));
  return byImpact.filter((d) => top.has(d) || d.direction === 'negative');
}
