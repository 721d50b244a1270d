import { parse } from 'csv-parse/sync';

/** One input row: its cells by column name and where it came from, for error messages. */
export interface TableRow {
  cells: Record<string, unknown>;
  /** "line 12" for CSV, "record 3" for JSON. */
  location: string;
  /** A problem with the row's shape (e.g. a missing column); such rows are rejected, not dropped. */
  problem?: string;
}

export interface Table {
  columns: string[];
  rows: TableRow[];
}

/** Reads a CSV (RFC 4180, header row) or a JSON array of flat objects. Throws only if the file as a whole cannot be read. */
export function readTable(text: string, format: 'csv' | 'json', delimiter = ','): Table {
  return format === 'json' ? readJson(text) : readCsv(text, delimiter);
}

interface CsvRecord {
  record: Record<string, string | undefined>;
  info: { lines: number; error?: { code: string } };
}

function readCsv(text: string, delimiter: string): Table {
  let header: string[] = [];
  const records = parse(text, {
    bom: true,
    delimiter,
    columns: (h: string[]) => (header = h.map((c) => c.trim())),
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as CsvRecord[];
  return {
    columns: header,
    rows: records.map((r) => ({
      cells: r.record,
      location: `line ${r.info.lines}`,
      ...(r.info.error
        ? {
            problem: `has ${Object.values(r.record).filter((v) => v !== undefined).length} fields where the header has ${header.length}`,
          }
        : {}),
    })),
  };
}

function readJson(text: string): Table {
  const data: unknown = JSON.parse(text);
  const list = Array.isArray(data) ? data : undefined;
  if (!list) throw new Error('a JSON export must be an array of objects, one per snapshot');
  const columns = new Set<string>();
  const rows = list.map((item: unknown, i): TableRow => {
    const location = `record ${i + 1}`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      return { cells: {}, location, problem: 'is not an object' };
    }
    Object.keys(item).forEach((k) => columns.add(k));
    return { cells: item as Record<string, unknown>, location };
  });
  return { columns: [...columns], rows };
}
