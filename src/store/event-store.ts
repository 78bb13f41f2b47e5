import type { StoredEvent } from '../events/stored-event.js';

/** An event Canvas refused on its own, kept aside with the reason instead of blocking the rest. */
export interface DeadLetter {
  event: StoredEvent;
  status: number | undefined;
  reason: string;
}

/** What an overflow dropped, by event type; recorded as an `events_dropped` event. */
export type DropCounts = Record<string, number>;

/**
 * The write-ahead log of one attempt. Events enter it before any send and leave only on `ack`,
 * after Canvas answered 2xx (or on `deadLetter`).
 */
export interface EventStore {
  /**
   * Writes a burst, numbered by its tab (see createNumbering), in one transaction, as it is: the
   * result has what stayed (the bounds may have pushed some out). Writing the same burst twice
   * stores it once.
   */
  append(events: readonly StoredEvent[]): Promise<AppendResult>;
  /** Writes those of `events` it does not hold (events rescued from a page that went away). */
  restore(events: readonly StoredEvent[]): Promise<void>;
  /** The oldest pending events, by client timestamp. */
  peek(limit: number): Promise<StoredEvent[]>;
  /** Removes delivered events (only those exactly: same tab, seq and client timestamp). */
  ack(events: readonly StoredEvent[]): Promise<void>;
  /** Moves one refused event to the dead-letter records. */
  deadLetter(letter: DeadLetter): Promise<void>;
  count(): Promise<number>;
  /** Small named values kept with the attempt (retry state, capture marks). */
  getValue<T>(key: string): Promise<T | undefined>;
  setValue(key: string, value: unknown): Promise<void>;
  /** Deletes the attempt's whole store (after completion). */
  destroy(): Promise<void>;
}

export interface AppendResult {
  stored: StoredEvent[];
  /** Events the bounds pushed out to make room, by type (empty when nothing was dropped). */
  dropped: DropCounts;
}

export interface StoreMeta {
  count: number;
  bytes: number;
}

/** How much an attempt's store may hold before low-value events are dropped. */
export interface StoreBounds {
  maxEvents: number;
  maxBytes: number;
}
