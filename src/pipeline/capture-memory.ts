import type { EventStore } from '../store/event-store.js';

/** Facts capture must remember for the whole attempt (session started, questions seen), not per page. */
export interface CaptureMemory {
  has(key: string): boolean;
  add(key: string): void;
}

const MARKS_KEY = 'marks';

/** Loads the attempt's marks once; each new mark is written back to the attempt's store. */
export async function loadCaptureMemory(store: EventStore): Promise<CaptureMemory> {
  const marks = new Set((await store.getValue<string[]>(MARKS_KEY).catch(() => undefined)) ?? []);
  return {
    has: (key) => marks.has(key),
    add: (key) => {
      if (marks.has(key)) return;
      marks.add(key);
      void store.setValue(MARKS_KEY, [...marks]).catch(() => undefined);
    },
  };
}
