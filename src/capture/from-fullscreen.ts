import { map, type Observable, type SchedulerLike } from 'rxjs';
import { startWithValue } from '../util/start-with-value.js';
import type { CapturedEvent } from '../events/captured-event.js';
import { captureEvent } from './capture-event.js';
import { fromDomEvent } from '../util/from-dom-event.js';
import { trackSpans } from './track-spans.js';

/**
 * `fullscreen_entered` / `fullscreen_exited` (with how long) for fullscreen the page asked for
 * through the Fullscreen API; browser fullscreen (F11) fires nothing the page can see.
 */
export function fromFullscreen(target: Window, scheduler: SchedulerLike): Observable<CapturedEvent> {
  const doc = target.document;
  return fromDomEvent(doc, 'fullscreenchange').pipe(
    startWithValue(undefined),
    map(() => doc.fullscreenElement !== null),
    trackSpans(scheduler),
    map((span) =>
      span.on
        ? captureEvent('fullscreen_entered', {}, scheduler, span.atMs)
        : captureEvent('fullscreen_exited', { fullscreen_ms: span.durationMs }, scheduler, span.atMs),
    ),
  );
}
