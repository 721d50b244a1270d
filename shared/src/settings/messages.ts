import type * as z from 'zod/mini';
import { en } from 'zod/locales';
import type { FieldIssue } from '../result/result.js';
import { settingsFieldLabel } from './field-labels.js';

// A refused setting in the admin's words, on the field it concerns: "Product usage weight must be
// 0 or more", never "measures.usage.weight: Too small: expected number to be >=0". The path stays
// so each face can put the message on its field.

type Issue = z.core.$ZodIssue;

const englishDefault = en().localeError;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function typeMessage(issue: Issue & { code: 'invalid_type' }, label: string, value: unknown) {
  const expected = issue.expected as string;
  if (expected === 'int') return `${label} must be a whole number`;
  if (expected === 'number') {
    if (isBlank(value)) return `${label} needs a number`;
    return typeof value === 'number'
      ? `${label} must be a finite number`
      : `${label} must be a number`;
  }
  if (isBlank(value)) return `${label} is missing`;
  if (expected === 'array') return `${label} must be a list`;
  if (expected === 'boolean') return `${label} must be yes or no`;
  if (expected === 'string') return `${label} must be text`;
  return `${label} is not in the expected form`;
}

function sizeMessage(issue: Issue, label: string): string {
  if (issue.code === 'too_small') {
    const min = Number(issue.minimum);
    if (issue.origin === 'number')
      return issue.inclusive ? `${label} must be ${min} or more` : `${label} must be above ${min}`;
    if (min <= 1) return `${label} cannot be empty`;
    return `${label} needs at least ${min} ${label.endsWith('curve') ? 'points' : 'entries'}`;
  }
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    if (issue.origin === 'number')
      return issue.inclusive ? `${label} must be at most ${max}` : `${label} must be below ${max}`;
    return `${label} can have at most ${max} entries`;
  }
  return `${label} is not valid`;
}

/** One issue's message: the schema's own sentence where it wrote one, else one built from the check. */
export function settingsIssueMessage(issue: Issue, input: unknown): string {
  const label = settingsFieldLabel(issue.path.map(String));
  const own =
    issue.code === 'custom' ||
    (issue.code !== 'invalid_type' && issue.message !== englishDefault(issue as never));
  if (own) {
    const first = issue.message.charAt(0);
    return first === first.toUpperCase() ? issue.message : `${label} ${issue.message}`;
  }
  switch (issue.code) {
    case 'invalid_type':
      return typeMessage(issue, label, valueAt(input, issue.path));
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue, label);
    case 'invalid_value':
      return issue.path.length === 1 && issue.path[0] === 'version'
        ? `${label} must be ${issue.values.map(String).join(' or ')}`
        : `${label} must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'email'
        ? `${label} must be an email address`
        : `${label} is not in the expected form`;
    case 'invalid_union':
      return `${label} is not one of the kinds csops knows`;
    default:
      return `${label} is not valid`;
  }
}

/** The issues of a refused settings parse, each on its field in the admin's words. */
export function settingsIssuesFromZod(error: z.core.$ZodError, input: unknown): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: settingsIssueMessage(issue, input),
  }));
}
