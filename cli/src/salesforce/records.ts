// REST query rows in the shape the mapping reads (Lightning Data Service's), so the same mapping
// serves the Account page and the bulk rescore.
import type { LdsList, LdsRecord, RelatedList } from './lwc.js';

export type Row = Record<string, unknown> & { Id: string; attributes?: unknown };

export function toLds(row: Row): LdsRecord {
  const fields: LdsRecord['fields'] = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'attributes' || (v !== null && typeof v === 'object')) continue;
    fields[k] = { value: v };
  }
  return { id: row.Id, fields };
}

/**
 * Rows grouped by the Account they belong to, each group ordered and cut as the page's related
 * list is: newest first where the list sorts, at most `pageSize` per Account.
 */
export function relatedByAccount(
  rows: readonly Row[],
  accountField: string,
  list: RelatedList,
  pageSize: number,
): Map<string, LdsList> {
  const sort = list.sortBy?.[0];
  const desc = sort?.startsWith('-') ?? false;
  const sortField = sort ? sort.replace(/^-/, '').split('.').pop()! : undefined;
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const id = row[accountField];
    if (typeof id !== 'string') continue;
    const g = groups.get(id) ?? [];
    g.push(row);
    groups.set(id, g);
  }
  const out = new Map<string, LdsList>();
  for (const [id, g] of groups) {
    if (sortField) {
      const key = (r: Row) => String(r[sortField] ?? '');
      g.sort((a, b) => (desc ? key(b).localeCompare(key(a)) : key(a).localeCompare(key(b))));
    }
    out.set(id, { records: g.slice(0, pageSize).map(toLds) });
  }
  return out;
}
