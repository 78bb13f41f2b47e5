/** One item of Canvas's "Retrieve captured events" answer (`GET …/submissions/:id/events`). */
export interface RetrievedEvent {
  /** Canvas's id (a string; a number where ids are not stringified). */
  id: string | number;
  event_type: string;
  /** Free-form JSON: `null` for `page_blurred`/`page_focused`, an array for `question_viewed`. */
  event_data: unknown;
  /** When Canvas stored the batch that carried it: seconds (or days) after the event, shared by a batch. */
  created_at: string;
  /** When the page captured it. Real Canvas never returns it; the demo server does on request. */
  client_timestamp?: string | null;
}

/** The fields of Canvas's quiz submission JSON the review reads (the rest are allowed and ignored). */
export interface ReviewedSubmission {
  id?: string | number;
  attempt?: number | string;
  /** `untaken` while the attempt is being taken: events may still be on their way. */
  workflow_state?: string;
  started_at?: string | null;
  finished_at?: string | null;
  end_at?: string | null;
}

/** What `analyzeAttempt` reviews: one attempt's log and its submission. */
export interface AnalyzeAttemptInput {
  /** Every page of the events API for the attempt, concatenated, in the order Canvas returned them. */
  events: readonly RetrievedEvent[];
  submission: ReviewedSubmission;
  /**
   * How often the page records a heartbeat. The page records none yet, so no finding uses it; it is
   * accepted now so that heartbeat findings can come without a change to this input.
   */
  heartbeatIntervalMs?: number;
}
