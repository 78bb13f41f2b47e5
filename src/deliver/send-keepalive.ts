import { authHeaders, type CanvasAuth } from '../canvas/core/canvas-auth.js';
import type { SendResult } from './retry-policy.js';

/**
 * POSTs a body with `fetch(..., {keepalive: true})`, started synchronously so it leaves even when
 * the page is being closed. Plain fetch, not ky: ky starts the request a few microtasks later.
 */
export function sendKeepalive(url: string, body: string, auth: CanvasAuth): Promise<SendResult> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=UTF-8',
    Accept: 'application/json+canvas-string-ids, application/json',
    ...authHeaders(auth, 'POST'),
  };
  try {
    return fetch(url, { method: 'POST', body, headers, keepalive: true, credentials: 'include' }).then(
      async (response) => ({
        status: response.status,
        body: response.ok ? '' : await response.text().catch(() => ''),
        retryAfter: response.headers.get('Retry-After'),
      }),
      (cause: unknown) => ({ body: String(cause) }),
    );
  } catch (cause) {
    // A body over the keepalive quota makes fetch throw synchronously in some browsers.
    return Promise.resolve({ body: String(cause) });
  }
}
