// Calibration speed on a large synthetic book: import (CSV → snapshots through a mapping), 5-fold
// cross-validated calibration, then a back-test of the calibrated settings. Prints rows/s, seconds
// and peak memory; `--json` prints one {"name","value","unit"} object per line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backtest, calibrateMatrix, defaultSettings, scoreRows, seededRandom } from '@csops/core';
import { compactHistory, scoredOutcomes } from '../src/analytics/compact-history.js';
import { mappingSchema } from '../src/analytics/mapping-schema.js';

const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100_000);
const json = process.argv.includes('--json');

function syntheticCsv(n: number): string {
  const random = seededRandom(2024);
  const lines = ['id,seats,active,prior,adopted,csat,tickets,nps,autopay,tenure,term,arr,churn'];
  for (let i = 0; i < n; i++) {
    const seats = 5 + Math.floor(random() * 200);
    const utilisation = random();
    const active = Math.round(seats * utilisation);
    const prior = Math.max(1, Math.round(active * (0.7 + random() * 0.6)));
    const adopted = Math.floor(random() * 21);
    const csat = Math.round(random() * 100);
    const tickets = Math.floor(random() * 12);
    const nps = Math.round(random() * 200 - 100);
    const autopay = random() < 0.6 ? 'Yes' : 'No';
    const tenure = Math.floor(random() * 72);
    const term = [1, 12, 24][Math.floor(random() * 3)];
    const logit = 1.2 - 2.5 * utilisation - adopted / 15 - tenure / 60 + tickets / 10 - nps / 200;
    const churn = random() < 1 / (1 + Math.exp(-logit)) ? 'Yes' : 'No';
    lines.push(
      `A${i},${seats},${active},${prior},${adopted},${csat},${tickets},${nps},${autopay},${tenure},${term},${seats * 600},${churn}`,
    );
  }
  return lines.join('\n');
}

const mapping = mappingSchema.parse({
  accountId: { column: 'id' },
  asOf: { constant: '2025-01-01' },
  fields: {
    arr: { column: 'arr' },
    'contract.licensedSeats': { column: 'seats' },
    'contract.termMonths': { column: 'term' },
    'contract.startDate': {
      offsetFromAsOf: { column: 'tenure', unit: 'months', direction: 'before' },
    },
    'usage.activeUsers30d': { column: 'active' },
    'usage.activeUsersPrior30d': { column: 'prior' },
    'usage.featuresAdopted': { column: 'adopted' },
    'usage.featuresLicensed': { constant: 20 },
    'support.csat': { column: 'csat' },
    'support.tickets30d': { column: 'tickets' },
    'sentiment.npsLatest': { column: 'nps' },
    'billing.autoPay': { column: 'autopay' },
  },
  outcome: { status: { column: 'churn', values: { Yes: 'churned', No: 'renewed' } } },
});

const dir = mkdtempSync(join(tmpdir(), 'csops-bench-'));
const path = join(dir, 'book.csv');
writeFileSync(path, syntheticCsv(rows));
const t0 = performance.now();
const history = await compactHistory(path, mapping);
const t1 = performance.now();
rmSync(dir, { recursive: true, force: true });
const result = calibrateMatrix(history.signals, history.churned, defaultSettings(), {
  folds: 5,
  seed: 1,
});
const t2 = performance.now();
if (!result.success) throw new Error(JSON.stringify(result.issues));
const t3 = performance.now();
const settings = result.data.settings;
const scored = scoredOutcomes(history, scoreRows(history.signals, settings), settings);
const backtested = backtest(scored, result.data.settings, { folds: 5, seed: 1 });
const t4 = performance.now();
const peakMiB = process.resourceUsage().maxRSS / 1024;

const figures = [
  { name: 'rows', value: history.signals.rows, unit: 'rows' },
  { name: 'import_seconds', value: (t1 - t0) / 1000, unit: 's' },
  { name: 'calibrate_5fold_seconds', value: (t2 - t1) / 1000, unit: 's' },
  { name: 'calibrate_rows_per_second', value: rows / ((t2 - t1) / 1000), unit: 'rows/s' },
  { name: 'import_and_calibrate_seconds', value: (t2 - t0) / 1000, unit: 's' },
  { name: 'backtest_seconds', value: (t4 - t3) / 1000, unit: 's' },
  { name: 'backtest_auc', value: backtested.auc ?? NaN, unit: 'auc' },
  { name: 'peak_rss', value: peakMiB, unit: 'MiB' },
  { name: 'calibrated_cv_auc', value: result.data.calibrated.auc ?? NaN, unit: 'auc' },
  { name: 'default_cv_auc', value: result.data.default.auc ?? NaN, unit: 'auc' },
];
for (const f of figures) {
  const value = Math.round(f.value * 1000) / 1000;
  process.stdout.write(
    json ? `${JSON.stringify({ ...f, value })}\n` : `${f.name.padEnd(28)} ${value} ${f.unit}\n`,
  );
}
