// Flags and environment of `csops start`, validated before anything starts.
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const DEFAULT_PREVIEW_PORT = 4400;

const port = (what: string) =>
  z.coerce
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(0, `${what} must be between 0 and 65535`)
    .max(65535, `${what} must be between 0 and 65535`);

const startOptions = z.object({
  port: port('--port (or PORT)').default(DEFAULT_PREVIEW_PORT),
  sandboxPort: port('--sandbox-port').default(0),
  dataDir: z.string().min(1, '--data-dir needs a folder').optional(),
  reset: z.boolean().default(false),
});

export type StartOptions = z.infer<typeof startOptions>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** `--port` wins over the PORT environment variable; both fall back to 4400. */
export function parseStartOptions(
  argv: string[],
  env: Record<string, string | undefined>,
): Parsed<StartOptions> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        'sandbox-port': { type: 'string' },
        'data-dir': { type: 'string' },
        reset: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const parsed = startOptions.safeParse({
    port: values.port ?? (env.PORT === undefined || env.PORT === '' ? undefined : env.PORT),
    sandboxPort: values['sandbox-port'],
    dataDir: values['data-dir'],
    reset: values.reset,
  });
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues.map((i) => i.message).join('\n') };
  }
  return { ok: true, value: parsed.data };
}
