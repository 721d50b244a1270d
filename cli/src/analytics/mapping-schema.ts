import { z } from 'zod';
import { SNAPSHOT_FIELDS } from './snapshot-fields.js';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Values read from a column are matched exactly (after trimming) against these keys. */
const valueMapSchema = z.record(z.string(), scalar);

const columnSourceSchema = z.strictObject({
  column: z.string().min(1, 'name the column'),
  /** Value map: "Month-to-month" → 1. A null value means "not observed". */
  values: valueMapSchema.optional(),
  /** What values missing from the map become; without it such values are errors. */
  otherwise: scalar.optional(),
  /** Scale a number, e.g. 12 to turn monthly charges into ARR. */
  multiply: z.number().optional(),
  /** Cell contents that mean "not observed" (after trimming); an empty cell always does. */
  blank: z.array(z.string()).optional(),
});

const constantSourceSchema = z.strictObject({ constant: scalar });

const countSourceSchema = z.strictObject({
  /** Counts the listed columns whose value is one of `equals` (or, with `notEquals`, is none of them). */
  countOf: z.array(z.string().min(1)).min(1, 'list at least one column'),
  equals: z.array(z.string()).optional(),
  notEquals: z.array(z.string()).optional(),
});

const offsetSourceSchema = z.strictObject({
  /** A date that many days or months before/after the snapshot's asOf (tenure → contract start). */
  offsetFromAsOf: z.strictObject({
    column: z.string().min(1),
    unit: z.enum(['days', 'months']),
    direction: z.enum(['before', 'after']),
  }),
});

export const sourceSchema = z.union(
  [columnSourceSchema, constantSourceSchema, countSourceSchema, offsetSourceSchema],
  {
    error:
      'use one of {"column": …}, {"constant": …}, {"countOf": [...]}, {"offsetFromAsOf": {"column", "unit", "direction"}} (unknown keys are refused)',
  },
);
export type Source = z.infer<typeof sourceSchema>;

const knownFields = [...SNAPSHOT_FIELDS.keys()];

export const mappingSchema = z.strictObject({
  /** Free text shown in reports. */
  description: z.string().optional(),
  accountId: sourceSchema,
  name: sourceSchema.optional(),
  /** When each snapshot was taken; a constant when the export carries no dates. */
  asOf: sourceSchema,
  fields: z.record(z.string(), sourceSchema).superRefine((fields, ctx) => {
    for (const key of Object.keys(fields)) {
      if (!SNAPSHOT_FIELDS.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `not a snapshot field; use one of: ${knownFields.join(', ')}`,
        });
      }
    }
  }),
  outcome: z.strictObject({
    /** Must yield "renewed", "contracted" or "churned" (use a value map). */
    status: sourceSchema,
    /** ARR before the outcome; defaults to the snapshot's `arr`. */
    arrBefore: sourceSchema.optional(),
    /** ARR after; defaults to 0 when churned and to ARR before when renewed. */
    arrAfter: sourceSchema.optional(),
  }),
  csv: z.strictObject({ delimiter: z.string().length(1).optional() }).optional(),
});
export type Mapping = z.infer<typeof mappingSchema>;
