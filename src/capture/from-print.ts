import type { Observable, SchedulerLike } from 'rxjs';
import type { CapturedEvent } from '../events/captured-event.js';
import { captureEvent } from './capture-event.js';
import { fromListener } from './from-listener.js';

/** `print_requested` when printing starts, whatever started it (shortcut, menu, `window.print()`). */
export function fromPrint(target: Window, scheduler: SchedulerLike): Observable<CapturedEvent> {
  return fromListener(target, ['beforeprint'], () => captureEvent('print_requested', {}, scheduler));
}
