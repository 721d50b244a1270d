import { backtest, scoreRows } from '@csops/core';
import { z } from 'zod';
import type { Command } from '../main.js';
import { checkWritable, writeWhole } from '../analytics/write-whole.js';
import { backtestHtml, backtestText } from '../analytics/backtest-report.js';
import { historyFlags, historyOptions, parseFlags, usageError } from '../analytics/flags.js';
import { readCompactHistory, scoredOutcomes } from '../analytics/compact-history.js';
import { countsLine, rejectedRows, reportRejected } from '../analytics/history.js';
import { InputError, loadSettings } from '../analytics/load.js';
import { ensureRoom } from '../analytics/memory-guard.js';

/** Heap the back-test takes per row beyond the rows as read (measured: 130–290 bytes on 110,000 rows). */
const BACKTEST_BYTES_PER_ROW = 300;

const usage = `csops backtest --data FILE --mapping FILE [--settings FILE] [--json] [--html FILE] [--folds 5] [--seed N]

Scores every historical snapshot with the settings (defaults when none) and reports how well
health foresaw the outcome: AUC, Brier score, churn flagged red/yellow, confusion by band,
capture by days before renewal (when the data has renewal dates) and the 20 worst misses.

  --data FILE      CSV or JSON export of snapshots with outcomes
  --mapping FILE   JSON mapping of its columns onto snapshot fields and the outcome
  --settings FILE  settings JSON (any version parseSettings reads); defaults when omitted
  --json           print one JSON object instead of text
  --html FILE      also write a self-contained HTML report
  --folds N        folds for the cross-fitted churn probability behind the Brier score (5)
  --seed N         seed for those folds (1)`;

const flags = z.object({
  ...historyFlags,
});

export const command: Command = {
  name: 'backtest',
  summary: 'Back-test the health model on historical outcomes (AUC, Brier, capture, misses)',
  usage,
  async run(argv) {
    const parsed = parseFlags(
      argv,
      {
        ...historyOptions,
      },
      flags,
    );
    if (!parsed.success) return usageError(parsed.issues, usage);
    const f = parsed.data;
    try {
      if (f.html) checkWritable(f.html);
      const settings = await loadSettings(f.settings);
      const history = await readCompactHistory(f.data, f.mapping, f.delimiter);
      ensureRoom(history.signals.rows, BACKTEST_BYTES_PER_ROW, 'back-test');
      const rows = scoredOutcomes(history, scoreRows(history.signals, settings), settings);
      const report = backtest(rows, settings, { folds: f.folds, seed: f.seed });
      const rejected = history.rejected.length;
      if (f.html) await writeWhole(f.html, backtestHtml(report, settings, f.data));
      if (f.json) {
        process.stdout.write(
          `${JSON.stringify({
            rows: history.read,
            scored: report.scored,
            unscored: report.unscored,
            rejected,
            churned: report.churned,
            auc: report.auc,
            brier: report.brier,
            probabilityMethod: report.probabilityMethod,
            flagged: report.flagged,
            confusion: report.confusion,
            capture: report.capture,
            worstMisses: report.worstMisses,
            roc: report.roc,
            reliability: report.reliability,
            rejectedRows: rejectedRows(history),
          })}\n`,
        );
      } else {
        reportRejected(history);
        process.stdout.write(
          `${countsLine(history.read, report.scored, report.unscored, rejected)}; churned ${report.churned}\n${backtestText(report, settings)}\n`,
        );
        if (f.html) process.stdout.write(`\nHTML report written to ${f.html}\n`);
      }
      return 0;
    } catch (e) {
      if (e instanceof InputError) {
        process.stderr.write(`csops backtest: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  },
};
