import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SF_JOURNAL, SfJournal } from './journal.js';
import { sobject } from './model/sobjects.js';
import { createRecord, updateRecord } from './records.js';
import { seedOrg } from './seed.js';

const NOW = new Date('2026-03-02T09:30:00Z');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the org store', () => {
  it('undoes every write after a savepoint, and journals only what was kept', () => {
    const store = seedOrg('empty', NOW);
    const appended: unknown[][] = [];
    store.attach({ append: (c) => appended.push(c) });
    const ctx = { store, now: () => NOW };
    const kept = createRecord(ctx, sobject('Account')!, { Name: 'Kept' });
    const mark = store.savepoint();
    createRecord(ctx, sobject('Account')!, { Name: 'Undone' });
    updateRecord(ctx, sobject('Account')!, kept.Id, { Name: 'Renamed' });
    store.rollback(mark);
    store.commit();
    expect(store.list('Account').map((a) => a.Name)).toEqual(['Kept']);
    expect(appended).toHaveLength(1);
    expect(appended[0]).toHaveLength(1);
  });

  it('refuses a journal damaged in the middle rather than replay around the hole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csops-sf-store-'));
    dirs.push(dir);
    const store = seedOrg('empty', NOW);
    const journal = SfJournal.open(dir, store, { fresh: true });
    const ctx = { store, now: () => NOW };
    for (const name of ['One', 'Two']) {
      createRecord(ctx, sobject('Account')!, { Name: name });
      store.commit();
    }
    const lines = readFileSync(join(dir, SF_JOURNAL), 'utf8').split('\n');
    journal.close(); // compacts; put the two records back as a crash would have left them
    writeFileSync(join(dir, SF_JOURNAL), `${lines[0]!.replace('One', 'Uno')}\n${lines[1]}\n`);
    expect(() => SfJournal.load(dir)).toThrow(/damaged at byte 0, and intact records follow/);
    writeFileSync(join(dir, SF_JOURNAL), '');
    appendFileSync(join(dir, SF_JOURNAL), 'torn');
    expect(SfJournal.load(dir)?.droppedBytes).toBe(4);
  });
});
