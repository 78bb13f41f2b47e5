import { readCookie } from './read-cookie.js';

/** How requests to Canvas authenticate. */
export type CanvasAuth =
  /** An API access token sent as `Authorization: Bearer`. Kept in memory only, never persisted. */
  | { type: 'bearer'; token: string }
  /** The page's Canvas cookie session; state-changing requests carry `X-CSRF-Token` from the `_csrf_token` cookie. */
  | { type: 'session' };

/**
 * The headers that authenticate one request: the bearer token, or for a cookie session's
 * state-changing request the CSRF token Canvas keeps in the `_csrf_token` cookie. One place for
 * both the ky path and the keepalive path, which cannot go through ky.
 */
export function authHeaders(auth: CanvasAuth, method: string): Record<string, string> {
  if (auth.type === 'bearer') return { Authorization: `Bearer ${auth.token}` };
  if (method === 'GET' || method === 'HEAD') return {};
  const csrf = readCookie('_csrf_token');
  return csrf === undefined ? {} : { 'X-CSRF-Token': csrf };
}
