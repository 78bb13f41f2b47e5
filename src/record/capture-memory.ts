import type { EventStore } from '../store/event-store.js';

/**
 * What capture remembers for the whole attempt, across page loads: backed by the attempt's store
 * and loaded before capture starts. Keys: `session_started`, `question_viewed:<id>`.
 */
export interface CaptureMemory {
  has(key: string): boolean;
  add(key: string): void;
}

const MARKS_KEY = 'marks';

/**
 * Capture's memory of the attempt (session started, questions seen), so "once per attempt" holds
 * across reloads. Loads the attempt's marks once; each new mark is written back to the attempt's store. */
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
