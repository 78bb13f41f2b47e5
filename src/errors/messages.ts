// One table of messages keyed by code, so an error's wording lives in one place.
const MESSAGES = {
  invalid_option: 'Invalid option',
  storage_unavailable: 'IndexedDB is unavailable; events are kept in memory only',
  storage_failed: 'A storage operation failed',
  storage_reset:
    "The attempt's IndexedDB database was deleted or closed under the page; its events were written back",
  network_failed: 'The request did not reach Canvas',
  http_error: 'Canvas refused the request',
  unauthorized: 'Canvas refused the credentials; delivery is paused until new auth or flush()',
  submission_not_found: 'Canvas does not know this quiz submission; delivery is paused',
  event_rejected: 'Canvas refused an event; it was moved to the dead-letter store',
  session_failed: 'The quiz submission could not be started',
  stopped: 'The proctor was stopped',
  not_started: 'No quiz submission yet: call start() first',
  capture_failed: 'A capture source failed',
  // Canvas's refusals of a quiz session, each with Canvas's own message as the detail.
  invalid_access_code: 'Canvas refused the access code',
  ip_denied: "Canvas refused this computer's IP address for the quiz",
  quiz_locked: 'The quiz is locked',
  not_allowed: 'This user may not take the quiz',
  no_attempts_left: 'No attempt is left to start',
  unsupported_quiz: 'Canvas does not support this quiz type through its API',
  invalid_token: "Canvas refused the submission's validation token",
  invalid_attempt: 'Canvas refused the attempt number',
  complete_failed: 'The quiz submission could not be completed',
} as const;

export type ProctorErrorCode = keyof typeof MESSAGES;

/** True for one of the codes above (own keys only: `toString` is no code). */
export const isProctorErrorCode = (code: unknown): code is ProctorErrorCode =>
  Object.hasOwn(MESSAGES, code as PropertyKey);

export function messageFor(code: ProctorErrorCode, detail?: string): string {
  return detail === undefined ? MESSAGES[code] : `${MESSAGES[code]}: ${detail}`;
}
