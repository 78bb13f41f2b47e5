import { badRequest, parameterMissing } from '../http/canvas-errors.js';
import { dbTime } from '../lib/time.js';

const isHash = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * `event.event_type = datum["event_type"]` on a string column: no whitelist, strings stored
 * verbatim; numbers as their text; booleans as ActiveRecord's "t"/"f". null, a missing key, an
 * array or a hash would have made Canvas's insert fail (500): refused here.
 */
function eventTypeOf(value) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return null;
}

/**
 * Turns `params["quiz_submission_events"]` into rows, the way QuizSubmissionEventsApiController
 * #create does: attempt = the submission's current attempt (never the client's), event_data =
 * any JSON or NULL when absent, client_timestamp as sent, created_at = the server clock.
 *
 * Where Canvas would crash, the whole batch is refused with a 400 and nothing is stored:
 *  - missing (or null) `quiz_submission_events`: Canvas calls `nil.each` and answers a 500
 *    ("An error occurred.", internal_server_error). A 500 invites endless retries of a request
 *    that can never succeed, so the emulator answers Canvas's ParameterMissing envelope instead:
 *    400 {"errors":[{"message":"quiz_submission_events is missing"}]}.
 *  - not an array, an element that is not an object, or an element without a usable
 *    event_type: Canvas would store the elements before the bad one and then 500, and a client
 *    retrying the batch would duplicate them. Refusing the batch up front keeps it
 *    all-or-nothing. (null elements never get here: Rails' deep_munge drops them, so Canvas
 *    skips them silently, and so does the emulator.)
 * An empty array is a valid no-op (204).
 */
export function buildEventRows(batch, qs, now) {
  if (batch === undefined || batch === null) throw parameterMissing('quiz_submission_events');
  if (!Array.isArray(batch)) throw badRequest('quiz_submission_events must be an array of event objects');
  const createdAt = dbTime(now);
  return batch.map((datum, index) => {
    if (!isHash(datum)) throw badRequest(`quiz_submission_events[${index}] must be an object`);
    const eventType = eventTypeOf(datum.event_type);
    if (eventType === null) throw badRequest(`quiz_submission_events[${index}] has no event_type`);
    const clientTimestamp = datum.client_timestamp;
    return {
      quiz_submission_id: qs.id,
      attempt: qs.attempt,
      event_type: eventType,
      event_data:
        datum.event_data === undefined || datum.event_data === null ? null : JSON.stringify(datum.event_data),
      client_timestamp:
        clientTimestamp === undefined || clientTimestamp === null
          ? null
          : typeof clientTimestamp === 'string'
            ? clientTimestamp
            : JSON.stringify(clientTimestamp),
      created_at: createdAt,
    };
  });
}
