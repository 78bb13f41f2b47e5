import { isNamedProctorError } from '../errors/is-proctor-error.js';
import { SessionError } from './session-error.js';

/** True for Canvas's refusal to start, resume or complete the quiz submission (or no answer to it). */
export function isSessionError(error: unknown): error is SessionError {
  return error instanceof SessionError || isNamedProctorError(error, 'SessionError');
}
