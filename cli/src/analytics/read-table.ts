import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { checkColumns, checkHeader, explainCsvError, firstLine } from './csv-header.js';
import { TableError } from './table-error.js';

/** One input row: its cells by column name and where it came from, for error messages. */
export interface TableRow {
  cells: Record<string, unknown>;
  /** "line 12" for CSV and JSON Lines, "record 3" for a JSON array. */
  location: string;
  /** A problem with the row's shape (e.g. a missing column); such rows are rejected, not dropped. */
  problem?: string;
}

export type TableFormat = 'csv' | 'json' | 'jsonl';

/** A JSON array has to be parsed whole, so its size is capped; CSV and JSON Lines stream. */
export const JSON_ARRAY_LIMIT_MB = 64;

export function formatOf(path: string): TableFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  return lower.endsWith('.json') ? 'json' : 'csv';
}

export interface TableSink {
  /** The CSV header, before any row; may throw to stop before any row is read. */
  columns?: (columns: string[]) => void;
  row: (row: TableRow) => void;
}

/**
 * Reads a CSV (RFC 4180, header row), a JSON array of flat objects or JSON Lines, handing each
 * row to the sink as it is parsed and keeping none of them, so the file never has to fit in memory.
 */
export async function readTable(
  path: string,
  format: TableFormat,
  sink: TableSink,
  delimiter = ',',
): Promise<void> {
  if (format === 'json') return readJsonArray(path, sink);
  if (format === 'jsonl') return readJsonLines(path, sink);
  return readCsv(path, delimiter, sink);
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

async function readCsv(path: string, delimiter: string, sink: TableSink): Promise<void> {
  // Checked on the first line alone: a wrong delimiter often fails later with a quoting error.
  checkHeader(await firstLine(path), delimiter);
  const parser = parse({
    bom: true,
    delimiter,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  createReadStream(path)
    .on('error', (e) => parser.destroy(e))
    .pipe(parser);
  let header: string[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<CsvRecord>) {
      if (!header) {
        header = record.map((c) => c.trim());
        checkColumns(header);
        sink.columns?.(header);
        continue;
      }
      const cells: Record<string, string> = {};
      const n = Math.min(record.length, header.length);
      for (let i = 0; i < n; i++) cells[header[i] as string] = record[i] as string;
      sink.row({
        cells,
        location: `line ${info.lines}`,
        ...(record.length !== header.length
          ? { problem: `has ${record.length} fields where the header has ${header.length}` }
          : {}),
      });
    }
  } catch (e) {
    const explained = explainCsvError(e, delimiter);
    if (explained) throw new TableError(explained);
    throw e;
  }
}

async function readJsonArray(path: string, sink: TableSink): Promise<void> {
  const megabytes = (await stat(path)).size / 1e6;
  if (megabytes > JSON_ARRAY_LIMIT_MB) {
    throw new TableError(
      `it is a ${megabytes.toFixed(0)} MB JSON array, and a JSON array is read whole, so it can be at most ${JSON_ARRAY_LIMIT_MB} MB; export CSV or JSON Lines (.jsonl, one object per line) instead, which are read row by row`,
    );
  }
  const handle = await open(path);
  let data: unknown;
  try {
    data = JSON.parse(await handle.readFile('utf8'));
  } catch (e) {
    throw new TableError(`it is not valid JSON: ${(e as Error).message}`);
  } finally {
    await handle.close();
  }
  if (!Array.isArray(data)) {
    throw new TableError('a JSON export must be an array of objects, one per snapshot');
  }
  data.forEach((item: unknown, i) => sink.row(jsonRow(item, `record ${i + 1}`)));
}

async function readJsonLines(path: string, sink: TableSink): Promise<void> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch (e) {
      sink.row({
        cells: {},
        location: `line ${n}`,
        problem: `is not valid JSON (${(e as Error).message})`,
      });
      continue;
    }
    sink.row(jsonRow(item, `line ${n}`));
  }
}

function jsonRow(item: unknown, location: string): TableRow {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    return { cells: {}, location, problem: 'is not an object' };
  }
  return { cells: item as Record<string, unknown>, location };
}
