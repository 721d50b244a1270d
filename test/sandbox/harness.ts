import { Client } from '@hubspot/api-client';
import { startSandbox } from '@csops/sandbox';
import type { RunningSandbox, SandboxOptions } from '@csops/sandbox';

export interface Harness {
  sandbox: RunningSandbox;
  client: Client;
}

/** A sandbox on an OS-assigned port with a client pointed at it; retries off so every answer is seen as sent. */
export async function openSandbox(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0, ...options });
  const client = new Client({
    accessToken: options.token ?? 'sandbox-token',
    basePath: sandbox.url,
    numberOfApiCallRetries: 0,
  });
  return { sandbox, client };
}

/** The HTTP status and HubSpot error body of a refused call. */
export async function refusal(
  call: Promise<unknown>,
): Promise<{ code: number; body: Record<string, unknown>; headers: Record<string, string> }> {
  try {
    await call;
  } catch (err) {
    const e = err as { code?: number; body?: unknown; headers?: Record<string, string> };
    if (typeof e.code === 'number') {
      const body =
        typeof e.body === 'string'
          ? (JSON.parse(e.body) as Record<string, unknown>)
          : (e.body as Record<string, unknown>);
      return { code: e.code, body, headers: e.headers ?? {} };
    }
    throw err;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}
