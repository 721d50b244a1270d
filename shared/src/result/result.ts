/** A problem with one field of an input, named by its dotted path ("usage.activeUsers30d"). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Validators return results instead of throwing, so every edge can report all problems at once. */
export type Result<T> = { success: true; data: T } | { success: false; issues: FieldIssue[] };

export const ok = <T>(data: T): Result<T> => ({ success: true, data });
export const fail = <T = never>(issues: FieldIssue[]): Result<T> => ({ success: false, issues });

/** One line per issue, for CLI output and error bodies. */
export function formatIssues(issues: FieldIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}
