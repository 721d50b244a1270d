import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { CrmStore } from './store.js';
import type { ChangeSink, StoreSnapshot } from './store.js';
import type { Change } from './types.js';

/**
 * Crash-safe persistence: a snapshot replaced atomically (temp file, fsync, rename) plus an
 * append-only journal of checksummed records, one per request. A request's record reaches the
 * OS before its response is sent, so a killed process loses nothing it acknowledged; a record
 * torn by a crash fails its checksum and is dropped on replay, with everything before it kept.
 */
export class FileJournal implements ChangeSink {
  private seq: number;
  private bytes: number;
  private fd: number;
  private syncTimer: NodeJS.Timeout | undefined;
  private store: CrmStore | undefined;
  private closed = false;

  private constructor(
    private readonly dir: string,
    seq: number,
    bytes: number,
    private readonly compactAtBytes: number,
  ) {
    this.seq = seq;
    this.bytes = bytes;
    this.fd = openSync(join(dir, JOURNAL), 'a');
  }

  /** One writer per data directory: two would interleave journals and lose each other's writes. */
  private static lock(dir: string): void {
    const key = resolve(dir);
    const path = join(dir, LOCK);
    if (openHere.has(key))
      throw new Error(`${dir} is already open in this process; close that sandbox first`);
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(path, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `${dir} is in use by another csops sandbox (pid ${holder}); stop it, or give a different --data-dir`,
        );
      }
      // The holder is gone (a killed process): take the directory over.
      writeFileSync(path, String(process.pid));
    }
    openHere.add(key);
  }

  private unlock(): void {
    openHere.delete(resolve(this.dir));
    rmSync(join(this.dir, LOCK), { force: true });
  }

  /**
   * Loads the portal in `dir`, or answers `undefined` when there is none yet. Never silent about
   * loss: a record torn by a crash at the end is dropped and kept aside in journal.log.dropped; a
   * damaged record with intact ones after it, or a journal without its snapshot, refuses to load.
   */
  static load(
    dir: string,
  ):
    | { store: CrmStore; seq: number; replayed: number; droppedBytes: number; bytes: number }
    | undefined {
    const snapshotPath = join(dir, SNAPSHOT);
    const journalPath = join(dir, JOURNAL);
    if (!existsSync(snapshotPath)) {
      if (existsSync(journalPath) && statSync(journalPath).size > 0) {
        throw new Error(
          `${snapshotPath} is missing, but ${journalPath} holds ${statSync(journalPath).size} bytes of changes made after it. Restore ${SNAPSHOT}, or start with --reset to reseed the sandbox (which discards both).`,
        );
      }
      return undefined;
    }
    const snapshot = readSnapshot(snapshotPath);
    const store = CrmStore.fromSnapshot(snapshot.store);
    let seq = snapshot.seq;
    let replayed = 0;
    let good = 0;
    let total = 0;
    if (existsSync(journalPath)) {
      const buf = readFileSync(journalPath);
      total = buf.length;
      let start = 0;
      let line = 1;
      while (start < buf.length) {
        const end = buf.indexOf(0x0a, start);
        if (end < 0) break;
        const record = parseRecord(buf.subarray(start, end).toString('utf8'));
        if (!record) {
          const after = intactRecordsFrom(buf, end + 1);
          if (after > 0) {
            throw new Error(
              `${journalPath} is damaged at byte ${start} (line ${line}), and ${after} intact record${after === 1 ? '' : 's'} follow it that cannot be replayed without it. Nothing was changed. Move ${JOURNAL} aside to start from the last snapshot, or start with --reset to reseed the sandbox.`,
            );
          }
          break;
        }
        if (record.s > seq) {
          for (const c of record.c) store.apply(c);
          seq = record.s;
          replayed++;
        }
        start = end + 1;
        good = start;
        line++;
      }
      if (good < total) {
        writeFileSync(join(dir, DROPPED), buf.subarray(good));
        const fd = openSync(journalPath, 'r+');
        ftruncateSync(fd, good);
        fsyncSync(fd);
        closeSync(fd);
      }
    }
    return { store, seq, replayed, droppedBytes: total - good, bytes: good };
  }

  /** Opens `dir` for writing, starting from `store` (a fresh seed, or what `load` returned). */
  static open(
    dir: string,
    store: CrmStore,
    opts: { fresh: boolean; seq?: number; bytes?: number; compactAtBytes?: number },
  ): FileJournal {
    mkdirSync(dir, { recursive: true });
    FileJournal.lock(dir);
    if (opts.fresh) rmSync(join(dir, JOURNAL), { force: true });
    const journal = new FileJournal(
      dir,
      opts.seq ?? 0,
      opts.fresh ? 0 : (opts.bytes ?? 0),
      opts.compactAtBytes ?? 64 * 1024 * 1024,
    );
    journal.store = store;
    if (opts.fresh) journal.compact();
    store.attach(journal);
    return journal;
  }

  append(changes: Change[]): void {
    if (this.closed) throw new Error('the sandbox store is closed');
    this.seq++;
    const line = encodeRecord({ s: this.seq, c: changes });
    writeSync(this.fd, line);
    this.bytes += Buffer.byteLength(line);
    this.scheduleSync();
    if (this.bytes >= this.compactAtBytes) this.compact();
  }

  /** Folds the journal into a new snapshot and empties it. */
  compact(): void {
    if (!this.store) return;
    const snapshotPath = join(this.dir, SNAPSHOT);
    const tmp = `${snapshotPath}.tmp`;
    const body = JSON.stringify({ seq: this.seq, store: this.store.toSnapshot() });
    const fd = openSync(tmp, 'w');
    writeSync(fd, `${digest(body)}\n${body}`);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, snapshotPath);
    syncDir(this.dir);
    // Records up to `seq` are now in the snapshot; a crash before this truncation only leaves
    // records replay skips by sequence number.
    ftruncateSync(this.fd, 0);
    fsyncSync(this.fd);
    this.bytes = 0;
  }

  close(): void {
    if (this.closed) return;
    if (this.syncTimer) clearTimeout(this.syncTimer);
    this.compact();
    closeSync(this.fd);
    this.closed = true;
    this.store?.attach(undefined);
    this.unlock();
  }

  /** Disk durability (power loss) is batched; process crashes are already covered by writeSync. */
  private scheduleSync(): void {
    if (this.syncTimer) return;
    this.syncTimer = setTimeout(() => {
      this.syncTimer = undefined;
      if (!this.closed) fsyncSync(this.fd);
    }, 1_000);
    this.syncTimer.unref();
  }
}

export const SNAPSHOT = 'snapshot.json';
export const JOURNAL = 'journal.log';
/** Where a torn tail dropped on load is kept, for anyone who wants to look at it. */
export const DROPPED = 'journal.log.dropped';
const LOCK = 'sandbox.lock';
const openHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface JournalRecord {
  s: number;
  c: Change[];
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function encodeRecord(record: JournalRecord): string {
  const json = JSON.stringify(record);
  return `${digest(json)} ${json}\n`;
}

function parseRecord(line: string): JournalRecord | undefined {
  const space = line.indexOf(' ');
  if (space !== 16) return undefined;
  const json = line.slice(17);
  if (digest(json) !== line.slice(0, 16)) return undefined;
  try {
    const parsed = JSON.parse(json) as JournalRecord;
    return typeof parsed.s === 'number' && Array.isArray(parsed.c) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** How many whole, intact records the journal holds from byte `from` on. */
function intactRecordsFrom(buf: Buffer, from: number): number {
  let count = 0;
  for (let start = from; start < buf.length;) {
    const end = buf.indexOf(0x0a, start);
    if (end < 0) break;
    if (parseRecord(buf.subarray(start, end).toString('utf8'))) count++;
    start = end + 1;
  }
  return count;
}

function readSnapshot(path: string): { seq: number; store: StoreSnapshot } {
  const text = readFileSync(path, 'utf8');
  const nl = text.indexOf('\n');
  const body = text.slice(nl + 1);
  if (nl !== 16 || digest(body) !== text.slice(0, 16)) {
    throw new Error(
      `${path} is damaged (checksum mismatch); start with --reset to reseed the sandbox`,
    );
  }
  return JSON.parse(body) as { seq: number; store: StoreSnapshot };
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    // Some filesystems refuse fsync on directories; the rename itself is still atomic.
  }
}
