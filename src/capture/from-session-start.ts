import { EMPTY, type Observable, type SchedulerLike } from 'rxjs';
import { deferObservable } from '../util/defer-observable.js';
import type { CapturedEvent } from '../events/captured-event.js';
import type { CaptureContext } from './capture-context.js';
import { captureEvent } from './capture-event.js';
import { SESSION_STARTED_KEY } from './memory-keys.js';

/**
 * `session_started` with the user agent, once per attempt. Canvas guesses "first page of the
 * attempt" from the URL; the attempt's memory knows, across reloads and one-question-at-a-time pages.
 */
export function fromSessionStart(
  target: Window,
  scheduler: SchedulerLike,
  opts: Pick<CaptureContext, 'memory'>,
): Observable<CapturedEvent> {
  return deferObservable(() => {
    if (opts.memory.has(SESSION_STARTED_KEY)) return EMPTY;
    opts.memory.add(SESSION_STARTED_KEY);
    return [captureEvent('session_started', { user_agent: target.navigator.userAgent }, scheduler)];
  });
}
