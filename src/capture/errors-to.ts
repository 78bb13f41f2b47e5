import type { Subscriber } from 'rxjs';

/**
 * `handle`, with whatever it throws sent to `subscriber` as an error instead of into the page: a
 * DOM listener, observer callback or timer of a capture source (capture reports the error and
 * starts the source over).
 */
export function errorsTo<A extends unknown[]>(
  subscriber: Subscriber<never>,
  handle: (...args: A) => void,
): (...args: A) => void {
  return (...args) => {
    try {
      handle(...args);
    } catch (error) {
      subscriber.error(error);
    }
  };
}
