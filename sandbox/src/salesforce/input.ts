import { z } from 'zod';
import { sfError } from './errors.js';

/** Checks a request body with zod and refuses it as Salesforce does, naming the field at fault. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String).join('.') || '(body)';
  throw sfError(400, 'JSON_PARSER_ERROR', `${path}: ${issue.message}`, [path]);
}

/** A record's field values, as the single-record endpoints take them. */
export const fields = z.record(z.string(), z.unknown(), {
  error: 'must be a JSON object of field values',
});

export const collectionSchema = z.object({
  allOrNone: z.boolean({ error: 'must be true or false' }).optional(),
  records: z.array(fields, { error: 'must be an array of records' }),
});

const method = z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE'], {
  error: 'must be GET, POST, PATCH, PUT or DELETE',
});

export const compositeSchema = z.object({
  allOrNone: z.boolean({ error: 'must be true or false' }).optional(),
  collateSubrequests: z.boolean().optional(),
  compositeRequest: z
    .array(
      z.object({
        method: z.preprocess((m) => (typeof m === 'string' ? m.toUpperCase() : m), method),
        url: z.string({ error: 'must be the subrequest’s resource URL' }).min(1),
        referenceId: z
          .string({ error: 'is required' })
          .regex(
            /^[A-Za-z][A-Za-z0-9_]*$/,
            'must start with a letter and hold only letters, digits and underscores',
          ),
        body: z.unknown().optional(),
        httpHeaders: z.record(z.string(), z.string()).optional(),
      }),
      { error: 'must be an array of subrequests' },
    )
    .min(1, 'must hold at least one subrequest'),
});

export const batchSchema = z.object({
  haltOnError: z.boolean().optional(),
  batchRequests: z
    .array(
      z.object({
        method: z.preprocess((m) => (typeof m === 'string' ? m.toUpperCase() : m), method),
        url: z.string({ error: 'must be the subrequest’s resource URL' }).min(1),
        richInput: z.unknown().optional(),
      }),
      { error: 'must be an array of subrequests' },
    )
    .min(1, 'must hold at least one subrequest'),
});

export const uiCreateSchema = z.object({
  apiName: z.string({ error: 'is required: the object to create, e.g. Task' }).min(1),
  fields,
});

export const uiUpdateSchema = z.object({ fields });
