// Runs an app function locally against the CRM sandbox, with the context HubSpot gives a function
// called from a card (`hubspot.serverless`).
import { Worker } from 'node:worker_threads';

/** HubSpot's local dev runtime stops a function after 15 s. */
export const FUNCTION_TIMEOUT_MS = 15_000;

export interface FunctionUser {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
}

export interface FunctionCall {
  uid: string;
  file: string;
  parameters: Record<string, unknown>;
  propertiesToSend: Record<string, string | null>;
  portalId: number;
  user: FunctionUser;
  crm?: { objectId: number; objectTypeId: string };
  /** Environment the function sees: the sandbox's base URL and the access token. */
  env: Record<string, string>;
  timeoutMs?: number;
}

export type FunctionResult =
  | { ok: true; response: unknown; durationMs: number }
  | { ok: false; message: string; stack?: string; durationMs: number };

export function functionContext(call: FunctionCall) {
  return {
    accountId: call.portalId,
    portalId: call.portalId,
    userId: call.user.id,
    userEmail: call.user.email,
    user: call.user,
    parameters: call.parameters,
    propertiesToSend: call.propertiesToSend,
    crm: call.crm,
    secrets: { ...call.env },
  };
}

const threadFile = new URL('./function-thread.cjs', import.meta.url);

export function runAppFunction(call: FunctionCall): Promise<FunctionResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeoutMs = call.timeoutMs ?? FUNCTION_TIMEOUT_MS;
  return new Promise((resolve) => {
    const worker = new Worker(threadFile, {
      workerData: { uid: call.uid, file: call.file, context: functionContext(call) },
      env: { ...call.env, NODE_ENV: 'production' },
    });
    let settled = false;
    const finish = (result: FunctionResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          message: `${call.uid} did not finish within ${timeoutMs / 1000} s`,
          durationMs: elapsed(),
        }),
      timeoutMs,
    );
    worker.once(
      'message',
      (message: { ok: boolean; response?: unknown; message?: string; stack?: string }) =>
        finish(
          message.ok
            ? { ok: true, response: message.response, durationMs: elapsed() }
            : {
                ok: false,
                message: message.message ?? 'failed',
                stack: message.stack,
                durationMs: elapsed(),
              },
        ),
    );
    worker.once('error', (error) =>
      finish({ ok: false, message: error.message, stack: error.stack, durationMs: elapsed() }),
    );
    worker.once('exit', (code) =>
      finish({
        ok: false,
        message: `${call.uid} exited (code ${code}) without a result`,
        durationMs: elapsed(),
      }),
    );
  });
}
