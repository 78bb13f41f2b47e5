import { map, type Observable, type SchedulerLike } from 'rxjs';
import type { CapturedEvent } from '../events/captured-event.js';
import { captureEvent } from './capture-event.js';
import { fromDomEvent } from '../util/from-dom-event.js';

/** `print_requested` when printing starts, whatever started it (shortcut, menu, `window.print()`). */
export function fromPrint(target: Window, scheduler: SchedulerLike): Observable<CapturedEvent> {
  return fromDomEvent(target, 'beforeprint').pipe(map(() => captureEvent('print_requested', {}, scheduler)));
}
