import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings } from '@csops/core';
import { describe, expect, it } from 'vitest';
import {
  externalReferences,
  runCaptured,
  writeBackwardsMapping,
  writeSyntheticBook,
} from '../analytics/testing.js';
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

  it('refuses --html into a folder that does not exist, before reading anything', async () => {
    const html = join(book.dir, 'missing', 'report.html');
    const { code, stdout, stderr } = await runCaptured(command.run, [
      '--data',
      join(book.dir, 'no-such-export.csv'),
      '--mapping',
      book.mapping,
      '--html',
      html,
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `csops backtest: cannot write ${html}: the folder ${join(book.dir, 'missing')} does not exist\n`,
    );
  });

  it('refuses an export whose header names a column twice', async () => {
    const [header, ...rest] = readFileSync(book.data, 'utf8').split('\n');
    const path = join(book.dir, 'twice.csv');
    writeFileSync(path, [`${header},csat`, ...rest.map((r) => (r ? `${r},1` : r))].join('\n'));
    const { code, stderr } = await runCaptured(command.run, [
      '--data',
      path,
      '--mapping',
      book.mapping,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('its header repeats "csat" (columns 11 and 12)');
  });

  it('reads a semicolon export with --delimiter', async () => {
    const path = join(book.dir, 'semicolons.csv');
    writeFileSync(path, readFileSync(book.data, 'utf8').replaceAll(',', ';'));
    const wrong = await runCaptured(command.run, ['--data', path, '--mapping', book.mapping]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("pass --delimiter ';'");
    const right = await runCaptured(command.run, [
      '--data',
      path,
      '--mapping',
      book.mapping,
      '--delimiter',
      ';',
    ]);
    expect(right.code).toBe(0);
    expect(right.stdout).toContain('rows read 400 = scored 400');
  });

  it('shows the share of all accounts flagged beside the churn captured', async () => {
    const { stdout } = await runCaptured(command.run, [
      '--data',
      book.data,
      '--mapping',
      book.mapping,
    ]);
    expect(stdout).toMatch(
      /Churned accounts flagged red or yellow: \d+ of \d+ \(\d+\.\d%\), while \d+ of all 400 accounts were flagged \(\d+\.\d%\)/,
    );
    expect(stdout).not.toContain('Warning');
  });

  it('warns, in text and HTML, when the AUC is below 0.5', async () => {
    const html = join(book.dir, 'backwards.html');
    const { code, stdout } = await runCaptured(command.run, [
      '--data',
      book.data,
      '--mapping',
      writeBackwardsMapping(book),
      '--html',
      html,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /Warning: the AUC 0\.[0-4]\d\d is below 0\.5: the model ranks accounts backwards/,
    );
    expect(readFileSync(html, 'utf8')).toContain('ranks accounts backwards');
    expect(readFileSync(html, 'utf8')).toContain('all accounts flagged');
  });
});
