import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable, type TableFormat, type TableRow } from './read-table.js';
import { tableRows } from './testing.js';

const dir = mkdtempSync(join(tmpdir(), 'csops-read-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failure(text: string, format: TableFormat = 'csv', delimiter?: string) {
  const path = join(dir, `bad.${format}`);
  writeFileSync(path, text);
  const rows: TableRow[] = [];
  return readTable(path, format, { row: (r) => rows.push(r) }, delimiter).then(
    () => `read ${rows.length} rows`,
    (e: Error) => e.message,
  );
}

describe('reading an export', () => {
  it('names the real field count of a row that has too many', async () => {
    const rows = await tableRows('a,b,c\n1,2,3\n1,2,3,4,5\n');
    expect(rows[1]!.problem).toBe('has 5 fields where the header has 3');
    expect(rows[1]!.location).toBe('line 3');
    expect(rows[0]!.problem).toBeUndefined();
  });

  it('refuses a header that names a column twice, naming it and where', async () => {
    expect(await failure('id,arr,status,arr\nA,1,x,2\n')).toBe(
      'its header repeats "arr" (columns 2 and 4): rename the copies so every column has its own name',
    );
  });

  it('says the delimiter is wrong, and how to set it, for a semicolon file read with commas', async () => {
    const message = await failure('id;name;status\nA1;"Acme; Inc";churned\n');
    expect(message).toContain('reads as one column');
    expect(message).toContain("3 ';'-separated names");
    expect(message).toContain("--delimiter ';'");
  });

  it('recognises a tab-separated file', async () => {
    expect(await failure('id\tname\nA\tB\n')).toContain('--delimiter tab');
  });

  it('reads a semicolon file when told its delimiter', async () => {
    const rows = await tableRows('id;name\nA1;"Acme; Inc"\n', 'csv', ';');
    expect(rows[0]!.cells).toEqual({ id: 'A1', name: 'Acme; Inc' });
  });

  it('explains a stray quote in plain words with its line', async () => {
    const message = await failure('id,name\nA1,Acme "big" Inc\n');
    expect(message).toContain(
      'line 2: a quote (") appears inside a field that does not start with one',
    );
  });

  it('streams JSON Lines, naming a bad line', async () => {
    const rows = await tableRows('{"id":"A"}\n\n{oops\n[1]\n', 'jsonl');
    expect(rows.map((r) => [r.location, r.problem?.slice(0, 16)])).toEqual([
      ['line 1', undefined],
      ['line 3', 'is not valid JSO'],
      ['line 4', 'is not an object'],
    ]);
  });
});
