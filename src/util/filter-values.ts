import type { MonoTypeOperatorFunction, OperatorFunction } from 'rxjs';
import { eachValue } from './each-value.js';

/** rxjs's `filter`, in the page's few bytes (util/each-value.ts); a type guard narrows as rxjs's does. */
export function filterValues<T, S extends T>(predicate: (value: T) => value is S): OperatorFunction<T, S>;
export function filterValues<T>(predicate: (value: T) => boolean): MonoTypeOperatorFunction<T>;
export function filterValues<T>(predicate: (value: T) => boolean): MonoTypeOperatorFunction<T> {
  return eachValue((value: T, into) => {
    if (predicate(value)) into.next(value);
  });
}
