import type { Observable, SchedulerLike } from 'rxjs';
import type { CapturedEvent } from '../events/captured-event.js';
import { fromStateSpans } from './from-state-spans.js';

/**
 * `fullscreen_entered` / `fullscreen_exited` (with how long) for fullscreen the page asked for
 * through the Fullscreen API; browser fullscreen (F11) fires nothing the page can see.
 */
export function fromFullscreen(target: Window, scheduler: SchedulerLike): Observable<CapturedEvent> {
  const doc = target.document;
  return fromStateSpans(doc, ['fullscreenchange'], scheduler, {
    isOn: () => doc.fullscreenElement !== null,
    on: 'fullscreen_entered',
    off: 'fullscreen_exited',
    offData: (fullscreen_ms) => ({ fullscreen_ms }),
  });
}
