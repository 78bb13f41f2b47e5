import { Observable, type MonoTypeOperatorFunction, type SchedulerLike, type Subscription } from 'rxjs';

/**
 * Passes each value on one task later, after the page's own handlers for the same event have run
 * (our listeners are capture-phase, so they run first). Unlike `delay(0)`, it costs one queued
 * callback per task, not a timer and a subscription per value: a DOM handler's hot path only pushes
 * to an array. Values pending at completion are passed on then.
 */
export function afterPageHandlers<T>(scheduler: SchedulerLike): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      let queue: T[] = [];
      let pending: Subscription | undefined;
      const release = () => {
        pending = undefined;
        const values = queue;
        queue = [];
        for (const value of values) subscriber.next(value);
      };
      const subscription = source.subscribe({
        next: (value) => {
          queue.push(value);
          pending ??= scheduler.schedule(release, 0);
        },
        error: (error: unknown) => {
          subscriber.error(error);
        },
        complete: () => {
          pending?.unsubscribe();
          release();
          subscriber.complete();
        },
      });
      return () => {
        pending?.unsubscribe();
        subscription.unsubscribe();
      };
    });
}
