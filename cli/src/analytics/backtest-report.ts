import type { BacktestReport, Settings } from '@csops/core';
import { arr, num, pct, table } from './format.js';
import { BAND_COLORS, barChart, captureChart, unitChart } from './html/charts.js';
import { htmlPage, htmlTable, kpis, note } from './html/page.js';

/** Capture beside how many accounts were flagged at all: flagging everyone captures every churn. */
export function flaggedLine(f: BacktestReport['flagged']): string {
  return `Churned accounts flagged red or yellow: ${f.flaggedAccounts} of ${f.churnedAccounts} (${pct(f.accountShare)}), while ${arr(f.allFlaggedAccounts)} of all ${arr(f.scoredAccounts)} accounts were flagged (${pct(f.allAccountShare)}); churned ARR flagged: ${arr(f.flaggedArr)} of ${arr(f.churnedArr)} (${pct(f.arrShare)})`;
}

export function backwardsWarning(what: string, auc: number | null): string {
  return `Warning: ${what} AUC ${num(auc)} is below 0.5: the model ranks accounts backwards (those it calls healthier churned more), so its flags do worse than chance. Review the settings before acting on them.`;
}

export function backtestText(r: BacktestReport, settings: Settings): string {
  const out: string[] = [];
  out.push(`AUC (risk = 100 − health vs churned): ${num(r.auc)}`);
  if (r.ranksBackwards) out.push(backwardsWarning('the', r.auc));
  out.push(`Brier score: ${num(r.brier)}  — churn probability: ${r.probabilityMethod}`);
  out.push(flaggedLine(r.flagged));
  out.push(
    '',
    `Confusion by band (green ≥ ${settings.bands.green}, yellow ≥ ${settings.bands.yellow}, red below):`,
  );
  out.push(
    table(
      ['band', 'accounts', 'renewed', 'contracted', 'churned', 'churn rate', 'ARR', 'churned ARR'],
      r.confusion.map((c) => [
        c.band,
        c.accounts,
        c.renewed,
        c.contracted,
        c.churned,
        pct(c.churnRate),
        arr(c.arr),
        arr(c.churnedArr),
      ]),
    ),
  );
  out.push(
    '',
    'Capture by lead time (churned accounts flagged red/yellow at least N days before renewal):',
  );
  out.push(
    r.capture === null
      ? '  not available: the data has no renewal dates'
      : table(
          ['days ahead', 'churned', 'flagged', 'share', 'churned ARR', 'flagged ARR', 'ARR share'],
          r.capture.map((c) => [
            c.leadDays,
            c.churnedAccounts,
            c.flaggedAccounts,
            pct(c.accountShare),
            arr(c.churnedArr),
            arr(c.flaggedArr),
            pct(c.arrShare),
          ]),
        ),
  );
  out.push('', `Worst misses (${r.worstMisses.length}):`);
  out.push(
    r.worstMisses.length === 0
      ? '  none'
      : table(
          ['account', 'miss', 'health', 'ARR'],
          r.worstMisses.map((m) => [
            m.name ? `${m.name} (${m.accountId})` : m.accountId,
            m.kind.replace(/_/g, ' '),
            m.score.toFixed(1),
            arr(m.arr),
          ]),
        ),
  );
  return out.join('\n');
}

export function backtestHtml(r: BacktestReport, settings: Settings, source: string): string {
  const reliability = r.reliability.map((b): [number, number] => [b.meanPredicted, b.observedRate]);
  const charts = [
    unitChart(`ROC curve (AUC ${num(r.auc)})`, 'false-positive rate', 'true-positive rate', [
      { name: 'health model', color: '#1565c0', points: r.roc.map((p) => [p.fpr, p.tpr]) },
    ]),
    unitChart(
      `Reliability (Brier ${num(r.brier)})`,
      'predicted churn probability',
      'observed churn rate',
      [{ name: 'probability bins', color: '#6a1b9a', points: reliability, dots: true }],
    ),
    barChart(
      'Accounts by band',
      r.confusion.map((c) => ({
        label: c.band,
        value: c.accounts,
        color: BAND_COLORS[c.band] ?? '#999',
      })),
    ),
    captureChart(r.capture),
  ].join('');
  return htmlPage(
    'csops back-test',
    `${source} — ${r.rows} rows scored with bands green ≥ ${settings.bands.green}, yellow ≥ ${settings.bands.yellow}`,
    [
      {
        title: 'Summary',
        html:
          kpis([
            ['AUC', num(r.auc)],
            ['Brier', num(r.brier)],
            ['churned accounts flagged', pct(r.flagged.accountShare)],
            ['all accounts flagged', pct(r.flagged.allAccountShare)],
            ['churned ARR flagged', pct(r.flagged.arrShare)],
            ['accounts scored', `${r.scored} of ${r.rows}`],
          ]) +
          (r.ranksBackwards ? note(backwardsWarning('the', r.auc)) : '') +
          note(`Churn probability: ${r.probabilityMethod}.`),
      },
      {
        title: 'Charts',
        html: `<div class="charts">${charts}</div>${r.capture === null ? note('Capture by lead time: not available, the data has no renewal dates.') : ''}`,
      },
      {
        title: 'Confusion by band',
        html: htmlTable(
          [
            'band',
            'accounts',
            'renewed',
            'contracted',
            'churned',
            'churn rate',
            'ARR',
            'churned ARR',
          ],
          r.confusion.map((c) => [
            c.band,
            c.accounts,
            c.renewed,
            c.contracted,
            c.churned,
            pct(c.churnRate),
            arr(c.arr),
            arr(c.churnedArr),
          ]),
        ),
      },
      {
        title: 'Worst misses',
        html: htmlTable(
          ['account', 'miss', 'health', 'ARR', 'as of'],
          r.worstMisses.map((m) => [
            m.name ? `${m.name} (${m.accountId})` : m.accountId,
            m.kind.replace(/_/g, ' '),
            m.score.toFixed(1),
            arr(m.arr),
            m.asOf.slice(0, 10),
          ]),
        ),
      },
    ],
  );
}
