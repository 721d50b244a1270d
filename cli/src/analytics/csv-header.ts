import { open } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { TableError } from './table-error.js';

/** The file's first line (BOM and line ending removed), read without reading the rest. */
export async function firstLine(path: string): Promise<string> {
  const handle = await open(path);
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return text.split('\n', 1)[0]?.replace(/\r$/, '') ?? '';
  } finally {
    await handle.close();
  }
}

const SEPARATORS: [string, string][] = [
  [',', "','"],
  [';', "';'"],
  ['\t', 'tab'],
  ['|', "'|'"],
];

export const delimiterName = (d: string) => SEPARATORS.find(([s]) => s === d)?.[1] ?? `'${d}'`;

/**
 * A header that reads as one column yet holds another separator means the delimiter is wrong;
 * said here, before the rows, where the parser would only report a quoting error further down.
 */
export function checkHeader(line: string, delimiter: string): void {
  let fields: string[];
  try {
    fields = (parse(line, { delimiter, relax_quotes: true }) as string[][])[0] ?? [];
  } catch {
    return; // the parser reports it, with its line
  }
  if (fields.length !== 1) return;
  const other = SEPARATORS.find(([s]) => s !== delimiter && line.includes(s));
  if (!other) return;
  const [separator, name] = other;
  const count = line.split(separator).length;
  throw new TableError(
    `its header reads as one column with the delimiter ${delimiterName(delimiter)}, but it holds ${count} ${name}-separated names ("${line.slice(0, 80)}"): pass --delimiter ${name === 'tab' ? 'tab' : name} (or set "csv": {"delimiter": "${separator === '\t' ? '\\t' : separator}"} in the mapping)`,
  );
}

/** Two columns with one name would make the mapping read whichever came last: refused, named. */
export function checkColumns(header: readonly string[]): void {
  const seen = new Map<string, number[]>();
  header.forEach((name, i) => seen.set(name, [...(seen.get(name) ?? []), i + 1]));
  const repeated = [...seen].filter(([, at]) => at.length > 1);
  if (repeated.length === 0) return;
  throw new TableError(
    `its header repeats ${repeated
      .map(([name, at]) => `"${name}" (columns ${at.join(' and ')})`)
      .join(', ')}: rename the copies so every column has its own name`,
  );
}

const PLAIN: Record<string, string> = {
  INVALID_OPENING_QUOTE:
    'a quote (") appears inside a field that does not start with one; quote the whole field and double the quotes inside it',
  INVALID_CLOSING_QUOTE: 'a quoted field goes on after its closing quote',
  QUOTE_NOT_CLOSED: 'a quoted field is never closed',
};

/** csv-parse's errors in plain words with their line; undefined for errors that are not its own. */
export function explainCsvError(e: unknown, delimiter: string): string | undefined {
  const err = e as { code?: unknown; lines?: unknown; message?: unknown };
  // csv-parse's error codes are bare (INVALID_OPENING_QUOTE) or prefixed (CSV_QUOTE_NOT_CLOSED).
  if (typeof err.code !== 'string' || typeof err.lines !== 'number') return undefined;
  const code = err.code.replace(/^CSV_/, '');
  const plain = PLAIN[code] ?? String(err.message);
  return `line ${String(err.lines)}: ${plain} (the delimiter is ${delimiterName(delimiter)}; if the file uses another, pass --delimiter)`;
}
