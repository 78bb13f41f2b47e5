import type { KyInstance } from 'ky';
import { toCanvasEvent } from '../events/to-canvas-event.js';
import type { StoredEvent } from '../events/stored-event.js';
import type { SendResult } from './retry-policy.js';

/** The JSON body Canvas's "Submit captured events" endpoint takes. */
export function eventsBody(events: readonly StoredEvent[]): string {
  return JSON.stringify({ quiz_submission_events: events.map(toCanvasEvent) });
}

/** POSTs one batch. Never throws: a request that got no answer comes back without a status. */
export async function sendEvents(
  http: KyInstance,
  path: string,
  events: readonly StoredEvent[],
): Promise<SendResult> {
  try {
    const response = await http.post(path, {
      body: eventsBody(events),
      headers: { 'Content-Type': 'application/json; charset=UTF-8' },
    });
    const body = response.ok ? '' : await response.text().catch(() => '');
    return { status: response.status, body, retryAfter: response.headers.get('Retry-After') };
  } catch (cause) {
    return { body: String(cause) };
  }
}
