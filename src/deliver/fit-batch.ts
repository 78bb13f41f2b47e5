import { toCanvasEvent } from '../events/to-canvas-event.js';
import type { StoredEvent } from '../events/stored-event.js';

// `{"quiz_submission_events":[` + `]}`: the envelope around the events.
const ENVELOPE_BYTES = 28;
const encoder = new TextEncoder();

/**
 * The longest prefix of `events` whose request body stays within `maxBytes` (always at least one
 * event, so an oversized event is still sent alone rather than stuck forever).
 */
export function fitBatch(events: readonly StoredEvent[], maxBytes: number): StoredEvent[] {
  let bytes = ENVELOPE_BYTES;
  const batch: StoredEvent[] = [];
  for (const event of events) {
    const size = encoder.encode(JSON.stringify(toCanvasEvent(event))).length + 1;
    if (batch.length > 0 && bytes + size > maxBytes) break;
    bytes += size;
    batch.push(event);
  }
  return batch;
}
