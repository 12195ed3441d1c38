// The organization's Trade Ledger API, as the dashboard calls it: same origin, the API key from
// this tab's sessionStorage in the Authorization header only, errors as the API's problems.

const KEY = 'tradeLedger.apiKey';

/** The API's answer to a refused request: its problem document (RFC 9457) with the stable code. */
export class Problem extends Error {
  constructor(status, body) {
    super(body.detail || body.title || `HTTP ${status}`);
    this.status = status;
    this.code = body.code || 'HTTP_' + status;
    this.detail = body.detail || body.title || '';
    this.txId = body.txId;
  }
}

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: (key) => sessionStorage.setItem(KEY, key),
  signOut: () => {
    sessionStorage.removeItem(KEY);
  },
};

/** The Authorization header of the signed-in user (and any other headers given). */
export function headers(extra = {}) {
  const key = session.key();
  return key ? { ...extra, Authorization: `Bearer ${key}` } : { ...extra };
}

/**
 * Calls the API: `body` is sent as JSON unless it is a Blob (sent as octet-stream). Answers the
 * parsed JSON (null for an empty body), or throws a Problem.
 */
export async function call(method, path, body) {
  const init = { method, headers: headers({ Accept: 'application/json' }) };
  if (body instanceof Blob) {
    init.headers['Content-Type'] = 'application/octet-stream';
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new Problem(0, { code: 'NETWORK_ERROR', detail: 'the service cannot be reached' });
  }
  const text = await response.text();
  const json = text ? parse(text) : null;
  if (!response.ok) {
    const problem = new Problem(response.status, json && typeof json === 'object' ? json : {});
    if (response.status === 401) {
      window.dispatchEvent(new CustomEvent('tradeledger:unauthenticated', { detail: problem }));
    }
    throw problem;
  }
  const txId = response.headers.get('X-Transaction-Id');
  if (txId && json && typeof json === 'object') {
    // Not a property of the record: it travels beside it, in the response header.
    Object.defineProperty(json, 'txId', { value: txId, enumerable: false });
  }
  return json;
}

/** Tells the page (a toast) that something was done. */
export function notice(text) {
  window.dispatchEvent(new CustomEvent('tradeledger:notice', { detail: text }));
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);
export const put = (path, body) => call('PUT', path, body);

/** Path segments are encoded: ids come from users. */
export function path(strings, ...values) {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? encodeURIComponent(values[i]) : ''), '');
}
