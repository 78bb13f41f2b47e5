import { Observable, type MonoTypeOperatorFunction, type SchedulerLike, type Subscription } from 'rxjs';

/**
 * rxjs's `auditTime`: a value opens a window of `windowMs`, and its end emits the latest value seen.
 * Completion waits for an open window to emit first.
 */
export function auditWindow<T>(windowMs: number, scheduler: SchedulerLike): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      let window: Subscription | undefined;
      let latest: T;
      let done = false;
      const inner = source.subscribe({
        next: (value) => {
          latest = value;
          window ??= scheduler.schedule(() => {
            window = undefined;
            subscriber.next(latest);
            if (done) subscriber.complete();
          }, windowMs);
        },
        error: (error: unknown) => {
          subscriber.error(error);
        },
        complete: () => {
          done = true;
          if (!window) subscriber.complete();
        },
      });
      return () => {
        inner.unsubscribe();
        window?.unsubscribe();
      };
    });
}
