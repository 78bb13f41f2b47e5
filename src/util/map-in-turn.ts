import { Observable, type OperatorFunction } from 'rxjs';

/**
 * rxjs's `concatMap` with an async project: each value's work starts when the previous one's has
 * ended (the first at once, in the caller's task), results in order, completion after the last.
 */
export function mapInTurn<T, R>(project: (value: T) => Promise<R>): OperatorFunction<T, R> {
  return (source) =>
    new Observable<R>((subscriber) => {
      const queue: T[] = [];
      let busy = false;
      let done = false;
      const run = (value: T) => {
        busy = true;
        project(value).then(
          (result) => {
            if (subscriber.closed) return;
            subscriber.next(result);
            busy = false;
            if (queue.length > 0) run(queue.shift() as T);
            else if (done) subscriber.complete();
          },
          (error: unknown) => {
            subscriber.error(error);
          },
        );
      };
      return source.subscribe({
        next: (value) => {
          if (busy) queue.push(value);
          else run(value);
        },
        error: (error: unknown) => {
          subscriber.error(error);
        },
        complete: () => {
          done = true;
          if (!busy) subscriber.complete();
        },
      });
    });
}
