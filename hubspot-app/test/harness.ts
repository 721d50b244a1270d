// Runs the app functions the way HubSpot does — require the CommonJS entry, await main(context) —
// against the CRM sandbox on 127.0.0.1, through the official @hubspot/api-client.
import { createRequire } from 'node:module';
import { Client } from '@hubspot/api-client';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '@csops/sandbox';

const requireFunction = createRequire(import.meta.url);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FunctionResult<T = any> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: {
        code: string;
        message: string;
        reference: string;
        issues?: { path: string; message: string }[];
      };
    };

export interface FunctionContext {
  parameters?: Record<string, unknown>;
  user?: { id: string; email: string };
}

export const TOKEN = 'csops-test-token';

export interface Portal {
  sandbox: RunningSandbox;
  client: Client;
  // Each test reads the fields it checks; typing every answer would only restate the functions.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run<T = any>(uid: string, context?: FunctionContext): Promise<FunctionResult<T>>;
  close(): Promise<void>;
}

/** The entry file of a function, by the uid cards call it with (account_health → account-health.js). */
export function loadFunction(uid: string): { main: (context: unknown) => Promise<unknown> } {
  return requireFunction(`../src/app/functions/${uid.replace(/_/g, '-')}.js`);
}

export async function openPortal(options: SandboxOptions = {}): Promise<Portal> {
  // Seeded faults: a fault-injection test meets the same failures on every run.
  const sandbox = await startSandbox({ port: 0, token: TOKEN, faultSeed: 20261123, ...options });
  const client = new Client({
    accessToken: TOKEN,
    basePath: sandbox.url,
    numberOfApiCallRetries: 0,
  });
  return {
    sandbox,
    client,
    async run(uid, context = {}) {
      // Each call sees this portal, as each HubSpot account's functions see their own.
      process.env.HUBSPOT_API_BASE_URL = sandbox.url;
      process.env.PRIVATE_APP_ACCESS_TOKEN = TOKEN;
      return (await loadFunction(uid).main(context)) as never;
    },
    close: () => sandbox.close(),
  };
}

export function expectOk<T>(result: FunctionResult<T>): T {
  if (!result.ok) throw new Error(`function failed: ${result.error.code}: ${result.error.message}`);
  return result.data;
}
