import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSettings } from '@csops/core';
import { describe, expect, it } from 'vitest';
import {
  externalReferences,
  runCaptured,
  writeBackwardsMapping,
  writeSyntheticBook,
} from '../analytics/testing.js';
import { command as backtest } from './backtest.js';
import { command } from './calibrate.js';

describe('csops calibrate', () => {
  const book = writeSyntheticBook(600, 3);

  it('writes settings every face accepts and reports cross-validated AUC and weights as JSON', async () => {
    const out = join(book.dir, 'calibrated.json');
    const { code, stdout } = await runCaptured(command.run, [
      '--data',
      book.data,
      '--mapping',
      book.mapping,
      '--out',
      out,
      '--json',
      '--folds',
      '4',
      '--seed',
      '9',
      '--holdout',
      '0.25',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.rows).toBe(600);
    expect(report.folds).toBe(4);
    expect(report.auc).toBeGreaterThan(report.default.auc);
    expect(report.brier).toBeLessThan(0.25);
    const weights = Object.values(report.weights) as number[];
    expect(weights.every((w) => w >= 0)).toBe(true);
    expect(weights.reduce((s, w) => s + w, 0)).toBe(100);
    expect(report.weights.usage).toBeGreaterThan(report.weights.support);
    expect(report.holdout.testRows).toBe(150);
    const saved = parseSettings(JSON.parse(readFileSync(out, 'utf8')));
    expect(saved.success).toBe(true);
  });

  it('produces settings that back-test better than the defaults on the same book', async () => {
    const out = join(book.dir, 'for-backtest.json');
    await runCaptured(command.run, ['--data', book.data, '--mapping', book.mapping, '--out', out]);
    const fresh = writeSyntheticBook(600, 99);
    const base = JSON.parse(
      (
        await runCaptured(backtest.run, [
          '--data',
          fresh.data,
          '--mapping',
          fresh.mapping,
          '--json',
        ])
      ).stdout,
    );
    const tuned = JSON.parse(
      (
        await runCaptured(backtest.run, [
          '--data',
          fresh.data,
          '--mapping',
          fresh.mapping,
          '--settings',
          out,
          '--json',
        ])
      ).stdout,
    );
    // A book it never saw, drawn from the same process.
    expect(tuned.auc).toBeGreaterThan(base.auc);
  });

  it('writes a self-contained HTML page with ROC, reliability, bands and capture', async () => {
    const html = join(book.dir, 'calibrate.html');
    const { code, stdout } = await runCaptured(command.run, [
      '--data',
      book.data,
      '--mapping',
      book.mapping,
      '--out',
      join(book.dir, 's.json'),
      '--html',
      html,
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('calibrated');
    const page = readFileSync(html, 'utf8');
    for (const part of [
      'ROC curve',
      'Reliability',
      'Accounts by calibrated band',
      'by days before renewal',
    ]) {
      expect(page).toContain(part);
    }
    expect(externalReferences(page)).toEqual([]);
  });

  it('refuses a bad --folds value naming the flag', async () => {
    const { code, stderr } = await runCaptured(command.run, [
      '--data',
      book.data,
      '--mapping',
      book.mapping,
      '--out',
      join(book.dir, 'x.json'),
      '--folds',
      '1',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('--folds: use at least 2 folds');
  });

  it('shows capture beside the share of all accounts flagged, and warns of a backwards default', async () => {
    const { code, stdout } = await runCaptured(command.run, [
      '--data',
      book.data,
      '--mapping',
      writeBackwardsMapping(book),
      '--out',
      join(book.dir, 'backwards-settings.json'),
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /Warning: the default settings’ cross-validated AUC 0\.[0-4]\d\d is below 0\.5/,
    );
    // Calibration learns each signal's direction, so the calibrated model is not backwards.
    expect(stdout).not.toContain('the calibrated cross-validated AUC');
    expect(stdout).toMatch(
      /Out of fold, with the calibrated bands\. Churned accounts flagged .* of all 600 accounts were flagged/,
    );
  });
});
