import type { OperatorFunction } from 'rxjs';
import { eachValue } from './each-value.js';

/** rxjs's `map`, in the page's few bytes (util/each-value.ts). */
export function mapValues<T, R>(project: (value: T) => R): OperatorFunction<T, R> {
  return eachValue((value: T, into) => {
    into.next(project(value));
  });
}
