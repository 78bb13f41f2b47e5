import { Observable, type OperatorFunction, type Subscriber } from 'rxjs';

/**
 * The shape of rxjs's `map` and `filter` without its operator machinery (`lift`,
 * `OperatorSubscriber`): `onValue` decides what each source value becomes downstream. A throw in it
 * is the result's error, as in rxjs, never the host page's.
 */
export function eachValue<T, R>(onValue: (value: T, into: Subscriber<R>) => void): OperatorFunction<T, R> {
  return (source) =>
    new Observable<R>((subscriber) =>
      source.subscribe({
        next: (value) => {
          try {
            onValue(value, subscriber);
          } catch (error) {
            subscriber.error(error);
          }
        },
        error: (error: unknown) => {
          subscriber.error(error);
        },
        complete: () => {
          subscriber.complete();
        },
      }),
    );
}
