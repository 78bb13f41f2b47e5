import { Observable, type MonoTypeOperatorFunction } from 'rxjs';

/**
 * rxjs's `takeUntil` for an Observable notifier: the source's values until `notifier$` emits, then
 * completion (the notifier's error is the result's). Not rxjs's, which takes any ObservableInput.
 */
export function completeOn<T>(notifier$: Observable<unknown>): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      const stop = notifier$.subscribe({
        next: () => {
          subscriber.complete();
        },
        error: (error: unknown) => {
          subscriber.error(error);
        },
      });
      if (!subscriber.closed) source.subscribe(subscriber);
      return stop;
    });
}
