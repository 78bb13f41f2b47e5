import ky, { type KyInstance } from 'ky';
import { authHeaders, type CanvasAuth } from './canvas-auth.js';

// Canvas prefixes cookie-session JSON GETs with `while(1);` to defeat JSON hijacking.
const WHILE_ONE = /^\s*while\(1\);/;

/** Parses a Canvas JSON body, with or without the `while(1);` prefix. */
export function parseCanvasJson(text: string): unknown {
  const body = text.replace(WHILE_ONE, '');
  return body === '' ? undefined : JSON.parse(body);
}

/** Asks for every id as a string (`application/json+canvas-string-ids`). */
export const STRING_IDS_ACCEPT = 'application/json+canvas-string-ids, application/json';

/**
 * A ky instance for Canvas: auth on every request, CSRF token for cookie sessions, no retries
 * (retry lives in the delivery queue so it survives a reload) and no throwing on HTTP status.
 * No prefixUrl: every caller passes absolute URLs (Link and Location headers are absolute, which
 * ky's prefixUrl cannot take).
 */
export function createCanvasHttp(getAuth: () => CanvasAuth, accept = STRING_IDS_ACCEPT): KyInstance {
  return ky.create({
    retry: 0,
    throwHttpErrors: false,
    timeout: 30_000,
    credentials: 'include',
    parseJson: parseCanvasJson,
    headers: { Accept: accept },
    hooks: {
      beforeRequest: [
        (request) => {
          for (const [name, value] of Object.entries(authHeaders(getAuth(), request.method)))
            request.headers.set(name, value);
        },
      ],
    },
  });
}
