import { Observable, type OperatorFunction, type SchedulerLike, type Subscription } from 'rxjs';

/**
 * Groups values arriving within `windowMs` of the first one into an array, so a burst of events
 * becomes one store transaction. Unlike bufferTime it runs no timer while nothing arrives, and
 * `flushNow$` empties the buffer synchronously (a page being hidden cannot wait for a timer).
 * A burst reaching `maxSize` is emitted at once.
 */
export function bufferBurst<T>(
  windowMs: number,
  scheduler: SchedulerLike,
  flushNow$?: Observable<unknown>,
  maxSize = Infinity,
): OperatorFunction<T, T[]> {
  return (source) =>
    new Observable<T[]>((subscriber) => {
      let pending: T[] = [];
      let timer: Subscription | undefined;
      const emit = () => {
        timer?.unsubscribe();
        timer = undefined;
        const burst = pending;
        pending = [];
        if (burst.length > 0) subscriber.next(burst);
      };
      const flushing = flushNow$?.subscribe(emit);
      const subscription = source.subscribe({
        next: (value) => {
          pending.push(value);
          // A cap keeps one transaction (and the task that fills it) short during a storm.
          if (pending.length >= maxSize) emit();
          else timer ??= scheduler.schedule(emit, windowMs);
        },
        error: (error: unknown) => {
          subscriber.error(error);
        },
        complete: () => {
          emit();
          subscriber.complete();
        },
      });
      return () => {
        timer?.unsubscribe();
        flushing?.unsubscribe();
        subscription.unsubscribe();
      };
    });
}
