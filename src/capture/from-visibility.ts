import type { Observable, SchedulerLike } from 'rxjs';
import type { CapturedEvent } from '../events/captured-event.js';
import { fromStateSpans } from './from-state-spans.js';

/**
 * `page_hidden` when the page is hidden (or already is at start) and `page_visible` with how long it
 * was hidden. Unlike a window blur, hidden means the quiz could not be seen at all.
 */
export function fromVisibility(target: Window, scheduler: SchedulerLike): Observable<CapturedEvent> {
  const doc = target.document;
  return fromStateSpans(doc, ['visibilitychange'], scheduler, {
    isOn: () => doc.visibilityState === 'hidden',
    on: 'page_hidden',
    off: 'page_visible',
    offData: (hidden_ms) => ({ hidden_ms }),
  });
}
