// The one way the dashboard talks to Fleetplan: the public /api/v1 API with a bearer token.
// The token lives in sessionStorage (this tab only), never in the URL.

const TOKEN_KEY = 'fleetplan.token';

/** A failed call: status 0 when the server did not answer at all; problem is the RFC 9457 body. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  get forbidden() {
    return this.status === 403;
  }

  get notFound() {
    return this.status === 404;
  }
}

const listeners = {
  unauthorized: () => {},
  down: () => {},
  up: () => {},
};

/** Who hears of a 401 (token unknown, expired or revoked), of the API being down, and of it answering again. */
export function onConnection(handlers) {
  Object.assign(listeners, handlers);
}

export function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function keepToken(secret) {
  sessionStorage.setItem(TOKEN_KEY, secret);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/**
 * Calls the API: api('/pools') or api('/orders', {query: {status: 'PENDING'}}).
 * Resolves to the parsed JSON; rejects with an ApiError.
 */
export async function api(path, { method = 'GET', query, body, headers = {}, secret } = {}) {
  const url = new URL(`/api/v1${path}`, window.location.origin);
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
    }
  }
  const sent = { Accept: 'application/json, application/problem+json', ...headers };
  const bearer = secret ?? token();
  if (bearer) sent.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) sent['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: sent,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (cause) {
    const error = new ApiError(0, {
      title: 'The Fleetplan API is not answering',
      detail: `no answer from ${window.location.origin} (${cause.message})`,
    });
    listeners.down(error);
    throw error;
  }
  const type = response.headers.get('Content-Type') || '';
  let data = null;
  if (response.status !== 204 && response.status !== 304) {
    const text = await response.text();
    if (text && type.includes('json')) {
      try {
        data = JSON.parse(text);
      } catch {
        data = null;
      }
    } else {
      data = text;
    }
  }
  if (response.ok) {
    listeners.up();
    return data;
  }
  const problem = data && typeof data === 'object' ? data : { title: response.statusText || `HTTP ${response.status}` };
  const error = new ApiError(response.status, { status: response.status, ...problem });
  if (response.status === 401 && secret === undefined) {
    listeners.unauthorized(error);
  } else if (response.status >= 500) {
    listeners.down(error);
  } else {
    listeners.up();
  }
  throw error;
}

/** Every item of a paged list, following nextCursor (at most `pages` pages). */
export async function all(path, query = {}, pages = 50) {
  const items = [];
  let cursor;
  for (let i = 0; i < pages; i++) {
    const page = await api(path, { query: { ...query, limit: 200, cursor } });
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

/** Whether the server answers /health at all (no token needed). */
export async function healthy() {
  try {
    const response = await fetch('/health', { cache: 'no-store' });
    return response.ok;
  } catch {
    return false;
  }
}
