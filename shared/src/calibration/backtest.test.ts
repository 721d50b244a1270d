import { describe, expect, it } from 'vitest';
import type { ScoredOutcome } from '../portfolio/types.js';
import { defaultSettings } from '../settings/defaults.js';
import { backtest } from './backtest.js';

function row(
  id: string,
  score: number,
  status: ScoredOutcome['status'],
  extra: Partial<ScoredOutcome> = {},
): ScoredOutcome {
  const band = score >= 70 ? 'green' : score >= 45 ? 'yellow' : 'red';
  return {
    accountId: id,
    asOf: '2025-01-01T00:00:00Z',
    arrBefore: 1000,
    arrAfter: status === 'churned' ? 0 : 1000,
    status,
    score,
    band,
    ...extra,
  };
}

describe('back-test', () => {
  const rows = [
    row('a', 20, 'churned', { arrBefore: 5000 }),
    row('b', 50, 'churned'),
    row('c', 90, 'churned', { name: 'Green Co' }),
    row('d', 30, 'renewed'),
    row('e', 80, 'renewed'),
    row('f', 85, 'renewed'),
    row('g', 60, 'renewed'),
    { ...row('h', 0, 'renewed'), score: null, band: null },
  ];
  const report = backtest(rows, defaultSettings(), { folds: 2, seed: 1 });

  it('counts every row: scored plus unscored', () => {
    expect(report.rows).toBe(8);
    expect(report.scored + report.unscored).toBe(8);
    expect(report.unscored).toBe(1);
  });

  it('shares of churned accounts and churned ARR flagged red or yellow', () => {
    expect(report.flagged.accountShare).toBeCloseTo(2 / 3, 10);
    expect(report.flagged.arrShare).toBeCloseTo(6000 / 7000, 10);
  });

  it('sets the share of all accounts flagged beside the churn it captured', () => {
    // Scored: a, b, d, g are red or yellow; c, e, f green.
    expect(report.flagged).toMatchObject({ scoredAccounts: 7, allFlaggedAccounts: 4 });
    expect(report.flagged.allAccountShare).toBeCloseTo(4 / 7, 10);
  });

  it('flagging every account captures every churn, and says it flagged everyone', () => {
    const everyone = backtest(
      [row('p', 30, 'churned'), row('q', 40, 'renewed'), row('r', 60, 'renewed')],
      defaultSettings(),
      { folds: 2, seed: 1 },
    );
    expect(everyone.flagged.accountShare).toBe(1);
    expect(everyone.flagged.allAccountShare).toBe(1);
  });

  it('marks an AUC below 0.5 as ranking backwards', () => {
    expect(report.ranksBackwards).toBe(false);
    const backwards = backtest(
      [
        row('p', 90, 'churned'),
        row('q', 80, 'churned'),
        row('r', 20, 'renewed'),
        row('s', 30, 'renewed'),
      ],
      defaultSettings(),
      { folds: 2, seed: 1 },
    );
    expect(backwards.auc).toBe(0);
    expect(backwards.ranksBackwards).toBe(true);
  });

  it('confusion by band', () => {
    const red = report.confusion.find((c) => c.band === 'red')!;
    expect(red).toMatchObject({ accounts: 2, churned: 1, renewed: 1 });
  });

  it('lists the worst misses, most surprising first', () => {
    expect(report.worstMisses.map((m) => [m.accountId, m.kind])).toEqual([
      ['c', 'churned_while_green'],
      ['d', 'red_yet_renewed'],
    ]);
    expect(report.worstMisses[0]!.name).toBe('Green Co');
  });

  it('has no lead-time capture without renewal dates', () => {
    expect(report.capture).toBeNull();
  });

  it('captures churn at each renewal stage from the latest snapshot far enough ahead', () => {
    const renewal = '2025-06-30T00:00:00Z';
    const dated = [
      row('x', 80, 'churned', { asOf: '2025-01-01T00:00:00Z', renewalDate: renewal }),
      row('x', 30, 'churned', { asOf: '2025-05-01T00:00:00Z', renewalDate: renewal }),
      row('y', 40, 'renewed', { asOf: '2025-05-01T00:00:00Z', renewalDate: renewal }),
    ];
    const r = backtest(dated, defaultSettings(), { folds: 2, seed: 1 });
    const at = (d: number) => r.capture!.find((c) => c.leadDays === d)!;
    // 180 days out only the January snapshot (green) qualifies; 30 days out the May one (red) does.
    expect(at(180)).toMatchObject({ churnedAccounts: 1, flaggedAccounts: 0 });
    expect(at(30)).toMatchObject({ churnedAccounts: 1, flaggedAccounts: 1 });
  });
});
