import type { z } from 'zod';
import { validationError } from '../errors.js';

/**
 * Checks a request body with zod and refuses it in HubSpot's words: missing required attributes
 * are named the way HubSpot's own deserialiser names them, every other problem by its field path.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  body: unknown,
  modelName: string,
): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const missing = parsed.error.issues
    .filter((i) => i.code === 'invalid_type' && i.message.includes('undefined'))
    .map((i) => i.path.map(String).join('.'));
  const errors = parsed.error.issues.map((i) => ({
    message: `${i.path.map(String).join('.') || '(body)'}: ${i.message}`,
    code: 'INVALID_INPUT',
    context: { field: [i.path.map(String).join('.') || '(body)'] },
  }));
  const message = missing.length
    ? `Invalid input JSON on line 1, column 1: Cannot build ${modelName}, some of required attributes are not set [${missing.join(', ')}]`
    : `Invalid input: ${errors.map((e) => e.message).join('; ')}`;
  return fail(message, errors);
}

function fail(
  message: string,
  errors: { message: string; code: string; context: Record<string, string[]> }[],
): never {
  throw validationError(message, errors);
}

/** A query parameter that may repeat (`properties=a&properties=b`) or hold a comma list. */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const values = query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return values.length ? values : undefined;
}

export function intParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  max: number,
): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw validationError(`${name} must be a positive whole number (was ${raw})`);
  return Math.min(n, max);
}

export function boolParam(query: URLSearchParams, name: string): boolean {
  return query.get(name) === 'true';
}
