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

/** A typed session error from a Canvas answer (or from a request that got none). */
export function sessionErrorFrom(
  fallback: ProctorErrorCode,
  error: { status?: number; canvasMessage?: string },
  cause: unknown,
): SessionError {
  const message = error.canvasMessage;
  const code =
    BY_MESSAGE.find(([pattern]) => message !== undefined && pattern.test(message))?.[1] ?? fallback;
  const init: { status?: number; canvasMessage?: string; cause?: unknown } = { cause };
  if (error.status !== undefined) init.status = error.status;
  if (message !== undefined) init.canvasMessage = message;
  return new SessionError(code, init);
}
