import { Observable, type Subscriber } from 'rxjs';

/** An Observable the owner pushes into: what the page used rxjs's `Subject` for. */
export interface Relay<T> extends Observable<T> {
  next: (value: T) => void;
  /** Completes every subscriber, and any that subscribes later. */
  complete: () => void;
}

/**
 * rxjs's `Subject` for the page's few uses (next and complete; none errors): `Subject` with the
 * classes it needs is about 0.5 kB gzip of the page bundle, this a tenth of it.
 */
export function createRelay<T>(): Relay<T> {
  const subscribers = new Set<Subscriber<T>>();
  let done = false;
  // A snapshot, as rxjs takes: one subscribed during an emission hears the next value, not this one.
  const each = (act: (subscriber: Subscriber<T>) => void) => {
    [...subscribers].forEach(act);
  };
  const relay = new Observable<T>((subscriber) => {
    if (done) {
      subscriber.complete();
      return;
    }
    subscribers.add(subscriber);
    return () => {
      subscribers.delete(subscriber);
    };
  }) as Relay<T>;
  relay.next = (value) => {
    if (!done)
      each((subscriber) => {
        subscriber.next(value);
      });
  };
  relay.complete = () => {
    done = true;
    each((subscriber) => {
      subscriber.complete();
    });
    subscribers.clear();
  };
  return relay;
}
