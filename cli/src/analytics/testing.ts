import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, seededRandom } from '@csops/core';
import { vi } from 'vitest';
import { readTable, type TableFormat, type TableRow } from './read-table.js';

/**
 * A synthetic book of accounts for command tests: churn is driven by seat utilisation, renewal
 * dates fall 20–200 days after the snapshot, some healthy accounts expand and some contract.
 */
export function writeSyntheticBook(
  rows: number,
  seed = 7,
): { dir: string; data: string; mapping: string } {
  const dir = mkdtempSync(join(tmpdir(), 'csops-analytics-'));
  const data = join(dir, 'book.csv');
  writeFileSync(data, `${[BOOK_HEADER, ...bookLines(rows, seed)].join('\n')}\n`);
  const mapping = join(dir, 'mapping.json');
  writeFileSync(mapping, JSON.stringify(BOOK_MAPPING));
  return { dir, data, mapping };
}

/** A mapping of the book with its outcomes swapped, so health ranks churn backwards. */
export function writeBackwardsMapping(book: { dir: string; mapping: string }): string {
  const mapping = JSON.parse(readFileSync(book.mapping, 'utf8'));
  mapping.outcome.status.values = { Renewed: 'churned', Churned: 'renewed', Contracted: 'renewed' };
  delete mapping.outcome.arrAfter;
  const path = join(book.dir, 'backwards-mapping.json');
  writeFileSync(path, JSON.stringify(mapping));
  return path;
}

/** The same book, written line by line until the file holds `megabytes` MB, for memory tests. */
export function writeLargeBook(megabytes: number): { dir: string; data: string; mapping: string } {
  const { dir, mapping } = writeSyntheticBook(0);
  const data = join(dir, 'large.csv');
  const fd = openSync(data, 'w');
  let size = writeSync(fd, `${BOOK_HEADER}\n`);
  for (let block = 0; size < megabytes * 1e6; block++) {
    size += writeSync(fd, `${bookLines(10_000, block, `C${block}-`).join('\n')}\n`);
  }
  closeSync(fd);
  return { dir, data, mapping };
}

const BOOK_HEADER =
  'id,company,snapshot_date,renewal_date,arr,arr_after,status,seats,active_users,plan,csat';

const BOOK_MAPPING = {
  accountId: { column: 'id' },
  name: { column: 'company' },
  asOf: { column: 'snapshot_date' },
  fields: {
    arr: { column: 'arr' },
    'contract.renewalDate': { column: 'renewal_date' },
    'contract.licensedSeats': { column: 'seats' },
    'contract.termMonths': { column: 'plan', values: { Monthly: 1, Annual: 12 } },
    'usage.activeUsers30d': { column: 'active_users' },
    'support.csat': { column: 'csat' },
  },
  outcome: {
    status: {
      column: 'status',
      values: { Renewed: 'renewed', Churned: 'churned', Contracted: 'contracted' },
    },
    arrAfter: { column: 'arr_after' },
  },
};

function bookLines(rows: number, seed: number, prefix = 'C'): string[] {
  const random = seededRandom(seed);
  const asOf = '2024-01-01T00:00:00.000Z';
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const seats = 10 + Math.floor(random() * 90);
    const utilisation = random();
    const active = Math.round(seats * utilisation);
    const arr = seats * 1200;
    const churn = random() < 1 / (1 + Math.exp(-(1.5 - 4.5 * utilisation)));
    const contract = !churn && random() < 0.1;
    const expand = !churn && !contract && utilisation > 0.8;
    const after = churn ? 0 : contract ? arr * 0.8 : expand ? arr * 1.2 : arr;
    const status = churn ? 'Churned' : contract ? 'Contracted' : 'Renewed';
    const renewal = addDays(asOf, 20 + Math.floor(random() * 180)).slice(0, 10);
    const csat = Math.round(random() * 100);
    lines.push(
      `${prefix}${i},Company ${i},2024-01-01,${renewal},${arr},${after},${status},${seats},${active},${random() < 0.5 ? 'Annual' : 'Monthly'},${csat}`,
    );
  }
  return lines;
}

/** Runs a command and captures what it printed. */
export async function runCaptured(
  run: (argv: string[]) => Promise<number>,
  argv: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await run(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** A page is self-contained when it loads nothing: no scripts, stylesheets, images or frames from elsewhere. */
export function externalReferences(html: string): string[] {
  return [
    ...html.matchAll(/<(script|link|img|iframe|object|embed)\b|\b(src|href)\s*=|url\(|@import/gi),
  ].map((m) => m[0]);
}

/** The rows readTable yields for a text, written to a temporary file of the given format. */
export async function tableRows(
  text: string,
  format: TableFormat = 'csv',
  delimiter?: string,
): Promise<TableRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'csops-table-'));
  const path = join(dir, `table.${format}`);
  writeFileSync(path, text);
  const rows: TableRow[] = [];
  try {
    await readTable(path, format, { row: (r) => rows.push(r) }, delimiter);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
