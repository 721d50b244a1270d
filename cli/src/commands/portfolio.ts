import { portfolioReport, type RenewalPeriod } from '@csops/core';
import { z } from 'zod';
import type { Command } from '../main.js';
import { checkWritable, writeWhole } from '../analytics/write-whole.js';
import { historyFlags, historyOptions, parseFlags, usageError } from '../analytics/flags.js';
import {
  countsLine,
  readHistory,
  rejectedRows,
  reportRejected,
  scoreHistory,
} from '../analytics/history.js';
import { InputError, loadSettings } from '../analytics/load.js';
import { portfolioHtml, portfolioText } from '../analytics/portfolio-report.js';

const usage = `csops portfolio --data FILE --mapping FILE [--settings FILE] [--json] [--html FILE] [--from DATE --to DATE] [--window-days 365] [--folds 5] [--seed N]

Portfolio analytics over a cohort with outcomes: NRR, GRR, logo retention, churn and expansion
(over the cohort's starting ARR); renewal-period rates (over the ARR due for renewal); the health
distribution; and the renewal forecast by band with its back-tested error.

  --data FILE        CSV or JSON export of snapshots with outcomes
  --mapping FILE     JSON mapping of its columns onto snapshot fields and the outcome
  --settings FILE    settings for the health bands (defaults when omitted)
  --from/--to DATE   renewal period (YYYY-MM-DD); otherwise renewals due within --window-days of each snapshot
  --window-days N    window after each snapshot's date (365)
  --json             print one JSON object instead of text
  --html FILE        also write a self-contained HTML report
  --folds N, --seed N  folds over accounts for the forecast's back-tested error (5, 1)`;

const date = z.iso.date('use YYYY-MM-DD');
const flags = z
  .object({
    ...historyFlags,
    from: date.optional(),
    to: date.optional(),
    'window-days': z.coerce
      .number({ error: 'must be a number of days' })
      .int()
      .min(1)
      .max(3650)
      .default(365),
  })
  .refine((f) => (f.from === undefined) === (f.to === undefined), {
    message: 'give both --from and --to',
    path: ['to'],
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, {
    message: 'must be after --from',
    path: ['to'],
  });

export const command: Command = {
  name: 'portfolio',
  summary: 'NRR, GRR, logo retention, renewal rates, health distribution and renewal forecast',
  usage,
  async run(argv) {
    const parsed = parseFlags(
      argv,
      {
        ...historyOptions,
        from: { type: 'string' },
        to: { type: 'string' },
        'window-days': { type: 'string' },
      },
      flags,
    );
    if (!parsed.success) return usageError(parsed.issues, usage);
    const f = parsed.data;
    try {
      if (f.html) checkWritable(f.html);
      const settings = await loadSettings(f.settings);
      const history = await readHistory(f.data, f.mapping, f.delimiter);
      const rows = scoreHistory(history.records, settings);
      const period: RenewalPeriod =
        f.from && f.to
          ? { from: `${f.from}T00:00:00Z`, to: `${f.to}T00:00:00Z` }
          : { withinDaysOfAsOf: f['window-days'] };
      const report = portfolioReport(rows, { period, folds: f.folds, seed: f.seed });
      const scored = rows.filter((r) => r.score !== null).length;
      const churned = rows.filter((r) => r.status === 'churned').length;
      if (f.html) await writeWhole(f.html, portfolioHtml(report, f.data));
      if (f.json) {
        process.stdout.write(
          `${JSON.stringify({
            rows: history.read,
            scored,
            unscored: rows.length - scored,
            rejected: history.rejected.length,
            churned,
            ...report,
            rejectedRows: rejectedRows(history),
          })}\n`,
        );
      } else {
        reportRejected(history);
        process.stdout.write(
          `${countsLine(history.read, scored, rows.length - scored, history.rejected.length)}; churned ${churned}\n\n${portfolioText(report)}\n`,
        );
        if (f.html) process.stdout.write(`\nHTML report written to ${f.html}\n`);
      }
      return 0;
    } catch (e) {
      if (e instanceof InputError) {
        process.stderr.write(`csops portfolio: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  },
};
