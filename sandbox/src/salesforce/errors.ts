/** One error as Salesforce lists it: REST answers carry an array of these. */
export interface SfErrorItem {
  message: string;
  errorCode: string;
  fields?: string[];
}

/** A refusal answered in Salesforce's shape, `[{ message, errorCode, fields }]`, with its HTTP status. */
export class SalesforceError extends Error {
  constructor(
    readonly status: number,
    readonly errors: SfErrorItem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors.map((e) => `${e.errorCode}: ${e.message}`).join('; '));
  }
}

export const sfError = (status: number, errorCode: string, message: string, fields?: string[]) =>
  new SalesforceError(status, [{ message, errorCode, ...(fields ? { fields } : {}) }]);

export const invalidToken = () => sfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');

export const notFound = (path: string) =>
  sfError(404, 'NOT_FOUND', `The requested resource does not exist: ${path}`);

export const methodNotAllowed = (method: string, allowed: string[]) =>
  sfError(
    405,
    'METHOD_NOT_ALLOWED',
    `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`,
  );

export const recordNotFound = () =>
  sfError(404, 'NOT_FOUND', 'The requested resource does not exist');

export const jsonParserError = (message: string) => sfError(400, 'JSON_PARSER_ERROR', message);

export const invalidType = (type: string) =>
  sfError(
    404,
    'NOT_FOUND',
    `The requested resource does not exist: sObject type '${type}' is not supported.`,
  );

/** The 403 once the org's rolling 24-hour API request allocation is spent. */
export const requestLimitExceeded = () =>
  sfError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');

const INJECTED: Record<number, SfErrorItem> = {
  502: {
    errorCode: 'SERVER_UNAVAILABLE',
    message: 'Bad Gateway: the server did not answer in time',
  },
  503: {
    errorCode: 'SERVER_UNAVAILABLE',
    message:
      'Server is temporarily unavailable due to maintenance or high load. Please try again later.',
  },
  504: {
    errorCode: 'REQUEST_RUNNING_TOO_LONG',
    message: 'Your request was running for too long, and has been stopped.',
  },
};

export const injectedFailure = (status: 502 | 503 | 504) =>
  new SalesforceError(status, [INJECTED[status]!]);
