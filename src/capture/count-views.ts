import { Observable, type OperatorFunction, type SchedulerLike, type Subscription } from 'rxjs';
import type { ViewChange } from './observe-question-visibility.js';

/**
 * The ids of questions viewed, each once: as soon as one becomes viewable, or, with `dwellMs`, once
 * it has stayed viewable that long (leaving earlier cancels the wait). A wait under way when the
 * source completes still ends, as the dwell it measures has begun.
 */
// One map of timers rather than groupBy + switchMap per question: the page bundle carries neither.
export function countViews(
  dwellMs: number,
  scheduler: SchedulerLike,
): OperatorFunction<ViewChange[], string> {
  return (source) =>
    new Observable<string>((subscriber) => {
      const counted = new Set<string>();
      const waits = new Map<string, Subscription>();
      let done = false;
      const view = (id: string) => {
        counted.add(id);
        subscriber.next(id);
      };
      const changes = source.subscribe({
        next(batch) {
          for (const { id, visible } of batch) {
            if (counted.has(id)) continue;
            waits.get(id)?.unsubscribe();
            waits.delete(id);
            if (!visible) continue;
            if (dwellMs <= 0) view(id);
            else
              waits.set(
                id,
                scheduler.schedule(() => {
                  waits.delete(id);
                  view(id);
                  if (done && waits.size === 0) subscriber.complete();
                }, dwellMs),
              );
          }
        },
        error: (error: unknown) => {
          subscriber.error(error);
        },
        complete: () => {
          done = true;
          if (waits.size === 0) subscriber.complete();
        },
      });
      return () => {
        changes.unsubscribe();
        for (const wait of waits.values()) wait.unsubscribe();
      };
    });
}
