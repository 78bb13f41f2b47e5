import type { QuizSubmissionEventInput } from '../canvas/quiz-submissions/quiz-submission-event.js';
import { isCanvasType } from './event-traits.js';
import type { StoredEvent } from './stored-event.js';

/** A stored event as one element of Canvas's `quiz_submission_events` array. */
export function toCanvasEvent(event: StoredEvent): QuizSubmissionEventInput {
  const wire: QuizSubmissionEventInput = {
    event_type: event.type,
    client_timestamp: new Date(event.at).toISOString(),
  };
  // Canvas's own types keep Canvas's exact event_data shapes (its log viewer parses them), so `seq`
  // and `tab` go only into ours; for Canvas's types the client_timestamp and type tell events apart.
  if (isCanvasType(event.type)) {
    if (event.data !== undefined) wire.event_data = event.data;
  } else {
    const data = typeof event.data === 'object' && event.data !== null ? event.data : { value: event.data };
    wire.event_data = { ...data, seq: event.seq, tab: event.tab };
  }
  return wire;
}
