import { CanvasApiError } from '../canvas/core/canvas-api-error.js';
import type { ProctorErrorCode } from '../errors/messages.js';
import { SessionError } from './session-error.js';

// Canvas's messages for quiz sessions (canvas-api.md §3.3-3.4), matched on the text because the
// statuses overlap (403 is an access code, an IP filter, a token or a forbidden user).
const BY_MESSAGE: [RegExp, ProctorErrorCode][] = [
  [/^invalid access code$/, 'invalid_access_code'],
  [/^IP address denied$/, 'ip_denied'],
  [/^quiz is locked$/, 'quiz_locked'],
  [/^you are not allowed to (participate in this quiz|complete this quiz submission)/, 'not_allowed'],
  [/^a quiz submission already exists$/, 'no_attempts_left'],
  [/^that type of quizzes is not supported yet$/, 'unsupported_quiz'],
  [/^invalid token$/, 'invalid_token'],
  [/^invalid attempt$|can not be modified$/, 'invalid_attempt'],
];

/**
 * A typed session error from a failed request: Canvas's refusal by its message (else `fallback`),
 * or `network_failed` when no answer came, which a later try may get past.
 */
export function sessionErrorFrom(fallback: ProctorErrorCode, cause: unknown): SessionError {
  if (!(cause instanceof CanvasApiError)) return new SessionError('network_failed', { cause });
  const { status, canvasMessage } = cause;
  const code = BY_MESSAGE.find(([pattern]) => pattern.test(canvasMessage))?.[1] ?? fallback;
  return new SessionError(code, { status, canvasMessage, cause });
}
