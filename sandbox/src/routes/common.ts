import { z } from 'zod';
import { validationError } from '../errors.js';
import type { ObjectType } from '../crm/object-types.js';
import type { CrmStore } from '../store/store.js';

/** HubSpot's batch limit for record endpoints. */
export const BATCH_LIMIT = 100;

export function requireType(store: CrmStore, ref: string): ObjectType {
  const type = store.objectType(ref);
  if (!type) throw validationError(`Unable to infer object type from: ${ref}`);
  return type;
}

export function checkBatchSize(count: number, max = BATCH_LIMIT): void {
  if (count > max) {
    throw validationError(
      `Batch input of ${count} is over the limit: at most ${max} inputs are allowed per request`,
      [
        {
          message: `inputs: at most ${max} inputs are allowed`,
          code: 'TOO_MANY_INPUTS',
          context: { field: ['inputs'] },
        },
      ],
    );
  }
}

export const propertyValues = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()]),
);

export const idString = z.union([z.string().min(1), z.number()]).transform(String);

/** HubSpot ids in responses and timestamps from stored ISO strings. */
export const date = (iso: string): Date => new Date(iso);
