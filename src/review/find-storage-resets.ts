import type { Finding } from './attempt-review.js';
import { ofType, type ReviewEvent } from './review-event.js';

/** `storage_reset`: a page's IndexedDB failed, so it kept its events in memory from then on. */
export function findStorageResets(events: readonly ReviewEvent[]): Finding[] {
  return ofType(events, 'storage_degraded').map((event) => ({
    code: 'storage_reset',
    severity: 'notice',
    at: event.at,
    receivedAt: event.receivedAt,
    detail: `Tab ${String(event.tab)}: the browser's storage failed (${event.data.reason}), so that page kept its events in memory from then on; what it had not sent when it closed may be lost.`,
  }));
}
