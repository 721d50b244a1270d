import type { ObjectType } from './object-types.js';

/**
 * HubSpot-defined association type ids between the standard objects, each with its inverse
 * (HubSpot stores both directions). "Primary" pairs mark the record's primary company.
 */
interface PairType {
  from: string;
  to: string;
  typeId: number;
  inverseTypeId: number;
  label?: string;
}

const PAIRS: PairType[] = [
  { from: 'contacts', to: 'companies', typeId: 1, inverseTypeId: 2, label: 'Primary' },
  { from: 'contacts', to: 'companies', typeId: 279, inverseTypeId: 280 },
  { from: 'deals', to: 'companies', typeId: 5, inverseTypeId: 6, label: 'Primary' },
  { from: 'deals', to: 'companies', typeId: 341, inverseTypeId: 342 },
  { from: 'tickets', to: 'companies', typeId: 26, inverseTypeId: 25, label: 'Primary' },
  { from: 'tickets', to: 'companies', typeId: 339, inverseTypeId: 340 },
  { from: 'deals', to: 'contacts', typeId: 3, inverseTypeId: 4 },
  { from: 'tickets', to: 'contacts', typeId: 16, inverseTypeId: 15 },
  { from: 'tickets', to: 'deals', typeId: 28, inverseTypeId: 27 },
  { from: 'meetings', to: 'companies', typeId: 188, inverseTypeId: 187 },
  { from: 'meetings', to: 'contacts', typeId: 200, inverseTypeId: 199 },
  { from: 'meetings', to: 'deals', typeId: 212, inverseTypeId: 211 },
  { from: 'meetings', to: 'tickets', typeId: 226, inverseTypeId: 225 },
  { from: 'tasks', to: 'companies', typeId: 192, inverseTypeId: 191 },
  { from: 'tasks', to: 'contacts', typeId: 204, inverseTypeId: 203 },
  { from: 'tasks', to: 'deals', typeId: 216, inverseTypeId: 215 },
  { from: 'tasks', to: 'tickets', typeId: 230, inverseTypeId: 229 },
  { from: 'notes', to: 'companies', typeId: 190, inverseTypeId: 189 },
  { from: 'notes', to: 'contacts', typeId: 202, inverseTypeId: 201 },
  { from: 'notes', to: 'deals', typeId: 214, inverseTypeId: 213 },
  { from: 'notes', to: 'tickets', typeId: 228, inverseTypeId: 227 },
];

export interface DirectedType {
  typeId: number;
  inverseTypeId: number;
  label?: string;
}

/** Every type id valid from `from` to `to`, in table order (primary first). */
export function associationTypesBetween(from: ObjectType, to: ObjectType): DirectedType[] {
  const out: DirectedType[] = [];
  for (const p of PAIRS) {
    if (p.from === from.name && p.to === to.name) {
      out.push({ typeId: p.typeId, inverseTypeId: p.inverseTypeId, label: p.label });
    } else if (p.to === from.name && p.from === to.name) {
      out.push({ typeId: p.inverseTypeId, inverseTypeId: p.typeId, label: p.label });
    }
  }
  return out;
}

/** What "default association" creates: the primary type where one exists, plus the unlabeled type. */
export function defaultAssociationTypes(from: ObjectType, to: ObjectType): DirectedType[] {
  return associationTypesBetween(from, to);
}

export function labelOf(from: ObjectType, to: ObjectType, typeId: number): string | undefined {
  return associationTypesBetween(from, to).find((t) => t.typeId === typeId)?.label;
}

/** The `type` string v3 reads show for an association ("deal_to_company"). */
export function associationTypeName(from: ObjectType, to: ObjectType, typeId: number): string {
  const singular = (t: ObjectType) =>
    t.custom ? t.name : t.name.replace(/ies$/, 'y').replace(/s$/, '');
  const base = `${singular(from)}_to_${singular(to)}`;
  return labelOf(from, to, typeId) ? base : `${base}_unlabeled`;
}
