// What an app function call is, and the context HubSpot gives a function called from a card
// (`hubspot.serverless`).

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

/** `durationMs` is the whole call as the caller waits for it; `functionMs` the time inside `main`. */
export type FunctionResult =
  | { ok: true; response: unknown; durationMs: number; functionMs: number }
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
