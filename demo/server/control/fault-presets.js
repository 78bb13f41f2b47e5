// Ready-made faults (POST /__control/faults {"preset": "<name>", ...}); explicit fields override.
export const FAULT_PRESETS = {
  // Canvas's RequestThrottle answer: a plain-text 403, not JSON and not a 429.
  'rate-limit': {
    action: 'status',
    status: 403,
    contentType: 'text/plain; charset=utf-8',
    body: '403 Forbidden (Rate Limit Exceeded)\n',
    headers: { 'X-Rate-Limit-Remaining': '0.0' },
  },
  // A generic proxy-style 429 (Canvas itself never sends one).
  'too-many-requests': {
    action: 'status',
    status: 429,
    contentType: 'application/json; charset=utf-8',
    body: { errors: [{ message: 'Too Many Requests' }] },
    headers: { 'Retry-After': '2' },
  },
  // A load balancer's 503: an HTML body, as a real one would send.
  unavailable: {
    action: 'status',
    status: 503,
    contentType: 'text/html; charset=utf-8',
    body: '<html><body><h1>503 Service Unavailable</h1></body></html>\n',
    headers: { 'Retry-After': '1' },
  },
  // Canvas's answer to an unhandled exception.
  'internal-error': {
    action: 'status',
    status: 500,
    contentType: 'application/json; charset=utf-8',
    body: { errors: [{ message: 'An error occurred.', error_code: 'internal_server_error' }] },
  },
  // The connection drops before any answer (nothing was stored).
  reset: { action: 'reset' },
  // The request is fully handled (events ARE stored) and then the answer is lost.
  'lost-response': { action: 'reset', afterHandler: true },
  // A slow answer.
  delay: { action: 'delay', delayMs: 2000 },
  // No answer at all until the client gives up (the server drops the socket after delayMs).
  timeout: { action: 'timeout', delayMs: 30_000 },
};
