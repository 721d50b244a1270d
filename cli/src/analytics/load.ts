import { readFile } from 'node:fs/promises';
import {
  defaultSettings,
  formatIssues,
  issuesFromZod,
  parseSettings,
  type HistoricalRecord,
  type Settings,
} from '@csops/core';
import { InputError } from './input-error.js';
import { mappingSchema, type Mapping } from './mapping-schema.js';
import { mappedColumns, mapRow, type MappedHistory } from './map-rows.js';
import { memoryGuard } from './memory-guard.js';
import { formatOf, readTable } from './read-table.js';
import { TableError } from './table-error.js';

export { InputError };

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read the ${what} ${path}: ${(e as Error).message}`);
  }
}

async function readJsonFile(path: string, what: string): Promise<unknown> {
  const text = await readText(path, what);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new InputError(`the ${what} ${path} is not valid JSON: ${(e as Error).message}`);
  }
}

export async function loadMapping(path: string): Promise<Mapping> {
  const parsed = mappingSchema.safeParse(await readJsonFile(path, 'mapping file'));
  if (!parsed.success) {
    throw new InputError(
      `the mapping file ${path} is invalid:\n${formatIssues(issuesFromZod(parsed.error))}`,
    );
  }
  return parsed.data;
}

export async function loadSettings(path: string | undefined): Promise<Settings> {
  if (!path) return defaultSettings();
  const parsed = parseSettings(await readJsonFile(path, 'settings file'));
  if (!parsed.success) {
    throw new InputError(`the settings file ${path} is invalid:\n${formatIssues(parsed.issues)}`);
  }
  return parsed.data;
}

/** What reading an export leaves besides the accepted rows: how many were read, which were refused. */
export type ReadCounts = Omit<MappedHistory, 'records'>;

/**
 * Streams an export through the mapping, handing each accepted row to `accept` as soon as it is
 * mapped; nothing else of the row is kept, so what stays in memory is whatever `accept` keeps.
 */
export async function streamHistory(
  dataPath: string,
  mapping: Mapping,
  accept: (record: HistoricalRecord) => void,
  delimiter = mapping.csv?.delimiter,
): Promise<ReadCounts> {
  const counts: ReadCounts = { read: 0, rejected: [] };
  const guard = memoryGuard();
  const sink = {
    columns: (columns: string[]) => {
      const missing = mappedColumns(mapping).filter((c) => !columns.includes(c.column));
      if (missing.length === 0) return;
      throw new InputError(
        `the mapping reads columns that ${dataPath} does not have:\n${missing
          .map((m) => `${m.field}: column "${m.column}" not found`)
          .join('\n')}\n(columns: ${columns.join(', ')})`,
      );
    },
    row: (row: Parameters<typeof mapRow>[0]) => {
      counts.read++;
      const result = mapRow(row, mapping);
      if ('errors' in result)
        counts.rejected.push({ location: row.location, errors: result.errors });
      else accept(result.record);
      guard(counts.read, row.location);
    },
  };
  try {
    await readTable(dataPath, formatOf(dataPath), sink, delimiter);
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof TableError) throw new InputError(`cannot read ${dataPath}: ${e.message}`);
    if (typeof (e as NodeJS.ErrnoException).syscall === 'string') {
      throw new InputError(`cannot read the data file ${dataPath}: ${(e as Error).message}`);
    }
    throw e;
  }
  return counts;
}

/** Reads an export and maps it onto snapshots with outcomes, every accepted row kept whole. */
export async function loadHistory(
  dataPath: string,
  mapping: Mapping,
  delimiter?: string,
): Promise<MappedHistory> {
  const records: HistoricalRecord[] = [];
  const counts = await streamHistory(dataPath, mapping, (r) => records.push(r), delimiter);
  return { ...counts, records };
}
