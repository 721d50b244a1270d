import { notFound, validationError } from '../errors.js';
import type { CrmStore } from '../store/store.js';
import type { Change } from '../store/types.js';
import { associationTypesBetween, defaultAssociationTypes } from './association-types.js';
import type { ObjectType } from './object-types.js';

function requireLive(store: CrmStore, type: ObjectType, id: string): void {
  const r = store.getRecord(type.objectTypeId, id);
  if (!r || r.archived) throw notFound(`No ${type.name} with id ${id} exists`);
}

/** The change that adds `typeIds` (and their inverses) between two existing records. */
export function linkChange(
  store: CrmStore,
  from: ObjectType,
  fromId: string,
  to: ObjectType,
  toId: string,
  typeIds: number[] | 'default',
): Change {
  requireLive(store, from, fromId);
  requireLive(store, to, toId);
  const known = associationTypesBetween(from, to);
  const chosen =
    typeIds === 'default'
      ? defaultAssociationTypes(from, to)
      : typeIds.map((id) => known.find((k) => k.typeId === id));
  if (!chosen.length) throw validationError(`${from.name} cannot be associated with ${to.name}`);
  const invalid = chosen.findIndex((c) => !c);
  if (invalid >= 0) {
    throw validationError(
      `Association type ${(typeIds as number[])[invalid]} is not valid from ${from.name} to ${to.name}; valid types: ${known.map((k) => k.typeId).join(', ')}`,
    );
  }
  const types = chosen.map((c) => c!);
  const forward = new Set([
    ...store.associationTypeIds(from.objectTypeId, fromId, to.objectTypeId, toId),
    ...types.map((t) => t.typeId),
  ]);
  const inverse = new Set([
    ...store.associationTypeIds(to.objectTypeId, toId, from.objectTypeId, fromId),
    ...types.map((t) => t.inverseTypeId),
  ]);
  return {
    k: 'assoc',
    f: from.objectTypeId,
    fi: fromId,
    t: to.objectTypeId,
    ti: toId,
    ty: [...forward],
    inv: [...inverse],
  };
}

export function unlinkChange(
  from: ObjectType,
  fromId: string,
  to: ObjectType,
  toId: string,
): Change {
  return {
    k: 'assoc',
    f: from.objectTypeId,
    fi: fromId,
    t: to.objectTypeId,
    ti: toId,
    ty: [],
    inv: [],
  };
}
