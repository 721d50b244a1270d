// SOQL text for the rescore's reads. Ids and keys are quoted as SOQL string literals.

export const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** `2026-11-02T09:00:00Z`: SOQL date-time literals take no quotes and no milliseconds. */
export const soqlDateTime = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** `Account.Name` → `Name`: the mapping names fields as LDS does, SOQL on the object wants them bare. */
export const bare = (qualified: string) => qualified.slice(qualified.indexOf('.') + 1);

export function fieldList(...groups: string[][]): string {
  return [...new Set(['Id', ...groups.flat().map(bare)])].join(', ');
}

export const inList = (ids: readonly string[]) => `(${ids.map(quote).join(', ')})`;
