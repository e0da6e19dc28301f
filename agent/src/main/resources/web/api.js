// The server's JSON API.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** JSON in, JSON out. Errors carry the server's own sentence ({"error": "..."}), never a body that is not that shape. */
export async function api(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError('The Athanor server does not answer. Is "athanor serve" still running?', 0);
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = null; }
  }
  if (!res.ok) {
    const message = data && typeof data.error === 'string' && data.error
      ? data.error
      : `The server could not do that (HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}).`;
    throw new ApiError(message, res.status);
  }
  return data;
}

export const runPath = (id) => `/api/runs/${encodeURIComponent(id)}`;
