import type { CapturedEvent } from '../events/captured-event.js';
import type { StoredEvent } from '../events/stored-event.js';

/** Numbers a tab's events: seq from 1, timestamps strictly increasing (ties bumped by 1 ms). */
export interface Numbering {
  readonly tab: string;
  number(events: readonly CapturedEvent[]): StoredEvent[];
}

export function createNumbering(tab: string): Numbering {
  let lastSeq = 0;
  let lastAt = 0;
  return {
    tab,
    number: (events) =>
      events.map((event) => {
        lastSeq += 1;
        lastAt = Math.max(event.capturedAt, lastAt + 1);
        const record: StoredEvent = { tab, seq: lastSeq, type: event.type, at: lastAt, bytes: 0 };
        if (event.data !== undefined) record.data = event.data;
        record.bytes = sizeOf(record);
        return record;
      }),
  };
}

/** Approximate stored size: the JSON length of the record (UTF-16 units; close enough for a bound). */
function sizeOf(record: StoredEvent): number {
  return 56 + record.type.length + (record.data === undefined ? 0 : JSON.stringify(record.data).length);
}
