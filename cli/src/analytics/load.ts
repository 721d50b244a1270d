import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  defaultSettings,
  formatIssues,
  issuesFromZod,
  parseSettings,
  type Settings,
} from '@csops/core';
import { mappingSchema, type Mapping } from './mapping-schema.js';
import { mappedColumns, mapRows, type MappedHistory } from './map-rows.js';
import { readTable } from './read-table.js';

/** A problem that stops the run before any row is read (unreadable file, invalid mapping). */
export class InputError extends Error {}

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

/** Reads an export and maps it onto snapshots with outcomes. */
export async function loadHistory(dataPath: string, mapping: Mapping): Promise<MappedHistory> {
  const text = await readText(dataPath, 'data file');
  const format = extname(dataPath).toLowerCase() === '.json' ? 'json' : 'csv';
  let table;
  try {
    table = readTable(text, format, mapping.csv?.delimiter);
  } catch (e) {
    throw new InputError(`cannot parse ${dataPath}: ${(e as Error).message}`);
  }
  if (format === 'csv') {
    const missing = mappedColumns(mapping).filter((c) => !table.columns.includes(c.column));
    if (missing.length > 0) {
      throw new InputError(
        `the mapping reads columns that ${dataPath} does not have:\n${missing
          .map((m) => `${m.field}: column "${m.column}" not found`)
          .join('\n')}\n(columns: ${table.columns.join(', ')})`,
      );
    }
  }
  return mapRows(table, mapping);
}
