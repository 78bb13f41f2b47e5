import { rackStatusName } from './rack-status.js';

// Every error answer the emulator gives, with Canvas's exact status codes, bodies and headers
// (ApplicationController#api_error_json, #render_json_unauthorized, lib/request_error.rb).

export class CanvasHttpError extends Error {
  constructor(statusCode, body, headers = {}) {
    super(
      typeof body?.message === 'string' ? body.message : (body?.errors?.[0]?.message ?? `HTTP ${statusCode}`),
    );
    this.statusCode = statusCode;
    this.body = body;
    this.headers = headers;
  }
}

const WWW_AUTHENTICATE = { 'WWW-Authenticate': 'Bearer realm="canvas-lms"' };

/** RequestError / `reject!(message, status)`: the quiz APIs' `{status, message}` envelope. */
export function requestError(message, statusCode) {
  return new CanvasHttpError(statusCode, { status: rackStatusName(statusCode), message });
}

/** ActiveRecord::RecordNotFound, and unknown routes. */
export function notFound() {
  return new CanvasHttpError(404, { errors: [{ message: 'The specified resource does not exist.' }] });
}

/** AuthenticationMethods::AccessTokenError. */
export function invalidAccessToken() {
  return new CanvasHttpError(401, { errors: [{ message: 'Invalid access token.' }] }, WWW_AUTHENTICATE);
}

/** render_json_unauthorized with no current user (require_user failed). Always 401. */
export function unauthenticated() {
  return new CanvasHttpError(
    401,
    { status: 'unauthenticated', errors: [{ message: 'user authorization required' }] },
    WWW_AUTHENTICATE,
  );
}

/**
 * render_json_unauthorized with a current user (authorized_action failed): 401, or 403 when the
 * site-admin feature api_auth_error_updates is on (our `apiAuthErrorUpdates` option).
 */
export function unauthorized(apiAuthErrorUpdates = false) {
  return new CanvasHttpError(apiAuthErrorUpdates ? 403 : 401, {
    status: 'unauthorized',
    errors: [{ message: 'user not authorized to perform that action' }],
  });
}

/** ActionController::ParameterMissing. */
export function parameterMissing(param) {
  return new CanvasHttpError(400, { errors: [{ message: `${param} is missing` }] });
}

/**
 * Any other exception in an API request: `{"errors":[{"message":"An error occurred.",
 * "error_code":"<rack name>"}]}`. Canvas answers a malformed JSON body (ParseError, 400) and a
 * failed CSRF check (InvalidAuthenticityToken, 422) this way.
 */
export function genericError(statusCode) {
  return new CanvasHttpError(statusCode, {
    errors: [{ message: 'An error occurred.', error_code: rackStatusName(statusCode) }],
  });
}

/** Not Canvas (nginx would answer with an HTML page): a JSON 413 that states the limit. */
export function entityTooLarge(limitBytes) {
  return new CanvasHttpError(413, {
    errors: [
      { message: `Request entity too large: the request body exceeds the limit of ${limitBytes} bytes.` },
    ],
  });
}

/** Our own 400 for inputs Canvas would crash on (documented where used). */
export function badRequest(message) {
  return new CanvasHttpError(400, { errors: [{ message }] });
}
