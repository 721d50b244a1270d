import { randomUUID } from 'node:crypto';
import type { ErrorDetail } from '@hubspot/api-client/lib/codegen/crm/objects/models/ErrorDetail.js';
import type { ModelError } from '@hubspot/api-client/lib/codegen/crm/objects/models/ModelError.js';

/** A refusal answered in HubSpot's error body shape, with its HTTP status. */
export class HubSpotError extends Error {
  readonly status: number;
  readonly body: ModelError & Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    body: Omit<ModelError, 'correlationId'> & Record<string, unknown>,
    headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.status = status;
    this.body = { status: 'error', ...body, correlationId: randomUUID() };
    this.headers = headers;
  }
}

export interface InvalidValue {
  name: string;
  error: string;
  message: string;
}

/** HubSpot lists invalid property values inside its message as JSON, and we also give them as `errors`. */
export function invalidPropertyValues(invalid: InvalidValue[]): HubSpotError {
  const listed = invalid.map((v) => ({
    isValid: false,
    message: v.message,
    error: v.error,
    name: v.name,
    localizedErrorMessage: v.message,
  }));
  const errors: ErrorDetail[] = invalid.map((v) => ({
    message: v.message,
    code: v.error,
    context: { propertyName: [v.name] },
  }));
  return new HubSpotError(400, {
    status: 'error',
    message: `Property values were not valid: ${JSON.stringify(listed)}`,
    category: 'VALIDATION_ERROR',
    errors,
  });
}

export function validationError(message: string, errors: ErrorDetail[] = []): HubSpotError {
  return new HubSpotError(400, { status: 'error', message, category: 'VALIDATION_ERROR', errors });
}

export function notFound(message: string): HubSpotError {
  return new HubSpotError(404, { status: 'error', message, category: 'OBJECT_NOT_FOUND' });
}

export function conflict(message: string, context: Record<string, string[]> = {}): HubSpotError {
  return new HubSpotError(409, { status: 'error', message, category: 'CONFLICT', context });
}

export function alreadyExists(message: string): HubSpotError {
  return new HubSpotError(409, { status: 'error', message, category: 'OBJECT_ALREADY_EXISTS' });
}

export function unauthorized(): HubSpotError {
  return new HubSpotError(401, {
    status: 'error',
    message:
      'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
    category: 'INVALID_AUTHENTICATION',
  });
}

export function unknownRoute(method: string, path: string): HubSpotError {
  return new HubSpotError(404, {
    status: 'error',
    message: `Unable to route ${method} request for ${path}`,
    category: 'NOT_FOUND',
  });
}

/** The 429 HubSpot sends when the private app's rolling ten-second budget is spent. */
export function tenSecondlyLimit(retryAfterSeconds: number): HubSpotError {
  return new HubSpotError(
    429,
    {
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      category: 'RATE_LIMITS',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
      groupName: 'privateapp',
    },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

/** The 429 CRM search sends past its per-second limit (the api-client retries exactly this message). */
export function secondlySearchLimit(): HubSpotError {
  return new HubSpotError(
    429,
    {
      status: 'error',
      message: 'You have reached your secondly limit.',
      category: 'RATE_LIMITS',
      errorType: 'RATE_LIMIT',
      policyName: 'SECONDLY',
    },
    { 'Retry-After': '1' },
  );
}

const INJECTED: Record<number, { message: string; category: string }> = {
  502: { message: 'Bad Gateway: the CRM backend did not answer in time', category: 'BAD_GATEWAY' },
  503: { message: 'Service Unavailable: please retry shortly', category: 'SERVICE_UNAVAILABLE' },
  504: { message: 'Gateway Timeout: the request took too long', category: 'GATEWAY_TIMEOUT' },
};

export function injectedFailure(status: 502 | 503 | 504): HubSpotError {
  const entry = INJECTED[status]!;
  return new HubSpotError(status, { status: 'error', ...entry });
}
