import { Observable, type OperatorFunction, type SchedulerLike, type Subscription } from 'rxjs';

/**
 * Gathers values into arrays, at most one per `windowMs`: the first value after a quiet spell goes
 * out one tick later with whatever arrived in the same task (an observer callback delivers many at
 * once), later ones wait for the end of the window. Completion sends what is pending at once.
 */
export function throttleBatches<T>(windowMs: number, scheduler: SchedulerLike): OperatorFunction<T, T[]> {
  return (source) =>
    new Observable<T[]>((subscriber) => {
      let pending: T[] = [];
      let quietFrom = -Infinity;
      let timer: Subscription | undefined;
      const send = () => {
        timer?.unsubscribe();
        timer = undefined;
        if (pending.length === 0) return;
        const batch = pending;
        pending = [];
        quietFrom = scheduler.now() + windowMs;
        subscriber.next(batch);
      };
      const subscription = source.subscribe({
        next: (value) => {
          pending.push(value);
          timer ??= scheduler.schedule(send, Math.max(0, quietFrom - scheduler.now()));
        },
        error: (error: unknown) => {
          subscriber.error(error);
        },
        complete: () => {
          send();
          subscriber.complete();
        },
      });
      return () => {
        timer?.unsubscribe();
        subscription.unsubscribe();
      };
    });
}
