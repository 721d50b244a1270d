import { accountSnapshotSchema } from '@csops/core';
import type { z } from 'zod';

/** How a mapped value is read before the snapshot is validated. */
export type FieldKind = 'number' | 'boolean' | 'date' | 'string';

interface Introspectable {
  _zod: { def: { type: string; format?: string; innerType?: unknown; shape?: unknown } };
  shape?: Record<string, z.ZodType>;
}

function unwrap(schema: unknown): Introspectable {
  let s = schema as Introspectable;
  while (s._zod.def.type === 'optional' || s._zod.def.type === 'nullable') {
    s = s._zod.def.innerType as Introspectable;
  }
  return s;
}

/**
 * Every leaf of AccountSnapshot a mapping may fill ("contract.termMonths" → number), read from the
 * snapshot schema itself so the mapping can never drift from it. Arrays (milestones) are left out.
 */
function leaves(schema: Introspectable, prefix: string, out: Map<string, FieldKind>): void {
  for (const [key, child] of Object.entries(schema.shape ?? {})) {
    const s = unwrap(child);
    const path = prefix ? `${prefix}.${key}` : key;
    const type = s._zod.def.type;
    if (type === 'object') leaves(s, path, out);
    else if (type === 'number') out.set(path, 'number');
    else if (type === 'boolean') out.set(path, 'boolean');
    else if (type === 'string' && s._zod.def.format === 'datetime') out.set(path, 'date');
    else if (type === 'string' || type === 'enum') out.set(path, 'string');
  }
}

const all = new Map<string, FieldKind>();
leaves(accountSnapshotSchema as unknown as Introspectable, '', all);

/** Snapshot fields set from the mapping's own keys rather than `fields`. */
const RESERVED = new Set(['accountId', 'name', 'asOf']);

export const SNAPSHOT_FIELDS: ReadonlyMap<string, FieldKind> = new Map(
  [...all].filter(([path]) => !RESERVED.has(path)),
);
