import { spawn } from 'node:child_process';
import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecords } from '../crm/records.js';
import { seedPortal } from '../seed/index.js';
import { DROPPED, FileJournal, JOURNAL, SNAPSHOT } from './journal.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'csops-sandbox-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const AT = '2026-01-05T10:00:00.000Z';

function portalIn(dir: string) {
  const store = seedPortal('empty', 7, new Date(AT));
  const journal = FileJournal.open(dir, store, { fresh: true });
  return { store, journal };
}

function addCompanies(store: ReturnType<typeof portalIn>['store'], names: string[]) {
  return createRecords(
    store,
    store.objectType('companies')!,
    names.map((name) => ({ properties: { name } })),
    AT,
  );
}

function companyNames(dir: string): string[] {
  const loaded = FileJournal.load(dir)!;
  return loaded.store.listRecords('0-2').map((r) => r.properties.name!);
}

describe('sandbox persistence', () => {
  it('keeps every acknowledged write across a restart without a clean close', () => {
    const dir = tempDir();
    const { store } = portalIn(dir);
    addCompanies(store, ['Acme', 'Birch']);
    // No close: the journal alone must carry the writes.
    expect(companyNames(dir)).toEqual(['Acme', 'Birch']);
  });

  it('folds the journal into the snapshot on close and starts from it', () => {
    const dir = tempDir();
    const { store, journal } = portalIn(dir);
    addCompanies(store, ['Acme']);
    journal.close();
    expect(statSync(join(dir, JOURNAL)).size).toBe(0);
    const loaded = FileJournal.load(dir)!;
    const reopened = FileJournal.open(dir, loaded.store, {
      fresh: false,
      seq: loaded.seq,
      bytes: loaded.bytes,
    });
    addCompanies(loaded.store, ['Birch']);
    reopened.close();
    expect(companyNames(dir)).toEqual(['Acme', 'Birch']);
  });

  it('drops a record torn by a crash and keeps everything before it', () => {
    const dir = tempDir();
    const { store } = portalIn(dir);
    addCompanies(store, ['Acme']);
    const goodSize = statSync(join(dir, JOURNAL)).size;
    addCompanies(store, ['Birch']);
    const full = readFileSync(join(dir, JOURNAL));
    writeFileSync(
      join(dir, JOURNAL),
      full.subarray(0, goodSize + Math.floor((full.length - goodSize) / 2)),
    );
    const loaded = FileJournal.load(dir)!;
    expect(loaded.droppedBytes).toBeGreaterThan(0);
    expect(loaded.store.listRecords('0-2').map((r) => r.properties.name)).toEqual(['Acme']);
    // The torn tail is cut off, so the next append starts on a clean line.
    expect(statSync(join(dir, JOURNAL)).size).toBe(goodSize);
  });

  it('refuses a record whose checksum does not match its content', () => {
    const dir = tempDir();
    const { store } = portalIn(dir);
    addCompanies(store, ['Acme']);
    const text = readFileSync(join(dir, JOURNAL), 'utf8');
    writeFileSync(join(dir, JOURNAL), text.replace('Acme', 'Acmf'));
    expect(companyNames(dir)).toEqual([]);
  });

  it('keeps a dropped torn tail aside instead of losing it without a trace', () => {
    const dir = tempDir();
    const { store } = portalIn(dir);
    addCompanies(store, ['Acme']);
    const goodSize = statSync(join(dir, JOURNAL)).size;
    appendFileSync(join(dir, JOURNAL), 'half a rec');
    expect(FileJournal.load(dir)!.droppedBytes).toBe(10);
    expect(readFileSync(join(dir, DROPPED), 'utf8')).toBe('half a rec');
    expect(statSync(join(dir, JOURNAL)).size).toBe(goodSize);
  });

  it('refuses to load a journal damaged in the middle, naming the file and the offset, and changes nothing', () => {
    const dir = tempDir();
    const { store } = portalIn(dir);
    addCompanies(store, ['Acme']);
    const firstEnd = statSync(join(dir, JOURNAL)).size;
    addCompanies(store, ['Birch']);
    addCompanies(store, ['Cedar']);
    addCompanies(store, ['Dune']);
    const text = readFileSync(join(dir, JOURNAL), 'utf8');
    const damaged = text.slice(0, firstEnd) + text.slice(firstEnd).replace('Birch', 'Bxrch');
    writeFileSync(join(dir, JOURNAL), damaged);
    expect(() => FileJournal.load(dir)).toThrow(
      `${join(dir, JOURNAL)} is damaged at byte ${firstEnd} (line 2), and 2 intact records follow it`,
    );
    expect(readFileSync(join(dir, JOURNAL), 'utf8')).toBe(damaged);
  });

  it('refuses a journal whose snapshot is missing rather than reseeding over it', () => {
    const dir = tempDir();
    const { store } = portalIn(dir);
    addCompanies(store, ['Acme']);
    rmSync(join(dir, SNAPSHOT));
    expect(() => FileJournal.load(dir)).toThrow(
      /snapshot\.json is missing, but .*journal\.log holds/,
    );
    expect(statSync(join(dir, JOURNAL)).size).toBeGreaterThan(0);
  });

  it('ignores journal records already folded into the snapshot', () => {
    const dir = tempDir();
    const { store, journal } = portalIn(dir);
    addCompanies(store, ['Acme']);
    const stale = readFileSync(join(dir, JOURNAL), 'utf8');
    journal.compact();
    // A crash between writing the snapshot and emptying the journal leaves old records behind.
    appendFileSync(join(dir, JOURNAL), stale);
    const loaded = FileJournal.load(dir)!;
    expect(loaded.replayed).toBe(0);
    expect(loaded.store.listRecords('0-2')).toHaveLength(1);
  });

  it('refuses a second writer on the same directory, and takes over from a killed one', () => {
    const dir = tempDir();
    const { store, journal } = portalIn(dir);
    expect(() => FileJournal.open(dir, store, { fresh: false })).toThrow(/already open/);
    journal.close();
    writeFileSync(join(dir, 'sandbox.lock'), '999999999');
    const loaded = FileJournal.load(dir)!;
    expect(() =>
      FileJournal.open(dir, loaded.store, { fresh: false, seq: loaded.seq }).close(),
    ).not.toThrow();
  });

  it('survives kill -9 in the middle of writing: every acknowledged record is there', async () => {
    const dir = tempDir();
    const fixture = fileURLToPath(new URL('./crash-writer.fixture.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      const timer = setTimeout(
        () => reject(new Error(`writer did not get going: ${stderr}`)),
        20_000,
      );
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines)
          if (line.startsWith('ack ')) acked.push(...line.slice(4).split(','));
        if (acked.length >= 2_000 && !child.killed) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const loaded = FileJournal.load(dir)!;
    const kept = new Set(loaded.store.listRecords('0-27').map((r) => r.id));
    expect(acked.filter((id) => !kept.has(id))).toEqual([]);
    // Whatever was mid-write is either whole or absent: every kept task has all its properties.
    expect(
      [...loaded.store.listRecords('0-27')].every(
        (r) => r.properties.hs_task_body?.length === 4_000,
      ),
    ).toBe(true);
  });
});
