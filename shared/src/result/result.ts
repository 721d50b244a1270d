import type { z } from 'zod';

/** A problem with one field of an input, named by its dotted path ("usage.activeUsers30d"). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Validators return results instead of throwing, so every edge can report all problems at once. */
export type Result<T> = { success: true; data: T } | { success: false; issues: FieldIssue[] };

export const ok = <T>(data: T): Result<T> => ({ success: true, data });
export const fail = <T = never>(issues: FieldIssue[]): Result<T> => ({ success: false, issues });

export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Parses with a zod schema and returns a Result naming every failing field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail(issuesFromZod(parsed.error));
}

/** One line per issue, for CLI output and error bodies. */
export function formatIssues(issues: FieldIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}
