import { fieldOf, sobject } from './model/sobjects.js';
import { recordId, serialOf } from './ids.js';

export type FieldValue = string | number | boolean | null;
/** A record as the REST API returns it, without `attributes`; `Id` always set. */
export type SfRecord = Record<string, FieldValue> & { Id: string };

export interface OrgMeta {
  orgId: string;
  /** The moment the org was (re)seeded; the demo's histories are relative to it. */
  seededAt: string;
  seed: 'demo' | 'empty';
  /** The integration user the access token belongs to. */
  apiUserId: string;
}

/** One state change; a request's changes are journaled together, so a request is kept whole or not at all. */
export type SfChange =
  | { k: 'put'; t: string; r: SfRecord }
  | { k: 'del'; t: string; id: string }
  | { k: 'meta'; m: OrgMeta };

export interface SfSnapshot {
  version: 1;
  meta: OrgMeta;
  serials: Record<string, number>;
  records: Record<string, SfRecord[]>;
}

export interface SfChangeSink {
  append(changes: SfChange[]): void;
}

/** A key into the undo log: changes after it can be rolled back (allOrNone, composite). */
export type Savepoint = number;

/**
 * The org in memory. Writes apply at once (so later sub-requests of a composite see them), are
 * remembered with what they replaced so an allOrNone failure can undo them, and reach the journal
 * together when the request ends.
 */
export class SfStore {
  meta: OrgMeta;
  private readonly records = new Map<string, Map<string, SfRecord>>();
  private readonly serials = new Map<string, number>();
  /** type → unique field → value (folded unless case-sensitive) → id. */
  private readonly unique = new Map<string, Map<string, Map<string, string>>>();
  private undo: { t: string; id: string; before: SfRecord | undefined }[] = [];
  private pending: SfChange[] = [];
  private sink: SfChangeSink | undefined;

  constructor(meta: OrgMeta) {
    this.meta = meta;
  }

  attach(sink: SfChangeSink | undefined): void {
    this.sink = sink;
  }

  allocateId(type: string): string {
    const def = sobject(type)!;
    const n = (this.serials.get(def.keyPrefix) ?? 0) + 1;
    this.serials.set(def.keyPrefix, n);
    return recordId(def.keyPrefix, n);
  }

  get(type: string, id: string): SfRecord | undefined {
    return this.records.get(type)?.get(id);
  }

  list(type: string): SfRecord[] {
    return [...(this.records.get(type)?.values() ?? [])];
  }

  /** The record holding `value` in a unique field, if any. */
  findUnique(type: string, field: string, value: string): SfRecord | undefined {
    const def = fieldOf(sobject(type)!, field);
    if (!def) return undefined;
    const key = def.caseSensitive ? value : value.toLowerCase();
    const id = this.unique.get(type)?.get(def.name)?.get(key);
    if (id) return this.get(type, id);
    // Non-unique lookups (an external id that is not unique) scan.
    return this.list(type).find((r) => {
      const v = r[def.name];
      return typeof v === 'string' && (def.caseSensitive ? v === value : v.toLowerCase() === key);
    });
  }

  put(type: string, r: SfRecord): void {
    this.undo.push({ t: type, id: r.Id, before: this.get(type, r.Id) });
    this.apply({ k: 'put', t: type, r });
    this.pending.push({ k: 'put', t: type, r });
  }

  remove(type: string, id: string): void {
    this.undo.push({ t: type, id, before: this.get(type, id) });
    this.apply({ k: 'del', t: type, id });
    this.pending.push({ k: 'del', t: type, id });
  }

  savepoint(): Savepoint {
    return this.undo.length;
  }

  rollback(to: Savepoint): void {
    while (this.undo.length > to) {
      const u = this.undo.pop()!;
      this.pending.pop();
      if (u.before) this.apply({ k: 'put', t: u.t, r: u.before });
      else this.apply({ k: 'del', t: u.t, id: u.id });
    }
  }

  /** Ends the request: what it wrote goes to the journal as one record. */
  commit(): void {
    const changes = this.pending;
    this.pending = [];
    this.undo = [];
    if (changes.length) this.sink?.append(changes);
  }

  apply(c: SfChange): void {
    if (c.k === 'meta') {
      this.meta = c.m;
      return;
    }
    let byId = this.records.get(c.t);
    if (!byId) this.records.set(c.t, (byId = new Map()));
    const before = byId.get(c.k === 'put' ? c.r.Id : c.id);
    if (c.k === 'put') byId.set(c.r.Id, c.r);
    else byId.delete(c.id);
    this.index(c.t, before, c.k === 'put' ? c.r : undefined);
    if (c.k === 'put') this.bump(c.r.Id);
  }

  private bump(id: string): void {
    const prefix = id.slice(0, 3);
    const n = serialOf(id);
    if (n > (this.serials.get(prefix) ?? 0)) this.serials.set(prefix, n);
  }

  private index(type: string, before: SfRecord | undefined, after: SfRecord | undefined): void {
    const def = sobject(type);
    if (!def) return;
    for (const f of def.fields) {
      if (!f.unique) continue;
      let byField = this.unique.get(type);
      if (!byField) this.unique.set(type, (byField = new Map()));
      let idx = byField.get(f.name);
      if (!idx) byField.set(f.name, (idx = new Map()));
      const fold = (v: FieldValue | undefined) =>
        typeof v === 'string' && v !== '' ? (f.caseSensitive ? v : v.toLowerCase()) : undefined;
      const old = fold(before?.[f.name]);
      if (old !== undefined && idx.get(old) === before!.Id) idx.delete(old);
      const now = fold(after?.[f.name]);
      if (now !== undefined) idx.set(now, after!.Id);
    }
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.records].map(([t, m]) => [t, m.size]));
  }

  toSnapshot(): SfSnapshot {
    return {
      version: 1,
      meta: this.meta,
      serials: Object.fromEntries(this.serials),
      records: Object.fromEntries([...this.records].map(([t, m]) => [t, [...m.values()]])),
    };
  }

  static fromSnapshot(s: SfSnapshot): SfStore {
    const store = new SfStore(s.meta);
    for (const [t, rs] of Object.entries(s.records))
      for (const r of rs) store.apply({ k: 'put', t, r });
    for (const [p, n] of Object.entries(s.serials))
      if (n > (store.serials.get(p) ?? 0)) store.serials.set(p, n);
    return store;
  }
}
