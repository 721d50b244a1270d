// Field-level messages for the form, straight from the core's settings schema.
import { parseSettings, type FieldIssue, type Settings } from '@csops/core';

export interface FieldProps {
  error: boolean;
  validationMessage?: string;
  readOnly: boolean;
}

export function validate(draft: Settings): FieldIssue[] {
  const parsed = parseSettings(draft);
  return parsed.success ? [] : parsed.issues;
}

/** Props for the input at `path`: its schema message, and read-only for people who may not edit. */
export function fieldProps(issues: FieldIssue[], path: string, readOnly: boolean): FieldProps {
  const message = issues
    .filter((i) => i.path === path || i.path.startsWith(`${path}.`))
    .map((i) => i.message)
    .join('; ');
  return message
    ? { error: true, validationMessage: message, readOnly }
    : { error: false, readOnly };
}

/** Immutable update at a dotted path, for a form over nested settings. */
export function setIn<T>(value: T, path: (string | number)[], next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const container = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  container[head] = setIn(container[head], rest, next);
  return container as T;
}
