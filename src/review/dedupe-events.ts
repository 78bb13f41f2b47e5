import type { ReviewEvent } from './review-event.js';

/**
 * Removes copies of one event, keeping the first. Copies come from sends whose answer was lost
 * (a reload or a closed tab mid-send, a keepalive of a closing page) and are exact copies.
 */
export function dedupeEvents(events: readonly ReviewEvent[]): {
  events: ReviewEvent[];
  duplicates: number;
  conflicts: string[];
} {
  const firsts = new Map<string, ReviewEvent>();
  const kept: ReviewEvent[] = [];
  const conflicts: string[] = [];
  let duplicates = 0;
  for (const event of events) {
    const key = keyOf(event);
    const first = key === null ? undefined : firsts.get(key);
    if (key === null || first === undefined) {
      if (key !== null) firsts.set(key, event);
      kept.push(event);
      continue;
    }
    duplicates += 1;
    // Two events given one number is not a copy: the number says they are one, so one is kept, and said.
    if (JSON.stringify([first.data, first.at]) !== JSON.stringify([event.data, event.at]))
      conflicts.push(
        `${event.ref} has the number of ${first.ref} (${event.type}, tab ${String(event.tab)}, seq ${String(event.seq)}) with other event_data; only ${first.ref} is counted.`,
      );
  }
  return { events: kept, duplicates, conflicts };
}

// Ours name themselves: (type, tab, seq) is one event. Any other event is a copy only if all its
// sender set is the same, client_timestamp included; without one, a repeat and a second event that
// happened alike cannot be told apart, so both are kept.
function keyOf(event: ReviewEvent): string | null {
  if (event.tab !== null) return JSON.stringify(['numbered', event.type, event.tab, event.seq]);
  if (event.at !== null) return JSON.stringify(['timed', event.type, event.data, event.at]);
  return null;
}
