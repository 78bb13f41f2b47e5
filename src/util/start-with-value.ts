import { Observable, type OperatorFunction } from 'rxjs';

/** rxjs's `startWith` for one value, without the scheduler path that `merge` and `of` would bring in. */
export function startWithValue<T, D>(value: D): OperatorFunction<T, T | D> {
  return (source) =>
    new Observable<T | D>((subscriber) => {
      subscriber.next(value);
      return source.subscribe(subscriber);
    });
}
