import { Observable, Subscription } from 'rxjs';

/**
 * rxjs's `merge` for the page: every value of every source, completing when all have. rxjs's also
 * takes a scheduler and any ObservableInput, which brings in about 1 kB of the page bundle that
 * these few merges of DOM streams never use.
 */
export function mergeStreams<T>(...sources: Observable<T>[]): Observable<T> {
  return new Observable<T>((subscriber) => {
    const all = new Subscription();
    let open = sources.length;
    for (const source of sources)
      all.add(
        source.subscribe({
          next: (value) => {
            subscriber.next(value);
          },
          error: (error: unknown) => {
            subscriber.error(error);
          },
          complete: () => {
            if ((open -= 1) === 0) subscriber.complete();
          },
        }),
      );
    if (open === 0) subscriber.complete();
    return all;
  });
}
