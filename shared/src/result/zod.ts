import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { fail, ok, type FieldIssue, type Result } from './result.js';

// zod/mini carries no messages of its own: the core names its English ones on every parse, so a
// refusal reads the same wherever the core runs, with or without classic zod loaded beside it.
const IN_ENGLISH = { error: en().localeError };

/** zod's safeParse with the core's messages; every schema the core checks goes through it. */
export function safeParse<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
): z.core.util.SafeParseResult<z.output<S>> {
  return z.safeParse(schema, input, IN_ENGLISH);
}

export function issuesFromZod(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Parses with a zod schema and returns a Result naming every failing field. */
export function parseWith<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
): Result<z.output<S>> {
  const parsed = safeParse(schema, input);
  return parsed.success ? ok(parsed.data) : fail(issuesFromZod(parsed.error));
}
