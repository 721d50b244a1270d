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
import { join } from 'node:path';
import { SfStore } from './store.js';
import type { SfChange, SfChangeSink, SfSnapshot } from './store.js';

export const SF_SNAPSHOT = 'salesforce-snapshot.json';
export const SF_JOURNAL = 'salesforce-journal.log';
export const SF_DROPPED = 'salesforce-journal.log.dropped';
const LOCK = 'salesforce.lock';

/**
 * The HubSpot sandbox's crash-safety, for the Salesforce org: a checksummed snapshot replaced
 * atomically (temp file, fsync, rename) and an append-only journal of checksummed records, one per
 * request, written before the response is sent. A record torn by a crash fails its checksum and is
 * dropped on load (kept aside), with everything before it kept.
 */
export class SfJournal implements SfChangeSink {
  private fd: number;
  private seq: number;
  private closed = false;
  private syncTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly dir: string,
    private readonly store: SfStore,
    seq: number,
    fresh: boolean,
  ) {
    this.seq = seq;
    if (fresh) rmSync(join(dir, SF_JOURNAL), { force: true });
    this.fd = openSync(join(dir, SF_JOURNAL), 'a');
    if (fresh) this.compact();
    store.attach(this);
  }

  static open(dir: string, store: SfStore, opts: { fresh: boolean; seq?: number }): SfJournal {
    mkdirSync(dir, { recursive: true });
    lock(dir);
    return new SfJournal(dir, store, opts.seq ?? 0, opts.fresh);
  }

  /** The org kept in `dir`, or undefined when there is none yet. */
  static load(dir: string): { store: SfStore; seq: number; droppedBytes: number } | undefined {
    const snapshotPath = join(dir, SF_SNAPSHOT);
    const journalPath = join(dir, SF_JOURNAL);
    if (!existsSync(snapshotPath)) {
      if (existsSync(journalPath) && statSync(journalPath).size > 0)
        throw new Error(
          `${snapshotPath} is missing, but ${journalPath} holds changes made after it. Restore it, or start with --reset to reseed the org.`,
        );
      return undefined;
    }
    const text = readFileSync(snapshotPath, 'utf8');
    const nl = text.indexOf('\n');
    const body = text.slice(nl + 1);
    if (nl !== 16 || digest(body) !== text.slice(0, 16))
      throw new Error(
        `${snapshotPath} is damaged (checksum mismatch); start with --reset to reseed the org`,
      );
    const snap = JSON.parse(body) as { seq: number; store: SfSnapshot };
    const store = SfStore.fromSnapshot(snap.store);
    let seq = snap.seq;
    let good = 0;
    let total = 0;
    if (existsSync(journalPath)) {
      const buf = readFileSync(journalPath);
      total = buf.length;
      for (let start = 0; start < buf.length;) {
        const end = buf.indexOf(0x0a, start);
        if (end < 0) break;
        const record = parseRecord(buf.subarray(start, end).toString('utf8'));
        if (!record) {
          if (hasIntactAfter(buf, end + 1))
            throw new Error(
              `${journalPath} is damaged at byte ${start}, and intact records follow that cannot be replayed without it. Nothing was changed; start with --reset to reseed the org.`,
            );
          break;
        }
        if (record.s > seq) {
          for (const c of record.c) store.apply(c);
          seq = record.s;
        }
        start = end + 1;
        good = start;
      }
      if (good < total) {
        writeFileSync(join(dir, SF_DROPPED), buf.subarray(good));
        const fd = openSync(journalPath, 'r+');
        ftruncateSync(fd, good);
        fsyncSync(fd);
        closeSync(fd);
      }
    }
    return { store, seq, droppedBytes: total - good };
  }

  append(changes: SfChange[]): void {
    if (this.closed) throw new Error('the Salesforce sandbox store is closed');
    this.seq++;
    const json = JSON.stringify({ s: this.seq, c: changes });
    writeSync(this.fd, `${digest(json)} ${json}\n`);
    if (!this.syncTimer) {
      // Power-loss durability is batched; a killed process already lost nothing after writeSync.
      this.syncTimer = setTimeout(() => {
        this.syncTimer = undefined;
        if (!this.closed) fsyncSync(this.fd);
      }, 1_000);
      this.syncTimer.unref();
    }
  }

  compact(): void {
    const path = join(this.dir, SF_SNAPSHOT);
    const body = JSON.stringify({ seq: this.seq, store: this.store.toSnapshot() });
    const fd = openSync(`${path}.tmp`, 'w');
    writeSync(fd, `${digest(body)}\n${body}`);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(`${path}.tmp`, path);
    // Records up to seq are in the snapshot now; a crash before this leaves records replay skips.
    ftruncateSync(this.fd, 0);
    fsyncSync(this.fd);
  }

  close(): void {
    if (this.closed) return;
    if (this.syncTimer) clearTimeout(this.syncTimer);
    this.compact();
    closeSync(this.fd);
    this.closed = true;
    this.store.attach(undefined);
    rmSync(join(this.dir, LOCK), { force: true });
  }
}

function lock(dir: string): void {
  const path = join(dir, LOCK);
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const holder = Number(readFileSync(path, 'utf8'));
    if (holder && isAlive(holder))
      throw new Error(
        `${dir} is in use by another csops Salesforce sandbox (pid ${holder}); stop it, or give a different --data-dir`,
      );
    writeFileSync(path, String(process.pid));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function parseRecord(line: string): { s: number; c: SfChange[] } | undefined {
  if (line.indexOf(' ') !== 16) return undefined;
  const json = line.slice(17);
  if (digest(json) !== line.slice(0, 16)) return undefined;
  try {
    const r = JSON.parse(json) as { s: number; c: SfChange[] };
    return typeof r.s === 'number' && Array.isArray(r.c) ? r : undefined;
  } catch {
    return undefined;
  }
}

function hasIntactAfter(buf: Buffer, from: number): boolean {
  for (let start = from; start < buf.length;) {
    const end = buf.indexOf(0x0a, start);
    if (end < 0) return false;
    if (parseRecord(buf.subarray(start, end).toString('utf8'))) return true;
    start = end + 1;
  }
  return false;
}
