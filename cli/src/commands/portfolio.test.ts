import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalReferences, runCaptured, writeSyntheticBook } from '../analytics/testing.js';
import { command } from './portfolio.js';

describe('csops portfolio', () => {
  const book = writeSyntheticBook(300, 5);

  it('prints cohort and renewal-period families apart, with the forecast and its back-tested error', async () => {
    const { code, stdout } = await runCaptured(command.run, [
      '--data',
      book.data,
      '--mapping',
      book.mapping,
      '--json',
    ]);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.rows).toBe(300);
    expect(r.cohort.grr).toBeLessThanOrEqual(1);
    expect(r.cohort.nrr).toBeGreaterThan(r.cohort.grr); // the book has expansion
    expect(r.renewalPeriod.accountsDue).toBe(300);
    expect(r.forecastBasis).toBe('renewals_due_in_period');
    expect(r.forecast.arrDue).toBeCloseTo(r.renewalPeriod.arrDue, 6);
    expect(r.forecastBacktest.folds).toHaveLength(5);
    expect(r.forecastBacktest.meanAbsGrossError).toBeLessThan(0.5);
  });

  it('counts only renewals inside an explicit period as due', async () => {
    const { stdout } = await runCaptured(command.run, [
      '--data',
      book.data,
      '--mapping',
      book.mapping,
      '--json',
      '--from',
      '2024-02-01',
      '--to',
      '2024-03-01',
    ]);
    const r = JSON.parse(stdout);
    expect(r.renewalPeriod.accountsDue).toBeGreaterThan(0);
    expect(r.renewalPeriod.accountsDue).toBeLessThan(300);
    expect(r.cohort.accounts).toBe(300);
  });

  it('writes a self-contained HTML page and labels both denominators in text', async () => {
    const html = join(book.dir, 'portfolio.html');
    const { code, stdout } = await runCaptured(command.run, [
      '--data',
      book.data,
      '--mapping',
      book.mapping,
      '--html',
      html,
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain("denominator: the cohort's starting ARR");
    expect(stdout).toContain('denominator: ARR due for renewal');
    expect(stdout).toContain('expansion rate (share of accounts that expanded)');
    expect(stdout).toContain('expansion ARR rate (expansion ARR over starting ARR)');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('expansion rate (accounts)');
    expect(page).toContain('expansion ARR rate');
    expect(page).toContain('<svg');
    expect(externalReferences(page)).toEqual([]);
  });

  it('refuses --from without --to', async () => {
    const { code, stderr } = await runCaptured(command.run, [
      '--data',
      book.data,
      '--mapping',
      book.mapping,
      '--from',
      '2024-01-01',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('give both --from and --to');
  });
});
