import type { BacktestReport, CalibrationReport, HoldoutReport } from '@csops/core';
import { ranksBackwards, rocCurve, reliabilityCurve, scoredPairs, thinCurve } from '@csops/core';
import { backwardsWarning, flaggedLine } from './backtest-report.js';
import { num, pct, table } from './format.js';
import { BAND_COLORS, barChart, captureChart, unitChart, type Series } from './html/charts.js';
import { htmlPage, htmlTable, kpis, note } from './html/page.js';

const quintileText = (m: CalibrationReport['measures'][number]) =>
  m.quintiles.length ? m.quintiles.map((q) => pct(q.churnRate, 0)).join(' / ') : '—';

/** Each measure's weight, default beside calibrated, with its evidence: the same table in text and HTML. */
function measureEvidence(r: CalibrationReport): [string[], (string | number)[][]] {
  return [
    [
      'measure',
      'default',
      'calibrated',
      'observed',
      'AUC alone',
      'churn by quintile (low → high score)',
    ],
    r.measures.map((m) => [
      m.label,
      m.defaultWeight,
      m.calibratedWeight,
      pct(m.observedShare, 0),
      num(m.auc),
      quintileText(m),
    ]),
  ];
}

/** A warning for each AUC the run reports that ranks accounts backwards. */
function backwardsWarnings(r: CalibrationReport, holdout: HoldoutReport | undefined): string[] {
  return (
    [
      ['the default settings’ cross-validated', r.default.auc],
      ['the calibrated cross-validated', r.calibrated.auc],
      ['the calibrated held-out', holdout?.calibrated.auc ?? null],
    ] as [string, number | null][]
  )
    .filter(([, auc]) => ranksBackwards(auc))
    .map(([what, auc]) => backwardsWarning(what, auc));
}

export function calibrateText(
  r: CalibrationReport,
  holdout: HoldoutReport | undefined,
  out: string,
  oofBacktest: BacktestReport,
): string {
  const lines: string[] = [];
  lines.push(
    `${r.rows} rows, ${r.churned} churned (${pct(r.churned / r.rows)}); ${r.folds}-fold cross-validation, seed ${r.seed}`,
  );
  lines.push('');
  lines.push(
    table(
      ['model (scored on folds it did not see)', 'AUC pooled', 'AUC mean of folds', 'Brier'],
      [
        ['default settings', num(r.default.auc), num(r.default.meanFoldAuc), num(r.default.brier)],
        [
          'calibrated',
          num(r.calibrated.auc),
          num(r.calibrated.meanFoldAuc),
          num(r.calibrated.brier),
        ],
      ],
    ),
  );
  if (holdout) {
    lines.push('');
    lines.push(
      `Held-out check: calibrated on ${holdout.trainRows} rows, evaluated once on ${holdout.testRows}:`,
    );
    lines.push(
      table(
        ['model', 'AUC', 'Brier'],
        [
          ['default settings', num(holdout.default.auc), num(holdout.default.brier)],
          ['calibrated', num(holdout.calibrated.auc), num(holdout.calibrated.brier)],
        ],
      ),
    );
  }
  lines.push('', ...backwardsWarnings(r, holdout));
  lines.push(`Out of fold, with the calibrated bands. ${flaggedLine(oofBacktest.flagged)}`);
  lines.push('');
  lines.push(
    'Measure weights and their evidence (AUC of the measure alone; churn rate from lowest to highest quintile of its score):',
  );
  lines.push(table(...measureEvidence(r)));
  lines.push('');
  lines.push('Signals (weights within their measure):');
  lines.push(
    table(
      ['signal', 'measure', 'default', 'calibrated', 'direction learned', 'observed', 'AUC alone'],
      r.measures.flatMap((m) =>
        m.signals
          .filter((s) => s.observed > 0)
          .map((s) => [
            s.signal,
            m.measure,
            s.defaultWeight,
            s.calibratedWeight,
            s.direction.replace(/_/g, ' '),
            s.observed,
            num(s.auc),
          ]),
      ),
    ),
  );
  lines.push('');
  lines.push(
    `Bands: default green ≥ ${r.defaultBands.green}, yellow ≥ ${r.defaultBands.yellow}; calibrated green ≥ ${r.bands.green}, yellow ≥ ${r.bands.yellow}`,
  );
  lines.push(`Measures with no data in this history are set to weight 0; review before use.`);
  lines.push(`Calibrated settings written to ${out}`);
  return lines.join('\n');
}

function rocSeries(name: string, color: string, scores: Float64Array, churned: boolean[]): Series {
  const p = scoredPairs(scores, churned);
  const roc = thinCurve(
    rocCurve(
      p.scores.map((s) => 100 - s),
      p.churned,
    ),
    201,
  );
  return { name, color, points: roc.map((pt) => [pt.fpr, pt.tpr]) };
}

function reliabilitySeries(
  name: string,
  color: string,
  probability: Float64Array,
  churned: boolean[],
): Series {
  const p = scoredPairs(probability, churned);
  return {
    name,
    color,
    dots: true,
    points: reliabilityCurve(p.scores, p.churned).map((b) => [b.meanPredicted, b.observedRate]),
  };
}

export function calibrateHtml(
  r: CalibrationReport,
  churned: boolean[],
  oofBacktest: BacktestReport,
  holdout: HoldoutReport | undefined,
  source: string,
): string {
  const o = r.outOfFold;
  const charts = [
    unitChart('ROC curve, out-of-fold', 'false-positive rate', 'true-positive rate', [
      rocSeries(`default (AUC ${num(r.default.auc)})`, '#9e9e9e', o.defaultScores, churned),
      rocSeries(
        `calibrated (AUC ${num(r.calibrated.auc)})`,
        '#1565c0',
        o.calibratedScores,
        churned,
      ),
    ]),
    unitChart('Reliability, out-of-fold', 'predicted churn probability', 'observed churn rate', [
      reliabilitySeries(
        `default (Brier ${num(r.default.brier)})`,
        '#9e9e9e',
        o.defaultProbability,
        churned,
      ),
      reliabilitySeries(
        `calibrated (Brier ${num(r.calibrated.brier)})`,
        '#1565c0',
        o.calibratedProbability,
        churned,
      ),
    ]),
    barChart(
      'Accounts by calibrated band (out-of-fold scores)',
      oofBacktest.confusion.map((c) => ({
        label: `${c.band} ${pct(c.churnRate, 0)} churn`,
        value: c.accounts,
        color: BAND_COLORS[c.band] ?? '#999',
      })),
    ),
    captureChart(oofBacktest.capture),
  ].join('');
  return htmlPage(
    'csops calibration',
    `${source} — ${r.rows} rows, ${r.churned} churned, ${r.folds}-fold cross-validation (seed ${r.seed})`,
    [
      {
        title: 'Summary',
        html:
          kpis([
            ['default AUC (CV)', num(r.default.auc)],
            ['calibrated AUC (CV)', num(r.calibrated.auc)],
            ['default Brier', num(r.default.brier)],
            ['calibrated Brier', num(r.calibrated.brier)],
            ['churned accounts flagged (out of fold)', pct(oofBacktest.flagged.accountShare)],
            ['all accounts flagged (out of fold)', pct(oofBacktest.flagged.allAccountShare)],
            ...(holdout
              ? ([
                  ['held-out AUC', `${num(holdout.default.auc)} → ${num(holdout.calibrated.auc)}`],
                ] as [string, string][])
              : []),
          ]) +
          backwardsWarnings(r, holdout).map(note).join('') +
          note(
            'Every row is scored by a model fitted without its fold; the churn probability is a logistic fit of churn on the score, also learned without the fold.',
          ),
      },
      {
        title: 'Charts',
        html: `<div class="charts">${charts}</div>${oofBacktest.capture === null ? note('Capture by lead time: not available, the data has no renewal dates.') : ''}`,
      },
      {
        title: 'Measure weights: default vs calibrated',
        html: htmlTable(...measureEvidence(r)),
      },
      {
        title: 'Signals',
        html: htmlTable(
          [
            'signal',
            'measure',
            'default',
            'calibrated',
            'direction learned',
            'AUC alone',
            'curve (value → points)',
          ],
          r.measures.flatMap((m) =>
            m.signals
              .filter((s) => s.observed > 0)
              .map((s) => [
                s.signal,
                m.measure,
                s.defaultWeight,
                s.calibratedWeight,
                s.direction.replace(/_/g, ' '),
                num(s.auc),
                s.curve.map(([x, y]) => `${+x.toFixed(2)}→${Math.round(y)}`).join(', '),
              ]),
          ),
        ),
      },
      {
        title: 'Bands',
        html: htmlTable(
          ['', 'green from', 'yellow from'],
          [
            ['default', r.defaultBands.green, r.defaultBands.yellow],
            ['calibrated', r.bands.green, r.bands.yellow],
          ],
        ),
      },
    ],
  );
}
