/** An event as a capture source produces it, before it has a place in the attempt's record. */
export interface CapturedEvent {
  type: string;
  /** Canvas's `event_data`; absent for types whose `event_data` key Canvas omits. */
  data?: unknown;
  /** When it happened, in ms since the epoch, from the scheduler's clock. */
  capturedAt: number;
}

/**
 * An event as the tab that captured it numbered it, before it is written to the attempt's store.
 * Each page load of the attempt is a tab with its own id and its own gap-free numbering, so no two
 * tabs ever contend for a number: an event keeps the identity it was given from capture to Canvas,
 * and a copy sent by keepalive from a page being closed is an exact copy of the stored one.
 */
export interface StoredEvent {
  /** The page load that captured it (a few base-36 characters). */
  tab: string;
  /** Sequence number within the tab, from 1, gap-free. */
  seq: number;
  type: string;
  data?: unknown;
  /** `client_timestamp` in ms: strictly increasing within the tab. */
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
// and `tab` go only into ours; for Canvas's types the client_timestamp and type tell events apart.
export const CANVAS_EVENT_TYPES: ReadonlySet<string> = new Set([
  'session_started',
  'page_blurred',
  'page_focused',
  'question_viewed',
  'question_flagged',
  'question_answered',
]);

/** One key per event, for the maps that track it in memory. */
export const eventKey = (event: StoredEvent): string => `${event.tab}:${String(event.seq)}`;

export function toCanvasEvent(event: StoredEvent): CanvasEvent {
  const wire: CanvasEvent = { event_type: event.type, client_timestamp: new Date(event.at).toISOString() };
  if (CANVAS_EVENT_TYPES.has(event.type)) {
    if (event.data !== undefined) wire.event_data = event.data;
  } else {
    const data = typeof event.data === 'object' && event.data !== null ? event.data : { value: event.data };
    wire.event_data = { ...data, seq: event.seq, tab: event.tab };
  }
  return wire;
}
