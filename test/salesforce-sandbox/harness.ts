import { Connection } from '@jsforce/jsforce-node';
import { startSalesforceSandbox } from '@csops/sandbox';
import type { RunningSalesforceSandbox, SalesforceSandboxOptions } from '@csops/sandbox';

export interface SfHarness {
  sandbox: RunningSalesforceSandbox;
  conn: Connection;
}

/** A Salesforce sandbox on an OS-assigned port, with a jsforce Connection holding its access token. */
export async function openSalesforce(options: SalesforceSandboxOptions = {}): Promise<SfHarness> {
  const sandbox = await startSalesforceSandbox({ port: 0, ...options });
  return { sandbox, conn: connect(sandbox) };
}

export function connect(
  sandbox: RunningSalesforceSandbox,
  accessToken = sandbox.accessToken,
): Connection {
  return new Connection({
    instanceUrl: sandbox.instanceUrl,
    accessToken,
    version: sandbox.version,
  });
}

/** The errorCode, message and full error list of a refused call. */
export async function refusal(
  call: PromiseLike<unknown>,
): Promise<{ errorCode: string; message: string; data: unknown }> {
  try {
    await call;
  } catch (err) {
    const e = err as { errorCode?: string; message: string; data?: unknown };
    if (typeof e.errorCode === 'string')
      return { errorCode: e.errorCode, message: e.message, data: e.data };
    throw err;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}
