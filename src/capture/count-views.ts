import {
  EMPTY,
  groupBy,
  map,
  mergeMap,
  of,
  switchMap,
  take,
  timer,
  type OperatorFunction,
  type SchedulerLike,
} from 'rxjs';
import type { ViewChange } from './observe-question-visibility.js';

/**
 * The ids of questions viewed, each once: as soon as one becomes viewable, or, with `dwellMs`, once
 * it has stayed viewable that long (leaving earlier cancels the wait).
 */
export function countViews(
  dwellMs: number,
  scheduler: SchedulerLike,
): OperatorFunction<ViewChange[], string> {
  return (source) =>
    source.pipe(
      mergeMap((changes) => changes),
      groupBy((change) => change.id),
      mergeMap((changes$) =>
        changes$.pipe(
          switchMap(({ id, visible }) => {
            if (!visible) return EMPTY;
            return dwellMs > 0 ? timer(dwellMs, scheduler).pipe(map(() => id)) : of(id);
          }),
          take(1),
        ),
      ),
    );
}
