import type { MonoTypeOperatorFunction } from 'rxjs';
import { eachValue } from './each-value.js';

/** rxjs's `filter`, in the page's few bytes (util/each-value.ts). */
export function filterValues<T>(predicate: (value: T) => boolean): MonoTypeOperatorFunction<T> {
  return eachValue((value: T, into) => {
    if (predicate(value)) into.next(value);
  });
}
