import { map, type Observable, type SchedulerLike } from 'rxjs';
import { startWithValue } from '../util/start-with-value.js';
import type { CapturedEvent } from '../events/captured-event.js';
import { captureEvent } from './capture-event.js';
import { fromDomEvent } from '../util/from-dom-event.js';
import { trackSpans } from './track-spans.js';

/**
 * `page_hidden` when the page is hidden (or already is at start) and `page_visible` with how long it
 * was hidden. Unlike a window blur, hidden means the quiz could not be seen at all.
 */
export function fromVisibility(target: Window, scheduler: SchedulerLike): Observable<CapturedEvent> {
  const doc = target.document;
  return fromDomEvent(doc, 'visibilitychange').pipe(
    startWithValue(undefined),
    map(() => doc.visibilityState === 'hidden'),
    trackSpans(scheduler),
    map((span) =>
      span.on
        ? captureEvent('page_hidden', {}, scheduler, span.atMs)
        : captureEvent('page_visible', { hidden_ms: span.durationMs }, scheduler, span.atMs),
    ),
  );
}
