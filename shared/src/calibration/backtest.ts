import type { Settings } from '../settings/schema.js';
import { BANDS, type Band } from '../vocabulary/keys.js';
import { daysBetween } from '../time/time.js';
import type { ScoredOutcome } from '../portfolio/types.js';
import { ratio } from '../portfolio/types.js';
import { auc, ranksBackwards, rocCurve, thinCurve, type RocPoint } from './auc.js';
import { brierScore, reliabilityCurve, type ReliabilityBin } from './brier.js';
import { probabilities, probabilityFrom } from './evaluate.js';
import { stratifiedFolds } from './folds.js';

export interface BandConfusion {
  band: Band;
  accounts: number;
  renewed: number;
  contracted: number;
  churned: number;
  churnRate: number | null;
  arr: number;
  churnedArr: number;
}

export interface LeadTimeCapture {
  /** Days before the renewal the snapshot was taken, at least. */
  leadDays: number;
  /** Churned accounts with a snapshot this far ahead. */
  churnedAccounts: number;
  /** Of those, flagged red or yellow at that snapshot. */
  flaggedAccounts: number;
  accountShare: number | null;
  churnedArr: number;
  flaggedArr: number;
  arrShare: number | null;
}

export interface Miss {
  accountId: string;
  name?: string;
  kind: 'churned_while_green' | 'red_yet_renewed';
  score: number;
  arr: number;
  asOf: string;
}

export interface BacktestReport {
  rows: number;
  scored: number;
  /** Rows where no measure was observed, so no score: counted, never dropped. */
  unscored: number;
  churned: number;
  auc: number | null;
  roc: RocPoint[];
  brier: number | null;
  probabilityMethod: string;
  reliability: ReliabilityBin[];
  /** Below 0.5 the scores rank accounts backwards: the flagged ones churn less than the rest. */
  ranksBackwards: boolean;
  /** Churned accounts (and their ARR) that were red or yellow at the snapshot. */
  flagged: {
    churnedAccounts: number;
    flaggedAccounts: number;
    accountShare: number | null;
    /**
     * Of all scored accounts, churned or not, the share red or yellow: capture means little
     * without it (flagging everyone captures every churn).
     */
    scoredAccounts: number;
    allFlaggedAccounts: number;
    allAccountShare: number | null;
    churnedArr: number;
    flaggedArr: number;
    arrShare: number | null;
  };
  confusion: BandConfusion[];
  /** Null when the data has no renewal dates. */
  capture: LeadTimeCapture[] | null;
  worstMisses: Miss[];
}

/**
 * Back-tests scored history. AUC ranks risk (100 − score) against churn. The churn probability
 * behind the Brier score is a logistic fit of churn on the score, cross-fitted over `folds` so
 * each row's probability comes from a fit that never saw it.
 */
export function backtest(
  rows: readonly ScoredOutcome[],
  settings: Settings,
  options: { folds: number; seed: number; misses?: number },
): BacktestReport {
  const scored = rows.filter(
    (r): r is ScoredOutcome & { score: number; band: Band } => r.score !== null && r.band !== null,
  );
  const churned = scored.map((r) => r.status === 'churned');
  const risk = scored.map((r) => 100 - r.score);
  const scores = scored.map((r) => r.score);

  const probability = new Float64Array(scored.length).fill(NaN);
  const k = Math.min(
    options.folds,
    churned.filter(Boolean).length,
    churned.filter((c) => !c).length,
  );
  if (k >= 2) {
    const fold = stratifiedFolds(churned, k, options.seed);
    for (let f = 0; f < k; f++) {
      const train = scored.flatMap((_, i) => (fold[i] !== f ? [i] : []));
      const test = scored.flatMap((_, i) => (fold[i] === f ? [i] : []));
      const model = probabilityFrom(
        train.map((i) => scores[i] as number),
        train.map((i) => churned[i] as boolean),
      );
      const p = probabilities(
        model,
        test.map((i) => scores[i] as number),
      );
      test.forEach((i, t) => (probability[i] = p[t] as number));
    }
  }
  const hasProbability = k >= 2;

  const churnedRows = scored.filter((r) => r.status === 'churned');
  const flaggedRows = churnedRows.filter((r) => r.band !== 'green');
  const allFlagged = scored.reduce((n, r) => n + (r.band !== 'green' ? 1 : 0), 0);
  const rankAuc = auc(risk, churned);
  const sumArr = (list: readonly ScoredOutcome[]) => list.reduce((s, r) => s + r.arrBefore, 0);

  return {
    rows: rows.length,
    scored: scored.length,
    unscored: rows.length - scored.length,
    churned: churnedRows.length,
    auc: rankAuc,
    ranksBackwards: ranksBackwards(rankAuc),
    roc: thinCurve(rocCurve(risk, churned), 201),
    brier: hasProbability ? brierScore(probability, churned) : null,
    probabilityMethod: hasProbability
      ? `logistic fit of churn on the health score, cross-fitted over ${k} folds (each account's probability learned from the other folds)`
      : 'not available: both churned and retained accounts are needed',
    reliability: hasProbability ? reliabilityCurve(probability, churned) : [],
    flagged: {
      churnedAccounts: churnedRows.length,
      flaggedAccounts: flaggedRows.length,
      accountShare: ratio(flaggedRows.length, churnedRows.length),
      scoredAccounts: scored.length,
      allFlaggedAccounts: allFlagged,
      allAccountShare: ratio(allFlagged, scored.length),
      churnedArr: sumArr(churnedRows),
      flaggedArr: sumArr(flaggedRows),
      arrShare: ratio(sumArr(flaggedRows), sumArr(churnedRows)),
    },
    confusion: BANDS.map((band) => {
      const members = scored.filter((r) => r.band === band);
      const c = members.filter((r) => r.status === 'churned');
      return {
        band,
        accounts: members.length,
        renewed: members.filter((r) => r.status === 'renewed').length,
        contracted: members.filter((r) => r.status === 'contracted').length,
        churned: c.length,
        churnRate: ratio(c.length, members.length),
        arr: sumArr(members),
        churnedArr: sumArr(c),
      };
    }),
    capture: captureByLeadTime(scored, settings.renewal.stages),
    worstMisses: worstMisses(scored, options.misses ?? 20),
  };
}

/**
 * For each lead time L (the renewal stages in settings), of the churned accounts that had a
 * snapshot at least L days before their renewal, the share flagged red or yellow at the latest
 * such snapshot. Null when no row carries a renewal date.
 */
function captureByLeadTime(
  rows: readonly (ScoredOutcome & { band: Band })[],
  stages: readonly number[],
): LeadTimeCapture[] | null {
  const dated = rows.filter((r) => r.renewalDate !== undefined && r.status === 'churned');
  if (!rows.some((r) => r.renewalDate !== undefined)) return null;
  return stages.map((leadDays) => {
    const latest = new Map<string, { lead: number; row: ScoredOutcome & { band: Band } }>();
    for (const r of dated) {
      const lead = daysBetween(r.asOf, r.renewalDate as string);
      if (lead < leadDays) continue;
      const key = `${r.accountId}|${r.renewalDate}`;
      const seen = latest.get(key);
      if (!seen || lead < seen.lead) latest.set(key, { lead, row: r });
    }
    const accounts = [...latest.values()].map((v) => v.row);
    const flagged = accounts.filter((r) => r.band !== 'green');
    const arr = accounts.reduce((s, r) => s + r.arrBefore, 0);
    const flaggedArr = flagged.reduce((s, r) => s + r.arrBefore, 0);
    return {
      leadDays,
      churnedAccounts: accounts.length,
      flaggedAccounts: flagged.length,
      accountShare: ratio(flagged.length, accounts.length),
      churnedArr: arr,
      flaggedArr,
      arrShare: ratio(flaggedArr, arr),
    };
  });
}

/** The most surprising outcomes: churned while greenest, or renewed while reddest; larger ARR first on ties. */
function worstMisses(
  rows: readonly (ScoredOutcome & { score: number; band: Band })[],
  limit: number,
): Miss[] {
  const misses: (Miss & { surprise: number })[] = [];
  for (const r of rows) {
    const base = {
      accountId: r.accountId,
      ...(r.name ? { name: r.name } : {}),
      score: r.score,
      arr: r.arrBefore,
      asOf: r.asOf,
    };
    if (r.status === 'churned' && r.band === 'green')
      misses.push({ ...base, kind: 'churned_while_green', surprise: r.score });
    if (r.status !== 'churned' && r.band === 'red')
      misses.push({ ...base, kind: 'red_yet_renewed', surprise: 100 - r.score });
  }
  return misses
    .sort(
      (a, b) => b.surprise - a.surprise || b.arr - a.arr || a.accountId.localeCompare(b.accountId),
    )
    .slice(0, limit)
    .map(({ surprise: _surprise, ...m }) => m);
}
