import { presentString } from '../lib/ruby.js';
import { hashToken } from '../store/users-store.js';
import { genericError, invalidAccessToken, unauthenticated } from './canvas-errors.js';
import { tokenMatchesSecret } from './csrf-token.js';
import { railsParams } from './rails-params.js';
import { SESSION_COOKIE, setCsrfCookie } from './session-cookies.js';

/**
 * AuthenticationMethods.access_token: the Authorization header is split Ruby-style
 * (`split(" ", 2)`); when its first word is exactly "Bearer" the rest is the token (even if
 * empty, which means "no token"); otherwise the `access_token` param (query or body) is used.
 */
export function accessTokenFromRequest(authorization, params) {
  if (typeof authorization === 'string' && authorization.trim() !== '') {
    const match = /^\s*(\S+)(?:\s+([\s\S]*))?$/.exec(authorization);
    if (match && match[1] === 'Bearer') return match[2] ? match[2] : null;
  }
  return presentString(params.access_token);
}

/**
 * Loads the current user, Canvas's way:
 *  - a token (header or param) wins; an unknown token is 401 "Invalid access token.";
 *  - else a valid canvas_session cookie; such requests are "in app": unless GET/HEAD they must
 *    carry a CSRF token matching the session (X-CSRF-Token header or authenticity_token param),
 *    and each response rotates the masked _csrf_token cookie;
 *  - else nobody (require_user answers later).
 * Canvas renders a failed CSRF check (ActionController::InvalidAuthenticityToken, which Rails
 * maps to 422) through api_error_json's generic branch, so the answer is 422
 * {"errors":[{"message":"An error occurred.","error_code":"unprocessable_entity"}]} — read from
 * ApplicationController#rescue_action_in_public/#api_error_json, not from a spec.
 */
export function authenticateRequest(request, reply, store) {
  const params = railsParams(request);
  const token = accessTokenFromRequest(request.headers.authorization, params);
  if (token !== null) {
    const user = store.users.findByToken(token);
    if (!user) throw invalidAccessToken();
    request.canvasAuth = { method: 'token', user, rateLimitKey: `token:${hashToken(token)}` };
    return;
  }
  const session = store.sessions.findByCookie(request.cookies?.[SESSION_COOKIE]);
  if (session) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const presented = [params.authenticity_token, request.headers['x-csrf-token']];
      if (!presented.some((value) => tokenMatchesSecret(value, session.csrf_secret))) throw genericError(422);
    }
    setCsrfCookie(reply, session.csrf_secret);
    request.canvasAuth = {
      method: 'session',
      user: store.users.find(session.user_id),
      rateLimitKey: `user:${session.user_id}`,
    };
    return;
  }
  request.canvasAuth = { method: null, user: null, rateLimitKey: `ip:${request.ip}` };
}

/** before_action :require_user. */
export function requireUser(request) {
  const user = request.canvasAuth?.user;
  if (!user) throw unauthenticated();
  return user;
}
