import { isObject, readEventData, readNumber } from './event-shapes.js';
import type { ReviewEvent } from './review-event.js';

/** A numbered event left out as malformed: it did reach Canvas, so its number is no gap. */
export interface UnreadableNumber {
  tab: string;
  seq: number;
}

/**
 * Checks each item of the log. A malformed one is skipped and said in words: one bad row must not
 * hide the rest of an attempt.
 */
export function readEvents(items: readonly unknown[]): {
  events: ReviewEvent[];
  skipped: string[];
  unreadable: UnreadableNumber[];
} {
  const events: ReviewEvent[] = [];
  const skipped: string[] = [];
  const unreadable: UnreadableNumber[] = [];
  items.forEach((item, index) => {
    const read = readEvent(item, index);
    if ('problem' in read) {
      skipped.push(read.problem);
      const numbered = isObject(item) ? readNumber(item.event_data) : null;
      if (numbered) unreadable.push(numbered);
    } else events.push(read);
  });
  return { events, skipped, unreadable };
}

function readEvent(item: unknown, index: number): ReviewEvent | { problem: string } {
  if (!isObject(item)) return { problem: `item ${String(index + 1)}: not an object` };
  const { id, event_type: type, event_data: data = null, created_at: createdAt } = item;
  const ref =
    typeof id === 'string' || typeof id === 'number' ? `event ${String(id)}` : `item ${String(index + 1)}`;
  if (typeof type !== 'string' || type === '') return { problem: `${ref}: no event_type` };
  const given = item.client_timestamp ?? null;
  const atMs = typeof given === 'string' ? Date.parse(given) : NaN;
  if (given !== null && Number.isNaN(atMs))
    return { problem: `${ref} (${type}): client_timestamp is not a time` };
  const read = readEventData(type, data);
  if ('problem' in read) return { problem: `${ref} (${type}): ${read.problem}` };
  return {
    ref,
    type,
    data,
    at: given === null ? null : (given as string),
    atMs: given === null ? null : atMs,
    receivedAt: typeof createdAt === 'string' ? createdAt : null,
    tab: read.tab,
    seq: read.seq,
  };
}
