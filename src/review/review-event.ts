import type { CaptureEventDataMap, CaptureEventType } from '../events/event-data.js';
import { groupBy } from './group-by.js';

/** An event of the log as the review reads it: checked, with its numbering and times taken out. */
export interface ReviewEvent {
  /** How notes and details name it: `event <id>`, or `item <n>` where Canvas gave no id. */
  ref: string;
  type: string;
  /** `event_data`; `null` where Canvas gave none. */
  data: unknown;
  /** `client_timestamp` as given, and in ms; null where the server gives none. */
  at: string | null;
  atMs: number | null;
  /** `created_at`: when the batch that carried it arrived. Never a duration's end. */
  receivedAt: string | null;
  /** The page load and its number for the event, from `event_data`; null for Canvas's shapes. */
  tab: string | null;
  seq: number | null;
}

/** An event of a type the SDK records, its `event_data` already checked by `readEvents`. */
export type TypedEvent<K extends CaptureEventType> = ReviewEvent & { type: K; data: CaptureEventDataMap[K] };

/** Whether an event is of `type`, its data typed: `readEvents` left out every event of the wrong shape. */
export const isType = <K extends CaptureEventType>(event: ReviewEvent, type: K): event is TypedEvent<K> =>
  event.type === type;

/** The events of one type, typed (see `isType`). */
export function ofType<K extends CaptureEventType>(events: readonly ReviewEvent[], type: K): TypedEvent<K>[] {
  return events.filter((event) => isType(event, type));
}

/** One of our events, or a host app's: numbered by the page load that recorded it. */
export type NumberedEvent = ReviewEvent & { tab: string; seq: number };

const isNumbered = (event: ReviewEvent): event is NumberedEvent => event.tab !== null && event.seq !== null;

/** Numbered events by page load, in order of first appearance, each in seq order. */
export function byTab(events: readonly ReviewEvent[]): Map<string, NumberedEvent[]> {
  const tabs = groupBy(events.filter(isNumbered), (event) => event.tab);
  for (const list of tabs.values()) list.sort((a, b) => a.seq - b.seq);
  return tabs;
}

/** Recorded by sampling, not by an event (see `tamper_suspected` in docs/events.md). */
export const isSampled = (event: ReviewEvent): boolean =>
  typeof event.data === 'object' &&
  event.data !== null &&
  (event.data as { sampled?: unknown }).sampled === true;
