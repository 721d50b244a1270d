import { parseArgs } from 'node:util';
import { fail, formatIssues, issuesFromZod, ok, type Result } from '@csops/core';
import { z } from 'zod';

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

/** Reads `--name value` flags and validates them with zod; a bad flag is named in the message. */
export function parseFlags<S extends z.ZodType>(
  argv: string[],
  options: OptionSpec,
  schema: S,
): Result<z.output<S>> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    return fail([{ path: '(flags)', message: (e as Error).message }]);
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    return fail(issuesFromZod(parsed.error).map((i) => ({ ...i, path: `--${i.path}` })));
  }
  return ok(parsed.data);
}

export const fileFlag = (flag: string) =>
  z.string({ error: `--${flag} FILE is required` }).min(1, `--${flag} needs a file path`);

export const foldsFlag = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(2, 'use at least 2 folds')
  .max(20, 'use at most 20 folds')
  .default(5);

export const seedFlag = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .default(1);

/** A one-character CSV delimiter; "tab" (or \t) for tab-separated files. */
export const delimiterFlag = z
  .string()
  .transform((d) => (d === 'tab' || d === '\\t' ? '\t' : d))
  .pipe(z.string().length(1, "must be one character, e.g. ';' (or tab)"))
  .optional();

/** The flags every command over a history export takes: data, mapping, settings, output, folds. */
export const historyFlags = {
  data: fileFlag('data'),
  mapping: fileFlag('mapping'),
  settings: z.string().min(1).optional(),
  json: z.boolean().default(false),
  html: z.string().min(1, '--html needs a file path').optional(),
  folds: foldsFlag,
  seed: seedFlag,
  delimiter: delimiterFlag,
};

/** How parseArgs reads the history flags (every value but --json is a string to validate). */
export const historyOptions: OptionSpec = {
  data: { type: 'string' },
  mapping: { type: 'string' },
  settings: { type: 'string' },
  json: { type: 'boolean' },
  html: { type: 'string' },
  folds: { type: 'string' },
  seed: { type: 'string' },
  delimiter: { type: 'string' },
};

export function usageError(issues: { path: string; message: string }[], usage: string): number {
  process.stderr.write(`${formatIssues(issues)}\n\n${usage}\n`);
  return 2;
}
