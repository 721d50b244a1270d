import { STANDARD_OBJECT_TYPES, customObjectType, matchObjectType } from '../crm/object-types.js';
import type { ObjectType } from '../crm/object-types.js';
import type {
  Change,
  CrmRecord,
  OwnerDef,
  PortalMeta,
  PropertyDef,
  PropertyGroupDef,
  RoleDef,
  SchemaDef,
  UserDef,
} from './types.js';

/** Where committed changes go to be kept (the journal), or nowhere for an in-memory portal. */
export interface ChangeSink {
  append(changes: Change[]): void;
}

export interface StoreSnapshot {
  version: 1;
  nextId: number;
  meta: PortalMeta;
  changes: Change[];
}

type AssocTargets = Map<string, Map<string, number[]>>;

const FIRST_ID = 10_001;

/**
 * The portal's whole state in memory, with the indexes requests need. Every mutation is a
 * `Change`; the same `apply` serves live requests and journal replay, so both end identical.
 */
export class CrmStore {
  meta: PortalMeta;
  private nextId = FIRST_ID;
  private readonly records = new Map<string, Map<string, CrmRecord>>();
  private readonly recordLists = new Map<string, CrmRecord[]>();
  private readonly assoc = new Map<string, AssocTargets>();
  private readonly props = new Map<string, Map<string, PropertyDef>>();
  private readonly groups = new Map<string, Map<string, PropertyGroupDef>>();
  private readonly schemas = new Map<string, SchemaDef>();
  private readonly owners = new Map<string, OwnerDef>();
  private readonly users = new Map<string, UserDef>();
  private readonly roles = new Map<string, RoleDef>();
  /** typeId → property → value → record id, for `hasUniqueValue` properties. */
  private readonly unique = new Map<string, Map<string, Map<string, string>>>();
  private sink: ChangeSink | undefined;

  constructor(meta: PortalMeta) {
    this.meta = meta;
  }

  attach(sink: ChangeSink | undefined): void {
    this.sink = sink;
  }

  allocateId(): string {
    return String(this.nextId++);
  }

  /** Applies a request's changes and hands them to the journal as one record. */
  commit(changes: Change[]): void {
    if (changes.length === 0) return;
    for (const c of changes) this.apply(c);
    this.sink?.append(changes);
  }

  apply(c: Change): void {
    switch (c.k) {
      case 'rec':
        return this.applyRecord(c.t, c.r);
      case 'assoc':
        this.setAssoc(c.f, c.fi, c.t, c.ti, c.ty);
        this.setAssoc(c.t, c.ti, c.f, c.fi, c.inv);
        return;
      case 'prop': {
        mapOf(this.props, c.t).set(c.p.name, c.p);
        if (c.p.hasUniqueValue) this.rebuildUnique(c.t, c.p.name);
        else this.unique.get(c.t)?.delete(c.p.name);
        return;
      }
      case 'group':
        mapOf(this.groups, c.t).set(c.g.name, c.g);
        return;
      case 'schema':
        this.schemas.set(c.s.objectTypeId, c.s);
        this.bump(Number(c.s.id));
        return;
      case 'owner':
        this.owners.set(c.o.id, c.o);
        return;
      case 'user':
        this.users.set(c.u.id, c.u);
        return;
      case 'role':
        this.roles.set(c.r.id, c.r);
        return;
      case 'meta':
        this.meta = c.m;
        return;
    }
  }

  private bump(id: number): void {
    if (Number.isFinite(id) && id >= this.nextId) this.nextId = id + 1;
  }

  private applyRecord(typeId: string, r: CrmRecord): void {
    const byId = mapOf(this.records, typeId);
    const before = byId.get(r.id);
    this.recordLists.delete(typeId);
    byId.set(r.id, r);
    this.bump(Number(r.id));
    const uniques = this.unique.get(typeId);
    if (!uniques) return;
    for (const [prop, index] of uniques) {
      const old = before?.properties[prop];
      if (old && index.get(old) === r.id) index.delete(old);
      const now = r.properties[prop];
      if (now && !r.archived) index.set(now, r.id);
    }
  }

  private rebuildUnique(typeId: string, prop: string): void {
    const index = new Map<string, string>();
    for (const r of this.records.get(typeId)?.values() ?? []) {
      const v = r.properties[prop];
      if (v && !r.archived) index.set(v, r.id);
    }
    mapOf(this.unique, typeId).set(prop, index);
  }

  private setAssoc(
    fromType: string,
    fromId: string,
    toType: string,
    toId: string,
    types: number[],
  ): void {
    const key = `${fromType}:${fromId}`;
    let targets = this.assoc.get(key);
    if (!targets) this.assoc.set(key, (targets = new Map()));
    const ofType = mapOf(targets, toType);
    if (types.length) ofType.set(toId, [...types]);
    else ofType.delete(toId);
  }

  // ---- object types

  objectTypes(): ObjectType[] {
    const custom = [...this.schemas.values()]
      .filter((s) => !s.archived)
      .map((s) =>
        customObjectType(
          s.objectTypeId,
          s.name,
          s.fullyQualifiedName,
          s.primaryDisplayProperty,
          s.searchableProperties,
        ),
      );
    return [...STANDARD_OBJECT_TYPES, ...custom];
  }

  objectType(ref: string): ObjectType | undefined {
    return matchObjectType(this.objectTypes(), ref);
  }

  // ---- records

  getRecord(typeId: string, id: string): CrmRecord | undefined {
    return this.records.get(typeId)?.get(id);
  }

  /** Records in creation (id) order. The array is shared: callers must not mutate it. */
  listRecords(typeId: string): readonly CrmRecord[] {
    let list = this.recordLists.get(typeId);
    if (!list) {
      list = [...(this.records.get(typeId)?.values() ?? [])];
      this.recordLists.set(typeId, list);
    }
    return list;
  }

  findByUnique(typeId: string, prop: string, value: string): CrmRecord | undefined {
    const id = this.unique.get(typeId)?.get(prop)?.get(value);
    return id ? this.getRecord(typeId, id) : undefined;
  }

  /** Looks a record up by a unique property without an index (used for idProperty reads). */
  findByProperty(typeId: string, prop: string, value: string): CrmRecord | undefined {
    const indexed = this.unique.get(typeId)?.get(prop);
    if (indexed) return this.findByUnique(typeId, prop, value);
    return this.listRecords(typeId).find((r) => !r.archived && r.properties[prop] === value);
  }

  // ---- associations

  associations(fromType: string, fromId: string, toType: string): Map<string, number[]> {
    return this.assoc.get(`${fromType}:${fromId}`)?.get(toType) ?? new Map();
  }

  associationTypeIds(fromType: string, fromId: string, toType: string, toId: string): number[] {
    return this.associations(fromType, fromId, toType).get(toId) ?? [];
  }

  // ---- properties and groups

  properties(typeId: string): Map<string, PropertyDef> {
    return this.props.get(typeId) ?? new Map();
  }

  property(typeId: string, name: string): PropertyDef | undefined {
    return this.props.get(typeId)?.get(name);
  }

  propertyGroups(typeId: string): Map<string, PropertyGroupDef> {
    return this.groups.get(typeId) ?? new Map();
  }

  // ---- schemas, owners, users

  schemaList(): SchemaDef[] {
    return [...this.schemas.values()];
  }

  schema(objectTypeId: string): SchemaDef | undefined {
    return this.schemas.get(objectTypeId);
  }

  ownerList(): OwnerDef[] {
    return [...this.owners.values()];
  }

  userList(): UserDef[] {
    return [...this.users.values()];
  }

  roleList(): RoleDef[] {
    return [...this.roles.values()];
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const t of this.objectTypes()) out[t.name] = this.records.get(t.objectTypeId)?.size ?? 0;
    return out;
  }

  // ---- snapshot

  /** The whole state as changes that rebuild it, so snapshot and journal share one format. */
  toSnapshot(): StoreSnapshot {
    const changes: Change[] = [];
    for (const r of this.roles.values()) changes.push({ k: 'role', r });
    for (const u of this.users.values()) changes.push({ k: 'user', u });
    for (const o of this.owners.values()) changes.push({ k: 'owner', o });
    for (const s of this.schemas.values()) changes.push({ k: 'schema', s });
    for (const [t, gs] of this.groups)
      for (const g of gs.values()) changes.push({ k: 'group', t, g });
    for (const [t, ps] of this.props)
      for (const p of ps.values()) changes.push({ k: 'prop', t, p });
    for (const [t, rs] of this.records)
      for (const r of rs.values()) changes.push({ k: 'rec', t, r });
    const seen = new Set<string>();
    for (const [key, targets] of this.assoc) {
      const [f, fi] = splitKey(key);
      for (const [t, ids] of targets) {
        for (const [ti, ty] of ids) {
          const pair = `${f}:${fi}>${t}:${ti}`;
          if (seen.has(pair)) continue;
          seen.add(`${t}:${ti}>${f}:${fi}`);
          changes.push({
            k: 'assoc',
            f,
            fi,
            t,
            ti,
            ty,
            inv: this.associationTypeIds(t, ti, f, fi),
          });
        }
      }
    }
    return { version: 1, nextId: this.nextId, meta: this.meta, changes };
  }

  static fromSnapshot(snapshot: StoreSnapshot): CrmStore {
    const store = new CrmStore(snapshot.meta);
    for (const c of snapshot.changes) store.apply(c);
    store.nextId = Math.max(store.nextId, snapshot.nextId);
    return store;
  }
}

function mapOf<K, V2 extends Map<unknown, unknown>>(outer: Map<K, V2>, key: K): V2 {
  let inner = outer.get(key);
  if (!inner) {
    inner = new Map() as V2;
    outer.set(key, inner);
  }
  return inner;
}

function splitKey(key: string): [string, string] {
  const at = key.lastIndexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
}
