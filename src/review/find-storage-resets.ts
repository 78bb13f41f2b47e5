import type { Finding } from './attempt-review.js';
import { ofType, type ReviewEvent } from './review-event.js';

// What each reason of a `storage_degraded` event says happened to the page's store.
const RESETS: Record<string, string> = {
  deleted:
    'a script on the page deleted its IndexedDB database; the page wrote back what it held and went on',
  upgraded:
    'a script on the page reopened its IndexedDB database at another version; the page wrote back what it held and went on',
  closed:
    'the browser closed its IndexedDB database (site data cleared in devtools, or the storage process failed); what it had not sent by then may be lost',
};

/** `storage_reset`: a page's store was deleted or closed under it, or failed so it went on in memory. */
export function findStorageResets(events: readonly ReviewEvent[]): Finding[] {
  return ofType(events, 'storage_degraded').map((event) => ({
    code: 'storage_reset',
    severity: 'notice',
    at: event.at,
    receivedAt: event.receivedAt,
    detail: `Tab ${String(event.tab)}: ${
      RESETS[event.data.reason] ??
      `the browser's storage failed (${event.data.reason}), so that page kept its events in memory from then on; what it had not sent when it closed may be lost`
    }.`,
  }));
}
