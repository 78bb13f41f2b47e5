import { formatElapsed } from './format-elapsed.js';
import type { TimelineRow } from './timeline-model.js';

// A row shows the start of its event_data; the whole of a long one (an answer's text) would hide the log.
const MAX_DATA_CHARS = 240;

/**
 * An event's row as text, unescaped: number, time since the start, type, page load and seq, and
 * event_data. A moment from `created_at` reads `≤`: Canvas stored the event then, it happened before.
 * The events list escapes these; the details region sets them as text.
 */
export function eventCells({ index, event, ms, byReceived }: TimelineRow, startMs: number): string[] {
  const json = event.data === null ? '' : JSON.stringify(event.data);
  return [
    String(index + 1),
    ms === null ? '—' : `${byReceived ? '≤ ' : ''}${formatElapsed(ms - startMs)}`,
    event.type,
    event.tab === null ? '' : `${event.tab} · ${String(event.seq)}`,
    json.length > MAX_DATA_CHARS ? `${json.slice(0, MAX_DATA_CHARS)}…` : json,
  ];
}
