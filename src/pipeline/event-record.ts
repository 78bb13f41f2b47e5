/** An event as a capture source produces it, before it has a place in the attempt's record. */
export interface CapturedEvent {
  type: string;
  /** Canvas's `event_data`; absent for types whose `event_data` key Canvas omits. */
  data?: unknown;
  /** When it happened, in ms since the epoch, from the scheduler's clock. */
  capturedAt: number;
}

/** An event once written to the attempt's store: numbered and given its unique client timestamp. */
export interface StoredEvent {
  /** Per-attempt sequence number, from 1, gap-free at write time. */
  seq: number;
  type: string;
  data?: unknown;
  /** `client_timestamp` in ms: strictly increasing within the attempt. */
  at: number;
  /** Approximate size in the store, for its byte bound. */
  bytes: number;
}

/** One element of Canvas's `quiz_submission_events` array. */
export interface CanvasEvent {
  event_type: string;
  event_data?: unknown;
  client_timestamp: string;
}

// Canvas's own types keep Canvas's exact event_data shapes (its log viewer parses them), so `seq`
// goes only into ours; for Canvas's types (attempt, client_timestamp) names the event on the server.
export const CANVAS_EVENT_TYPES: ReadonlySet<string> = new Set([
  'session_started',
  'page_blurred',
  'page_focused',
  'question_viewed',
  'question_flagged',
  'question_answered',
]);

export function toCanvasEvent(event: StoredEvent): CanvasEvent {
  const wire: CanvasEvent = { event_type: event.type, client_timestamp: new Date(event.at).toISOString() };
  if (CANVAS_EVENT_TYPES.has(event.type)) {
    if (event.data !== undefined) wire.event_data = event.data;
  } else {
    const data = typeof event.data === 'object' && event.data !== null ? event.data : { value: event.data };
    wire.event_data = { ...data, seq: event.seq };
  }
  return wire;
}
