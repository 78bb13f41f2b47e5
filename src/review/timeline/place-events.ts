import type { ReviewEvent } from '../review-event.js';
import type { TimelineRow, TimeSource } from './timeline-model.js';

const parse = (iso: string | null): number | null => {
  const ms = iso === null ? NaN : Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

/**
 * The events in time order, newest last: by `client_timestamp` where the log has it, else by
 * `created_at` (real Canvas), which says when a batch arrived and is shared by the whole batch. Ties
 * keep a page load's own order (`seq`), then the log's.
 */
export function placeEvents(events: readonly ReviewEvent[]): { rows: TimelineRow[]; timeSource: TimeSource } {
  const placed = events.map((event, order) => {
    const received = event.atMs === null;
    return { event, order, ms: event.atMs ?? parse(event.receivedAt), byReceived: received };
  });
  placed.sort(
    (a, b) =>
      (a.ms ?? Infinity) - (b.ms ?? Infinity) ||
      (a.event.tab === b.event.tab ? (a.event.seq ?? 0) - (b.event.seq ?? 0) : 0) ||
      a.order - b.order,
  );
  const timed = placed.filter((row) => row.ms !== null);
  const received = timed.filter((row) => row.byReceived).length;
  const timeSource: TimeSource = received === 0 ? 'client' : received === timed.length ? 'received' : 'mixed';
  return {
    rows: placed.map(({ event, ms, byReceived }, index) => ({ index, event, ms, byReceived })),
    timeSource,
  };
}
