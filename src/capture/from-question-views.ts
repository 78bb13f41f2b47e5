import { EMPTY, type Observable, type SchedulerLike } from 'rxjs';
import { filterValues } from '../util/filter-values.js';
import { mapValues } from '../util/map-values.js';
import { deferObservable } from '../util/defer-observable.js';
import { completeOn } from '../util/complete-on.js';
import type { CapturedEvent } from '../events/captured-event.js';
import type { CaptureContext } from './capture-context.js';
import { captureEvent } from './capture-event.js';
import { countViews } from './count-views.js';
import { questionViewedKey } from './memory-keys.js';
import { observeQuestionVisibility } from './observe-question-visibility.js';
import { throttleBatches } from './throttle-batches.js';

/**
 * `question_viewed`: the ids of questions newly viewed, each once per attempt (remembered in the
 * attempt's memory), gathered into one event per `throttleMs`.
 */
export function fromQuestionViews(
  target: Window,
  scheduler: SchedulerLike,
  opts: Pick<
    CaptureContext,
    'questions$' | 'memory' | 'questionViewDwellMs' | 'questionViewThrottleMs' | 'warn' | 'stop$'
  >,
): Observable<CapturedEvent> {
  return deferObservable(() => {
    if (typeof IntersectionObserver === 'undefined') {
      opts.warn('unsupported', { source: 'question_viewed', detail: 'IntersectionObserver' });
      return EMPTY;
    }
    const counted = new Set<string>();
    const isDone = (id: string) => counted.has(id) || opts.memory.has(questionViewedKey(id));
    const viewed$ = observeQuestionVisibility(target, opts.questions$, isDone).pipe(
      countViews(opts.questionViewDwellMs, scheduler),
      filterValues((id) => !isDone(id)),
      // map, not tap: tap is used nowhere else and would cost the page bundle about 0.5 kB.
      mapValues((id) => {
        counted.add(id);
        return id;
      }),
      completeOn(opts.stop$),
    );
    return viewed$.pipe(
      throttleBatches(opts.questionViewThrottleMs, scheduler),
      mapValues((ids) => {
        for (const id of ids) opts.memory.add(questionViewedKey(id));
        return captureEvent('question_viewed', ids, scheduler);
      }),
    );
  });
}
