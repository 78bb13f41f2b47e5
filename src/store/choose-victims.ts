import { eventPriority, isLossRecord } from '../events/event-traits.js';
import type { StoredEvent } from '../events/stored-event.js';
import type { DropCounts, StoreBounds } from './event-store.js';

/**
 * Which stored events to drop so the store fits its bounds again: lowest priority first, oldest
 * first within a priority. Returns nothing when it already fits.
 */
export function chooseVictims(
  events: readonly StoredEvent[],
  bounds: StoreBounds,
): { victims: StoredEvent[]; dropped: DropCounts } {
  const victims: StoredEvent[] = [];
  const dropped: DropCounts = {};
  const candidates = events.filter((event) => !isLossRecord(event.type));
  let count = candidates.length;
  let bytes = candidates.reduce((sum, event) => sum + event.bytes, 0);
  const fits = () => count <= bounds.maxEvents && bytes <= bounds.maxBytes;
  // The memory store asks on every append: a store that fits is answered without the sort.
  if (fits()) return { victims, dropped };
  for (const event of candidates.sort(
    (a, b) => eventPriority(a.type) - eventPriority(b.type) || a.at - b.at,
  )) {
    if (fits()) break;
    victims.push(event);
    dropped[event.type] = (dropped[event.type] ?? 0) + 1;
    count -= 1;
    bytes -= event.bytes;
  }
  return { victims, dropped };
}
