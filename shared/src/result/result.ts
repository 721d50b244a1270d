import * as z from 'zod/mini';
import { en } from 'zod/locales';

/** A problem with one field of an input, named by its dotted path ("usage.activeUsers30d"). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Validators return results instead of throwing, so every edge can report all problems at once. */
export type Result<T> = { success: true; data: T } | { success: false; issues: FieldIssue[] };

export const ok = <T>(data: T): Result<T> => ({ success: true, data });
export const fail = <T = never>(issues: FieldIssue[]): Result<T> => ({ success: false, issues });

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

/** One line per issue, for CLI output and error bodies. */
export function formatIssues(issues: FieldIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}
