import { backtest, calibrateMatrix, holdoutEvaluationOfMatrix } from '@csops/core';
import { z } from 'zod';
import type { Command } from '../main.js';
import { checkWritable, writeWhole } from '../analytics/write-whole.js';
import { calibrateHtml, calibrateText } from '../analytics/calibrate-report.js';
import {
  fileFlag,
  historyFlags,
  historyOptions,
  parseFlags,
  usageError,
} from '../analytics/flags.js';
import { readCompactHistory, scoredOutcomes } from '../analytics/compact-history.js';
import { countsLine, rejectedRows, reportRejected } from '../analytics/history.js';
import { InputError, loadSettings } from '../analytics/load.js';
import { progressBar } from '../analytics/progress.js';
import { ensureRoom } from '../analytics/memory-guard.js';

/** Heap calibration takes per row beyond the rows as read: a little over the back-test it ends with. */
const CALIBRATE_BYTES_PER_ROW = 400;

const usage = `csops calibrate --data FILE --mapping FILE --out SETTINGS_FILE [--settings FILE] [--json] [--html FILE] [--folds 5] [--seed N] [--holdout SHARE]

Fits the health model to historical outcomes: a monotone curve per signal (direction learned from
the data), non-negative measure weights summing to 100, signal weights and band cut-offs, all under
k-fold cross-validation, and writes a complete settings file that every csops face accepts as is.

  --data FILE      CSV or JSON export of snapshots with outcomes
  --mapping FILE   JSON mapping of its columns onto snapshot fields and the outcome
  --out FILE       where to write the calibrated settings (JSON)
  --settings FILE  the settings to start from and compare with (defaults when omitted)
  --json           print one JSON object instead of text
  --html FILE      also write a self-contained HTML report
  --folds N        cross-validation folds (5)
  --seed N         seed for the folds (1)
  --holdout SHARE  also calibrate on the rest and evaluate once on this held-out share (e.g. 0.2)`;

const flags = z.object({
  ...historyFlags,
  out: fileFlag('out'),
  holdout: z.coerce
    .number({ error: 'must be a share between 0 and 1, e.g. 0.2' })
    .gt(0, 'must be above 0')
    .max(0.5, 'hold out at most half')
    .optional(),
});

export const command: Command = {
  name: 'calibrate',
  summary: 'Fit health weights, curves and bands to historical outcomes; write settings',
  usage,
  async run(argv) {
    const parsed = parseFlags(
      argv,
      {
        ...historyOptions,
        out: { type: 'string' },
        holdout: { type: 'string' },
      },
      flags,
    );
    if (!parsed.success) return usageError(parsed.issues, usage);
    const f = parsed.data;
    try {
      checkWritable(f.out);
      if (f.html) checkWritable(f.html);
      const base = await loadSettings(f.settings);
      const history = await readCompactHistory(f.data, f.mapping, f.delimiter);
      const { signals, churned } = history;
      ensureRoom(signals.rows, CALIBRATE_BYTES_PER_ROW, 'calibrate on');
      const bar = progressBar('calibrating');
      const result = calibrateMatrix(signals, churned, base, {
        folds: f.folds,
        seed: f.seed,
        onProgress: bar.update,
      });
      bar.finish();
      if (!result.success) {
        process.stderr.write(
          `csops calibrate: cannot calibrate on this history:\n${result.issues.map((i) => `${i.path}: ${i.message}`).join('\n')}\n`,
        );
        reportRejected(history);
        return 1;
      }
      const report = result.data;
      const holdout =
        f.holdout === undefined
          ? undefined
          : holdoutEvaluationOfMatrix(signals, churned, base, { share: f.holdout, seed: f.seed });

      await writeWhole(f.out, `${JSON.stringify(report.settings, null, 2)}\n`);

      const oofRows = scoredOutcomes(history, report.outOfFold.calibratedScores, report.settings);
      const oofBacktest = backtest(oofRows, report.settings, { folds: f.folds, seed: f.seed });
      if (f.html)
        await writeWhole(f.html, calibrateHtml(report, churned, oofBacktest, holdout, f.data));
      const unscored = report.rows - report.calibrated.scored;
      if (f.json) {
        process.stdout.write(
          `${JSON.stringify({
            rows: history.read,
            scored: report.calibrated.scored,
            unscored,
            rejected: history.rejected.length,
            churned: report.churned,
            folds: report.folds,
            seed: report.seed,
            auc: report.calibrated.auc,
            brier: report.calibrated.brier,
            weights: report.weights,
            bands: report.bands,
            default: {
              ...report.default,
              weights: report.defaultWeights,
              bands: report.defaultBands,
            },
            calibrated: { ...report.calibrated, weights: report.weights, bands: report.bands },
            holdout: holdout ?? null,
            measures: report.measures,
            out: f.out,
            rejectedRows: rejectedRows(history),
          })}\n`,
        );
      } else {
        reportRejected(history);
        process.stdout.write(
          `${countsLine(history.read, report.calibrated.scored, unscored, history.rejected.length)}\n${calibrateText(report, holdout, f.out, oofBacktest)}\n`,
        );
        if (f.html) process.stdout.write(`HTML report written to ${f.html}\n`);
      }
      return 0;
    } catch (e) {
      if (e instanceof InputError) {
        process.stderr.write(`csops calibrate: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  },
};
