// One table of messages keyed by code, so an error's wording lives in one place.
const MESSAGES = {
  invalid_option: 'Invalid option',
  storage_unavailable: 'IndexedDB is unavailable; events are kept in memory',
  storage_failed: 'Storage failed',
  storage_reset: "The attempt's database was deleted or closed; its events were written back",
  network_failed: 'Canvas was not reached',
  http_error: 'Canvas refused the request',
  unauthorized: 'Canvas refused the credentials; delivery is paused until setAuth() or flush()',
  submission_not_found: 'Unknown quiz submission; delivery is paused',
  event_rejected: 'Canvas refused an event; it is in the dead-letter store',
  session_failed: 'The quiz submission could not be started',
  stopped: 'The proctor was stopped',
  not_started: 'Not started: call start() first',
  capture_failed: 'A capture source failed',
  // Canvas's refusals of a quiz session, each with Canvas's own message as the detail.
  invalid_access_code: 'Canvas refused the access code',
  ip_denied: "Canvas refused this computer's IP address",
  quiz_locked: 'The quiz is locked',
  not_allowed: 'This user may not take the quiz',
  no_attempts_left: 'No attempt is left to start',
  unsupported_quiz: "Canvas's API does not support this quiz type",
  invalid_token: 'Canvas refused the validation token',
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
