import { Observable } from 'rxjs';
import type { CapturedEvent } from '../events/captured-event.js';
import { errorsTo } from './errors-to.js';
import { listen } from './listen.js';

/**
 * One passive capture-phase listener per type on `target`, whose handler's result (if any) goes
 * straight to the subscriber: no operator sits between a hot DOM event and its record (or what a
 * source makes its record of). A handler that throws errors the source (capture reports it and
 * starts the source over).
 */
// E names the event type the handler gets, so callers need no cast of their own.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function fromListener<E extends Event, T = CapturedEvent>(
  target: EventTarget,
  types: readonly string[],
  handle: (event: E) => T | undefined,
): Observable<T> {
  return new Observable<T>((subscriber) =>
    listen(
      target,
      types,
      errorsTo(subscriber, (event: Event) => {
        const captured = handle(event as E);
        if (captured !== undefined) subscriber.next(captured);
      }),
    ),
  );
}
