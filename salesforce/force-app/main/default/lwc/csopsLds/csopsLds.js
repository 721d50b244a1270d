import UNKNOWN_ERROR from '@salesforce/label/c.Csops_Error_Unknown';

/**
 * Turns Lightning Data Service and Apex errors into messages a user can read, and tells a missing
 * permission apart from a failure so components can show a no-access state instead of an error.
 */
export function reduceErrors(errors) {
  const list = Array.isArray(errors) ? errors : [errors];
  return list
    .filter((error) => !!error)
    .flatMap((error) => {
      const body = error.body;
      if (Array.isArray(body)) return body.map((b) => b.message);
      if (body && body.output) {
        const page = (body.output.errors || []).map((e) => e.message);
        const fields = Object.values(body.output.fieldErrors || {})
          .flat()
          .map((e) => e.message);
        if (page.length || fields.length) return [...page, ...fields];
      }
      if (body && typeof body.message === 'string') return [body.message];
      if (typeof error.message === 'string') return [error.message];
      return [error.statusText || UNKNOWN_ERROR];
    })
    .filter((message) => !!message);
}

const NO_ACCESS_CODES = ['INSUFFICIENT_ACCESS', 'INSUFFICIENT_ACCESS_OR_READONLY', 'NOT_FOUND'];

function errorCodes(error) {
  const body = error && error.body;
  if (Array.isArray(body)) return body.map((b) => b.errorCode);
  if (body && body.output && Array.isArray(body.output.errors)) {
    return body.output.errors.map((e) => e.errorCode);
  }
  return body && body.errorCode ? [body.errorCode] : [];
}

/** True when the platform refused for lack of access (sharing, object or class permission). */
export function isNoAccess(error) {
  if (!error) return false;
  if (error.status === 403 || error.status === 404) return true;
  return errorCodes(error).some((code) => NO_ACCESS_CODES.includes(code));
}

/** True when a unique field already holds the value, e.g. an expansion key created elsewhere. */
export function isDuplicateValue(error) {
  return errorCodes(error).includes('DUPLICATE_VALUE');
}
