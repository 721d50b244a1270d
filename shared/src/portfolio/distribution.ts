import { BAND_GROUPS, bandGroup, ratio, type BandOrUnscored, type ScoredOutcome } from './types.js';

export interface BandShare {
  band: BandOrUnscored;
  accounts: number;
  arr: number;
  accountShare: number | null;
  arrShare: number | null;
  churned: number;
  churnRate: number | null;
}

export interface HealthDistribution {
  bands: BandShare[];
  /** Accounts per 10-point score bucket: [0,10), [10,20), … [90,100]. */
  histogram: number[];
}

export function healthDistribution(rows: readonly ScoredOutcome[]): HealthDistribution {
  const totalArr = rows.reduce((s, r) => s + r.arrBefore, 0);
  const histogram = new Array<number>(10).fill(0);
  const bands = BAND_GROUPS.map((band): BandShare => {
    const members = rows.filter((r) => bandGroup(r.band) === band);
    const churned = members.filter((r) => r.status === 'churned').length;
    const arr = members.reduce((s, r) => s + r.arrBefore, 0);
    return {
      band,
      accounts: members.length,
      arr,
      accountShare: ratio(members.length, rows.length),
      arrShare: ratio(arr, totalArr),
      churned,
      churnRate: ratio(churned, members.length),
    };
  });
  for (const r of rows) {
    if (r.score === null) continue;
    const bucket = Math.min(9, Math.max(0, Math.floor(r.score / 10)));
    histogram[bucket]! += 1;
  }
  return { bands, histogram };
}
