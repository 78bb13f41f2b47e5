import type { Observable, SchedulerLike } from 'rxjs';
import type { CapturedEvent } from '../events/captured-event.js';
import { captureEvent } from './capture-event.js';
import type { CaptureContext } from './capture-context.js';
import { fromListener } from './from-listener.js';

/** `context_menu_opened`, with the question it was opened in. */
export function fromContextMenu(
  target: Window,
  scheduler: SchedulerLike,
  opts: Pick<CaptureContext, 'locator'>,
): Observable<CapturedEvent> {
  return fromListener(target.document, ['contextmenu'], (event) =>
    captureEvent(
      'context_menu_opened',
      { question_id: opts.locator.find(event.target)?.id ?? null },
      scheduler,
    ),
  );
}
