import { Observable } from 'rxjs';

/**
 * rxjs's `defer` for what the page defers: an Observable or an array, made at subscribe time (a
 * throw errors the subscriber). rxjs's takes any ObservableInput, and the conversion it needs for
 * promises, async iterables and streams (with tslib's async helpers) is about 1 kB of the page
 * bundle that these calls never use.
 */
export function deferObservable<T>(factory: () => Observable<T> | readonly T[]): Observable<T> {
  return new Observable<T>((subscriber) => {
    const made = factory();
    if (!Array.isArray(made)) {
      (made as Observable<T>).subscribe(subscriber);
      return;
    }
    for (const value of made as readonly T[]) {
      if (subscriber.closed) return;
      subscriber.next(value);
    }
    subscriber.complete();
  });
}
