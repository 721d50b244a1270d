import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings } from '@csops/core';
import { describe, expect, it } from 'vitest';
import { externalReferences, runCaptured, writeSyntheticBook } from '../analytics/testing.js';
import { command } from './backtest.js';

const fixtures = new URL('../analytics/fixtures/', import.meta.url).pathname;

describe('csops backtest', () => {
  const book = writeSyntheticBook(400);

  it('prints one JSON object with the rows, churn, AUC and Brier score', async () => {
    const { code, stdout } = await runCaptured(command.run, [
      '--data',
      book.data,
      '--mapping',
      book.mapping,
      '--json',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.rows).toBe(400);
    expect(report.scored + report.unscored + report.rejected).toBe(400);
    expect(report.churned).toBeGreaterThan(50);
    // Default settings read seat utilisation, the signal churn was planted on.
    expect(report.auc).toBeGreaterThan(0.7);
    expect(report.brier).toBeGreaterThan(0);
    expect(report.brier).toBeLessThan(0.25);
    expect(report.confusion.map((c: { band: string }) => c.band)).toEqual([
      'green',
      'yellow',
      'red',
    ]);
    expect(report.capture.map((c: { leadDays: number }) => c.leadDays)).toEqual([180, 120, 90, 30]);
    expect(report.worstMisses.length).toBeLessThanOrEqual(20);
  });

  it('writes a self-contained HTML page with its charts', async () => {
    const html = join(book.dir, 'backtest.html');
    const { code, stdout } = await runCaptured(command.run, [
      '--data',
      book.data,
      '--mapping',
      book.mapping,
      '--html',
      html,
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('AUC');
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('ROC curve');
    expect(page).toContain('Reliability');
    expect(page).toContain('by days before renewal');
    expect((page.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(externalReferences(page)).toEqual([]);
  });

  it('counts rejected rows and lists them by line', async () => {
    const { code, stdout, stderr } = await runCaptured(command.run, [
      '--data',
      join(fixtures, 'accounts.csv'),
      '--mapping',
      join(fixtures, 'accounts-mapping.json'),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('rows read 8 = scored 5 + unscored 0 + rejected 3');
    expect(stderr).toContain('line 7: asOf (column snapshot_date)');
    expect(stderr).toContain('line 8: outcome.status');
  });

  it('refuses a missing flag with a message naming it', async () => {
    const { code, stderr } = await runCaptured(command.run, ['--data', book.data]);
    expect(code).toBe(2);
    expect(stderr).toContain('--mapping FILE is required');
  });

  it('refuses a mapping that reads a column the data lacks, before reading rows', async () => {
    const mapping = JSON.parse(readFileSync(book.mapping, 'utf8'));
    mapping.fields['support.openTickets'] = { column: 'open_tickets' };
    const path = join(book.dir, 'wider-mapping.json');
    writeFileSync(path, JSON.stringify(mapping));
    const { code, stderr } = await runCaptured(command.run, [
      '--data',
      book.data,
      '--mapping',
      path,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('support.openTickets: column "open_tickets" not found');
  });
  it('refuses invalid settings with a message per field', async () => {
    const path = join(book.dir, 'bad-settings.json');
    writeFileSync(path, JSON.stringify({ ...defaultSettings(), bands: { green: 40, yellow: 60 } }));
    const { code, stderr } = await runCaptured(command.run, [
      '--data',
      book.data,
      '--mapping',
      book.mapping,
      '--settings',
      path,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('bands.green: Green from score must be above Yellow from score');
  });
});
