import { maskToken, tokenMatchesSecret } from '../http/csrf-token.js';
import { railsParams } from '../http/rails-params.js';
import { SESSION_COOKIE, setCsrfCookie } from '../http/session-cookies.js';

// Canvas's HTML pages know the user from the cookie session alone (access tokens are for the
// API). Without one, require_user sends the browser to the login page, which comes back.

/** { session, user, csrfToken() } for the request's session, or null. Rotates _csrf_token. */
export function pageSession(request, reply, store) {
  const session = store.sessions.findByCookie(request.cookies?.[SESSION_COOKIE]);
  const user = session ? store.users.find(session.user_id) : null;
  if (!user) return null;
  setCsrfCookie(reply, session.csrf_secret);
  return { session, user, csrfToken: () => maskToken(session.csrf_secret) };
}

/** require_user for a page: 302 to /login, which returns here after logging in. */
export function redirectToLogin(request, reply) {
  return reply.redirect(`/login?return_to=${encodeURIComponent(request.url)}`, 302);
}

/** verify_authenticity_token: the form's authenticity_token, or the X-CSRF-Token header. */
export function authenticityTokenValid(request, session) {
  const params = railsParams(request);
  return [params.authenticity_token, request.headers['x-csrf-token']].some((value) =>
    tokenMatchesSecret(value, session.csrf_secret),
  );
}
