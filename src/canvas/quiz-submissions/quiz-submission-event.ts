import type { Id } from '../core/id.js';

/** An event to record; `event_data` is free-form JSON (arrays and booleans survive: bodies are JSON). */
export interface QuizSubmissionEventInput {
  event_type: string;
  event_data?: unknown;
  /** ISO-8601 with milliseconds and `Z`, as `Date#toJSON` gives. */
  client_timestamp: string;
}

/** A stored event as the teacher reads it back (Canvas never echoes `client_timestamp`). */
export interface QuizSubmissionEvent<I extends Id = Id> {
  id: I;
  event_type: string;
  event_data: unknown;
  created_at: string;
}
