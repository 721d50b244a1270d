// Functions answer with a body, never a crash: { ok: true, data } or { ok: false, error }.
// The card shows error.message — a sentence a CSM can act on — and error.reference, which is also
// in the function log next to the raw details (status, body, headers, stack) that never reach a card.
// error.issues name the fields that were refused.
'use strict';

const { randomBytes } = require('node:crypto');
const { contextOf } = require('./runtime.js');

/**
 * @typedef {{ path: string, message: string }} FieldIssue
 * @typedef {{ code: string, message: string, reference: string, issues?: FieldIssue[] }} FunctionError
 */

/** Random per failure, so one person's report finds one log line. */
const newReference = () => `CS-${randomBytes(4).toString('hex').toUpperCase()}`;

/** @template T @param {T} data */
const ok = (data) => ({ ok: /** @type {const} */ (true), data });

/** @param {string} reference @param {string} code @param {string} message @param {FieldIssue[]} [issues] */
const answerOf = (reference, code, message, issues) => ({
  ok: /** @type {const} */ (false),
  error: /** @type {FunctionError} */ (
    issues && issues.length > 0
      ? { code, message, reference, issues }
      : { code, message, reference }
  ),
});

/** A refusal the function decided on; logged so its reference can be looked up too. @param {string} code @param {string} message @param {FieldIssue[]} [issues] */
function fail(code, message, issues) {
  const reference = newReference();
  console.warn(`csops function refused [${reference}] ${code}: ${message}`);
  return answerOf(reference, code, message, issues);
}

/** @param {FieldIssue[]} issues */
const invalidInput = (issues) =>
  fail(
    'invalid_input',
    `The request was refused: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    issues,
  );

/** HubSpot's client puts the status in `code`; other clients and proxies use other fields. @param {any} error */
function httpStatusOf(error) {
  for (const value of [error?.code, error?.status, error?.statusCode, error?.response?.status]) {
    if (typeof value === 'number' && value >= 100 && value <= 599) return value;
  }
  const message = typeof error?.message === 'string' ? error.message : '';
  const match = /HTTP-Code: (\d{3})/.exec(message);
  return match ? Number(match[1]) : 0;
}

const NETWORK_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
];

/** @param {any} error */
function isNetworkFailure(error) {
  const codes = [error?.code, error?.cause?.code].filter((c) => typeof c === 'string');
  return (
    error?.name === 'FetchError' ||
    error?.name === 'AbortError' ||
    error?.name === 'TimeoutError' ||
    error?.message === 'fetch failed' ||
    codes.some((c) => NETWORK_CODES.includes(c) || c.startsWith('UND_ERR'))
  );
}

/** What csops calls each CRM object in a sentence. */
const RECORD_NAMES = /** @type {Record<string, string>} */ ({
  companies: 'company',
  deals: 'deal',
  contacts: 'contact',
  tickets: 'ticket',
  meetings: 'meeting',
  tasks: 'task',
});

/**
 * The one mapping from a failure to what a CSM reads.
 * @param {unknown} error
 * @returns {{ code: string, message: string }}
 */
function describeFailure(error) {
  const status = httpStatusOf(error);
  if (status === 404) {
    const type = /** @type {any} */ (error)?.objectType;
    const name = typeof type === 'string' ? RECORD_NAMES[type] : undefined;
    return {
      code: 'not_found',
      message: name
        ? `This ${name} no longer exists in HubSpot.`
        : 'This record no longer exists in HubSpot.',
    };
  }
  if (status === 400) {
    return {
      code: 'bad_request',
      message:
        'HubSpot did not accept what csops sent. If this keeps happening, send the reference to your HubSpot admin.',
    };
  }
  if (status === 401) {
    return {
      code: 'unauthorized',
      message:
        'HubSpot no longer accepts the csops app’s access. Ask a HubSpot super admin to reinstall the app.',
    };
  }
  if (status === 403) {
    return {
      code: 'forbidden',
      message:
        'The csops app is missing a permission for this data. Ask a HubSpot super admin to reinstall it.',
    };
  }
  if (status === 409) {
    return {
      code: 'conflict',
      message: 'Someone changed this record at the same time. Reload the card and try again.',
    };
  }
  if (status === 429) {
    return {
      code: 'rate_limited',
      message: 'HubSpot is busy right now (too many requests). Try again in a minute.',
    };
  }
  if (status >= 500) {
    return { code: 'crm_unavailable', message: 'HubSpot did not answer. Try again shortly.' };
  }
  if (/** @type {any} */ (error)?.code === 'setup_missing') {
    return {
      code: 'setup_missing',
      message:
        'csops is not set up in this HubSpot account yet. Ask a HubSpot super admin to run the csops setup.',
    };
  }
  if (isNetworkFailure(error)) {
    return {
      code: 'unreachable',
      message: 'csops could not reach HubSpot. Try again in a few minutes.',
    };
  }
  return {
    code: 'internal',
    message:
      'Something went wrong in csops. Try again; if it keeps happening, send the reference to your HubSpot admin.',
  };
}

/** Turns any thrown failure into an answer the card can show; the raw details go to the log. @param {unknown} error */
function fromError(error) {
  const reference = newReference();
  let described;
  try {
    described = describeFailure(error);
  } catch {
    described = describeFailure(undefined);
  }
  console.error(`csops function failed [${reference}] ${described.code}`, error);
  return answerOf(reference, described.code, described.message);
}

/**
 * Wraps a function body so any thrown error becomes an error body.
 * @template T
 * @param {() => Promise<T>} body
 */
async function answer(body) {
  try {
    return await body();
  } catch (error) {
    return fromError(error);
  }
}

/**
 * A function's `main`: whatever context HubSpot (or anyone) passes, it answers and never throws.
 * @template T
 * @param {(context: import('./runtime.js').FunctionContext) => Promise<T>} main
 * @returns {(context?: unknown) => Promise<T | ReturnType<typeof fromError>>}
 */
function handler(main) {
  return async (context) => {
    try {
      return await main(contextOf(context));
    } catch (error) {
      return fromError(error);
    }
  };
}

module.exports = { ok, fail, invalidInput, fromError, describeFailure, answer, handler };
