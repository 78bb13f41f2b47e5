import { Observable, Subscription } from 'rxjs';
import { deferObservable } from '../util/defer-observable.js';
import type { CapturedEvent } from '../events/captured-event.js';
import { describeError, type Warn } from './create-warn.js';

export interface CaptureSource {
  name: string;
  create: () => Observable<CapturedEvent>;
  /** The source takes stop$ itself, to record what it holds back before completing. */
  takesStop: boolean;
}

// A source that keeps failing without producing anything is broken for this page, not unlucky.
const MAX_RESTARTS = 3;

/**
 * Every source's events, passed straight on: each DOM event's path to the store is hot, and every
 * operator layer between a listener and the subscriber costs on it. A source that errors becomes a
 * `handler_failed` warning and starts over; after {@link MAX_RESTARTS} failures with no event in
 * between it stops, with `source_stopped`. Nothing it does throws into the page. `stop$` completes
 * the sources that do not take it themselves; the result completes when every source has.
 */
export function mergeSources(
  sources: CaptureSource[],
  warn: Warn,
  stop$: Observable<unknown>,
): Observable<CapturedEvent> {
  return new Observable<CapturedEvent>((subscriber) => {
    const all = new Subscription();
    const untilStop = new Set<Subscription>();
    // One count for the set-up itself, so a source completing at once cannot complete the rest.
    let running = 1;
    const finish = () => {
      running -= 1;
      if (running === 0) subscriber.complete();
    };
    const end = (run: Subscription) => {
      all.remove(run);
      untilStop.delete(run);
      run.unsubscribe();
    };

    const start = (source: CaptureSource, failures: number) => {
      running += 1;
      let failuresInARow = failures;
      // A source that ends while subscribing closes `run` first, so what it returns is torn down at once.
      const run = new Subscription();
      all.add(run);
      if (!source.takesStop) untilStop.add(run);
      run.add(
        deferObservable(source.create).subscribe({
          next: (event) => {
            failuresInARow = 0;
            subscriber.next(event);
          },
          error: (error: unknown) => {
            end(run);
            warn('handler_failed', { source: source.name, detail: describeError(error) });
            if (failuresInARow < MAX_RESTARTS) {
              running -= 1;
              start(source, failuresInARow + 1);
            } else {
              warn('source_stopped', { source: source.name });
              finish();
            }
          },
          complete: () => {
            end(run);
            finish();
          },
        }),
      );
    };

    for (const source of sources) start(source, 0);
    all.add(
      stop$.subscribe(() => {
        for (const run of [...untilStop]) {
          end(run);
          finish();
        }
      }),
    );
    finish();
    return all;
  });
}
