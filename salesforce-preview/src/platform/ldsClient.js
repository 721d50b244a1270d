// What the host's Lightning Data Service stand-in shares: the one way to call the org, and the wires
// that are live, so a write or a RefreshEvent can provision them again as LDS does.
const API = '/services/data/v66.0';

const live = new Set();

function token() {
  return (window.__csopsSalesforce && window.__csopsSalesforce.token) || '';
}

/** A refused call rejects with LDS's FetchResponse shape: { status, statusText, ok, body }. */
export async function callOrg(method, path, body, headers) {
  const response = await fetch(path.startsWith('/apex/') ? path : API + path, {
    method,
    headers: {
      ...headers,
      'content-type': 'application/json',
      'x-csops-preview-token': token(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { message: text };
  }
  if (!response.ok) {
    const error = new Error(response.statusText);
    error.status = response.status;
    error.statusText = response.statusText;
    error.ok = false;
    error.body = json;
    throw error;
  }
  return json;
}

/** 'Account.Name' or a schema import ({ objectApiName, fieldApiName }) → 'Account.Name'. */
export function fieldName(field) {
  if (typeof field === 'string') return field;
  return `${field.objectApiName}.${field.fieldApiName}`;
}

export function fieldList(fields) {
  if (fields === undefined || fields === null) return undefined;
  return (Array.isArray(fields) ? fields : [fields]).map(fieldName).join(',');
}

/**
 * A wire adapter that fetches on every config change and when asked again; the answer to a stale
 * request is dropped, so a slow read never overwrites a newer one.
 */
export class FetchingAdapter {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
    this.config = undefined;
    this.connected = false;
    this.sequence = 0;
  }
  connect() {
    this.connected = true;
    live.add(this);
  }
  disconnect() {
    this.connected = false;
    live.delete(this);
  }
  update(config) {
    this.config = config;
    this.provision();
  }
  /** The request for the current config, or undefined while a reactive parameter is missing. */
  request() {
    return undefined;
  }
  answer(result) {
    return { data: result, error: undefined };
  }
  failure(error) {
    return { data: undefined, error };
  }
  concerns() {
    return false;
  }
  async provision() {
    const request = this.config && this.request(this.config);
    if (!request) return;
    const sequence = ++this.sequence;
    let value;
    try {
      value = this.answer(await callOrg(request.method || 'GET', request.path, request.body));
    } catch (error) {
      value = this.failure(error);
    }
    if (this.connected && sequence === this.sequence) this.dataCallback(value);
  }
}

/** After a write: the record wires showing that record read it again. */
export function recordChanged(recordId) {
  for (const wire of live) if (wire.concerns(recordId)) wire.provision();
}

/** A RefreshEvent reaches the page: every live wire reads again. */
export function refreshAll() {
  return Promise.all([...live].map((wire) => wire.provision()));
}
