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

/** One key per event, for the maps that track it in memory. */
export const eventKey = (event: StoredEvent): string => `${event.tab}:${String(event.seq)}`;
