import type { CapturedEvent, StoredEvent } from '../pipeline/event-record.js';
import type { StoreMeta } from './event-store.js';

/** Numbers a burst after `meta` and makes each timestamp strictly greater than the one before. */
export function numberEvents(
  meta: StoreMeta,
  events: readonly (CapturedEvent | StoredEvent)[],
): { meta: StoreMeta; stored: StoredEvent[] } {
  let { lastSeq, lastAt, count, bytes } = meta;
  const stored = events.map((event) => {
    lastSeq += 1;
    // Ties are bumped by 1 ms so (attempt, client_timestamp) names one event on the server.
    lastAt = Math.max('capturedAt' in event ? event.capturedAt : event.at, lastAt + 1);
    const record: StoredEvent = { seq: lastSeq, type: event.type, at: lastAt, bytes: 0 };
    if (event.data !== undefined) record.data = event.data;
    record.bytes = sizeOf(record);
    count += 1;
    bytes += record.bytes;
    return record;
  });
  return { meta: { lastSeq, lastAt, count, bytes }, stored };
}

/** Whether a tab's numbering still follows the store's, or another tab wrote in between. */
export function follows(meta: StoreMeta, events: readonly StoredEvent[]): boolean {
  const first = events[0];
  return first === undefined || (first.seq === meta.lastSeq + 1 && first.at > meta.lastAt);
}

/** Approximate stored size: the JSON length of the record (UTF-16 units; close enough for a bound). */
function sizeOf(record: StoredEvent): number {
  return 48 + record.type.length + (record.data === undefined ? 0 : JSON.stringify(record.data).length);
}

/** `meta` after adding events already numbered after it. */
export function withAdded(meta: StoreMeta, events: readonly StoredEvent[]): StoreMeta {
  const last = events[events.length - 1];
  if (last === undefined) return meta;
  return {
    lastSeq: last.seq,
    lastAt: last.at,
    count: meta.count + events.length,
    bytes: meta.bytes + events.reduce((sum, event) => sum + event.bytes, 0),
  };
}
