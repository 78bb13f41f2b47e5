import { Observable, type MonoTypeOperatorFunction, type Subscriber, type Subscription } from 'rxjs';

/**
 * One subscription to the source for every subscriber; a late subscriber gets the latest value at
 * once, and the source is dropped when the last subscriber leaves (or it ends). What rxjs's
 * `share({ connector: () => new ReplaySubject(1) })` does, in a few lines: the two cost about
 * 1.5 kB of the page bundle (minified) and capture's question list was their only user.
 */
export function shareLatest<T>(): MonoTypeOperatorFunction<T> {
  return (source) => {
    const subscribers = new Set<Subscriber<T>>();
    let latest: [T] | undefined;
    let connection: Subscription | undefined;
    const end = (notify: (subscriber: Subscriber<T>) => void) => {
      const all = [...subscribers];
      subscribers.clear();
      latest = undefined;
      connection = undefined;
      for (const subscriber of all) notify(subscriber);
    };
    return new Observable<T>((subscriber) => {
      subscribers.add(subscriber);
      if (latest) subscriber.next(latest[0]);
      if (!connection) {
        const subscription = source.subscribe({
          next: (value) => {
            latest = [value];
            for (const each of [...subscribers]) each.next(value);
          },
          error: (error: unknown) => {
            end((each) => {
              each.error(error);
            });
          },
          complete: () => {
            end((each) => {
              each.complete();
            });
          },
        });
        // A source that ended while subscribing has nothing to keep.
        if (!subscription.closed) connection = subscription;
      }
      return () => {
        subscribers.delete(subscriber);
        if (subscribers.size === 0 && connection) {
          const last = connection;
          latest = undefined;
          connection = undefined;
          last.unsubscribe();
        }
      };
    });
  };
}
