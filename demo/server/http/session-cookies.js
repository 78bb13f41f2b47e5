import { maskToken } from './csrf-token.js';

export const SESSION_COOKIE = 'canvas_session';
export const CSRF_COOKIE = '_csrf_token';

// canvas_session is HttpOnly; _csrf_token must be readable by page scripts (Canvas's jQuery
// prefilter copies it into X-CSRF-Token). No Secure flag: the demo runs on plain http.
export function setCsrfCookie(reply, csrfSecret) {
  reply.setCookie(CSRF_COOKIE, maskToken(csrfSecret), { path: '/', sameSite: 'lax' });
}

export function setSessionCookies(reply, cookieValue, csrfSecret) {
  reply.setCookie(SESSION_COOKIE, cookieValue, { path: '/', httpOnly: true, sameSite: 'lax' });
  setCsrfCookie(reply, csrfSecret);
}

export function clearSessionCookies(reply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
