import { QuizEvent } from './quiz-event.js';

// EventBuffer with Canvas's localStorage adapter (event_buffer.js): one global key,
// `qla_events`, read once when the buffer is made, and rewritten whole on every push and every
// discard. A failed write (quota) is swallowed, as Canvas only logs it in debug mode.
export const STORAGE_KEY = 'qla_events';

function load() {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) || '[]');
    return Array.isArray(stored) ? stored.map((descriptor) => QuizEvent.fromJSON(descriptor)) : [];
  } catch {
    return [];
  }
}

export class EventBuffer {
  constructor() {
    this.events = load();
  }

  push(event) {
    this.events.push(event);
    this.save();
  }

  isEmpty() {
    return this.events.length === 0;
  }

  pending() {
    return this.events.filter((event) => event.state === 'pending_delivery');
  }

  discard(delivered) {
    this.events = this.events.filter((event) => !delivered.includes(event));
    this.save();
  }

  save() {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(this.events));
    } catch {
      // out of space: Canvas goes on with the events in memory
    }
  }
}
