import { validationError } from '../errors.js';
import type { CrmStore } from '../store/store.js';
import type { CrmRecord, PropertyDef } from '../store/types.js';
import type { ObjectType } from './object-types.js';
import { comparable } from './values.js';

export const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface SearchFilter {
  propertyName: string;
  operator: Operator;
  value?: string;
  highValue?: string;
  values?: string[];
}

export interface SearchSort {
  propertyName: string;
  direction: 'ASCENDING' | 'DESCENDING';
}

export interface SearchQuery {
  filterGroups: { filters: SearchFilter[] }[];
  sorts: SearchSort[];
  query?: string;
  limit: number;
  after: number;
}

/** HubSpot's search limits, refused with its 400 like the real endpoint. */
export const SEARCH_LIMITS = {
  maxLimit: 200,
  maxResults: 10_000,
  maxFilterGroups: 5,
  maxFiltersPerGroup: 6,
  maxFilters: 18,
  maxSorts: 1,
  maxBodyChars: 3_000,
};

const NEEDS_VALUE: Operator[] = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
];

/** Refuses a query HubSpot would refuse, naming what is wrong. */
export function checkQuery(store: CrmStore, type: ObjectType, q: SearchQuery): void {
  if (q.limit > SEARCH_LIMITS.maxLimit) {
    throw validationError(`limit must be ${SEARCH_LIMITS.maxLimit} or less (was ${q.limit})`);
  }
  if (q.after >= SEARCH_LIMITS.maxResults) {
    throw validationError(
      `Search results are limited to ${SEARCH_LIMITS.maxResults} per query (after was ${q.after}); narrow the filters or page by a sort key`,
    );
  }
  if (q.filterGroups.length > SEARCH_LIMITS.maxFilterGroups) {
    throw validationError(
      `Too many filter groups: at most ${SEARCH_LIMITS.maxFilterGroups} are allowed`,
    );
  }
  const all = q.filterGroups.flatMap((g) => g.filters);
  if (
    all.length > SEARCH_LIMITS.maxFilters ||
    q.filterGroups.some((g) => g.filters.length > SEARCH_LIMITS.maxFiltersPerGroup)
  ) {
    throw validationError(
      `Too many filters: at most ${SEARCH_LIMITS.maxFiltersPerGroup} per group and ${SEARCH_LIMITS.maxFilters} in all`,
    );
  }
  if (q.sorts.length > SEARCH_LIMITS.maxSorts) throw validationError('Only one sort is allowed');
  for (const f of all) {
    const isAssociation = f.propertyName.startsWith('associations.');
    if (isAssociation) {
      const target = store.objectType(f.propertyName.slice('associations.'.length));
      if (!target) throw validationError(`Unknown object type in filter ${f.propertyName}`);
      if (f.operator !== 'EQ' && f.operator !== 'IN') {
        throw validationError(`Association filters support EQ and IN only (got ${f.operator})`);
      }
    } else if (!store.property(type.objectTypeId, f.propertyName)) {
      throw validationError(
        `There was a problem with the request: property ${f.propertyName} does not exist on ${type.name}`,
      );
    }
    if (NEEDS_VALUE.includes(f.operator) && (f.value === undefined || f.value === '')) {
      throw validationError(
        `Filter on ${f.propertyName} with operator ${f.operator} requires a value`,
      );
    }
    if (f.operator === 'BETWEEN' && (f.value === undefined || f.highValue === undefined)) {
      throw validationError(
        `Filter on ${f.propertyName} with operator BETWEEN requires value and highValue`,
      );
    }
    if ((f.operator === 'IN' || f.operator === 'NOT_IN') && !(f.values && f.values.length)) {
      throw validationError(
        `Filter on ${f.propertyName} with operator ${f.operator} requires values`,
      );
    }
  }
  for (const s of q.sorts) {
    if (!store.property(type.objectTypeId, s.propertyName)) {
      throw validationError(
        `Cannot sort by ${s.propertyName}: the property does not exist on ${type.name}`,
      );
    }
  }
}

function tokenMatches(haystack: string, pattern: string): boolean {
  const p = pattern.toLowerCase();
  const h = haystack.toLowerCase();
  if (p.includes('*')) {
    const re = new RegExp(`^${p.split('*').map(escapeRe).join('.*')}$`);
    return re.test(h) || h.split(/[^\p{L}\p{N}@._-]+/u).some((t) => re.test(t));
  }
  return h.split(/[^\p{L}\p{N}]+/u).includes(p) || h === p;
}

function escapeRe(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

function matchFilter(store: CrmStore, type: ObjectType, r: CrmRecord, f: SearchFilter): boolean {
  if (f.propertyName.startsWith('associations.')) {
    const target = store.objectType(f.propertyName.slice('associations.'.length))!;
    const linked = store.associations(type.objectTypeId, r.id, target.objectTypeId);
    const wanted = f.operator === 'IN' ? (f.values ?? []) : [f.value ?? ''];
    return wanted.some((id) => linked.has(id));
  }
  const def: PropertyDef | undefined = store.property(type.objectTypeId, f.propertyName);
  const raw = r.properties[f.propertyName] ?? '';
  const has = raw !== '';
  const cmp = (v: string | undefined) => comparable(def, v ?? '');
  const mine = cmp(raw);
  switch (f.operator) {
    case 'HAS_PROPERTY':
      return has;
    case 'NOT_HAS_PROPERTY':
      return !has;
    case 'EQ':
      return has && mine === cmp(f.value);
    case 'NEQ':
      return !has || mine !== cmp(f.value);
    case 'LT':
      return has && mine < cmp(f.value);
    case 'LTE':
      return has && mine <= cmp(f.value);
    case 'GT':
      return has && mine > cmp(f.value);
    case 'GTE':
      return has && mine >= cmp(f.value);
    case 'BETWEEN':
      return has && mine >= cmp(f.value) && mine <= cmp(f.highValue);
    case 'IN':
      return (
        has &&
        (f.values ?? []).some(
          (v) => cmp(v) === mine || raw.split(';').some((part) => cmp(part) === cmp(v)),
        )
      );
    case 'NOT_IN':
      return !has || !(f.values ?? []).some((v) => cmp(v) === mine);
    case 'CONTAINS_TOKEN':
      return has && tokenMatches(raw, f.value ?? '');
    case 'NOT_CONTAINS_TOKEN':
      return !has || !tokenMatches(raw, f.value ?? '');
  }
}

/** Runs a checked query: filter groups are OR-ed, filters within a group AND-ed. */
export function runSearch(
  store: CrmStore,
  type: ObjectType,
  q: SearchQuery,
): { total: number; page: CrmRecord[]; nextAfter?: number } {
  const text = q.query?.trim().toLowerCase();
  const matches = store.listRecords(type.objectTypeId).filter((r) => {
    if (r.archived) return false;
    if (
      q.filterGroups.length &&
      !q.filterGroups.some((g) => g.filters.every((f) => matchFilter(store, type, r, f)))
    ) {
      return false;
    }
    if (text)
      return type.searchableProperties.some((p) =>
        (r.properties[p] ?? '').toLowerCase().includes(text),
      );
    return true;
  });
  const sort = q.sorts[0];
  if (sort) {
    const def = store.property(type.objectTypeId, sort.propertyName);
    const dir = sort.direction === 'DESCENDING' ? -1 : 1;
    const key = (r: CrmRecord) => {
      const v = r.properties[sort.propertyName] ?? '';
      return v === '' ? undefined : comparable(def, v);
    };
    const keyed = matches.map((r) => ({ r, k: key(r) }));
    keyed.sort((a, b) => {
      // Records without a value sort last either way, as in HubSpot.
      if (a.k === undefined || b.k === undefined)
        return a.k === b.k ? 0 : a.k === undefined ? 1 : -1;
      if (a.k < b.k) return -dir;
      if (a.k > b.k) return dir;
      return Number(a.r.id) - Number(b.r.id);
    });
    matches.splice(0, matches.length, ...keyed.map((x) => x.r));
  }
  // Nothing past the 10,000th result is ever served; asking for it is the 400 in checkQuery.
  const next = Math.min(q.after + q.limit, SEARCH_LIMITS.maxResults);
  const page = matches.slice(q.after, next);
  return { total: matches.length, page, nextAfter: next < matches.length ? next : undefined };
}
