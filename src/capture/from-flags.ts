import { Observable, type SchedulerLike } from 'rxjs';
import type { CapturedEvent } from '../events/captured-event.js';
import type { CaptureContext } from './capture-context.js';
import { captureEvent } from './capture-event.js';
import { errorsTo } from './errors-to.js';
import { listen } from './listen.js';

interface FlagClick {
  control: Element;
  question: Element;
  before: boolean;
}

// What a page may change to show a flag: a class or attribute, an icon swapped, a label's text,
// on the question or its control.
const WATCH = { attributes: true, childList: true, characterData: true, subtree: true } as const;

/**
 * `question_flagged` with the flag state the page shows after a click on a flag control. Ours is
 * the first listener (window, capture phase), so the state before the page's own handler runs is
 * read too, and a click that changes nothing records nothing.
 *
 * The state after the click is read when the page changes the question or the control: a
 * MutationObserver watches them from the click until the flag state differs, so the read comes
 * right after the page's own handler, whichever phase it runs in, whether it lets the click
 * propagate, and also when the page renders later. A click that changes nothing is forgotten at the
 * next click on the same question or at stop. Canvas's tracker reads `marked` in a body handler
 * instead, and a "one task later" read would schedule a task per click, which costs more than all
 * the rest of the click.
 */
export function fromFlags(
  target: Window,
  scheduler: SchedulerLike,
  // When stop$ emits, the clicks still waiting for their outcome are read, then it completes.
  opts: Pick<CaptureContext, 'locator' | 'flagSelector' | 'isFlagged' | 'warn' | 'stop$'>,
): Observable<CapturedEvent> {
  const { locator, isFlagged } = opts;
  return new Observable<CapturedEvent>((subscriber) => {
    const pending = new Map<Element, FlagClick>();
    let watcher: MutationObserver | undefined;

    // Records the click if its flag changed since it; true if it did.
    const changed = (click: FlagClick) => {
      const flagged = isFlagged(click.question, click.control);
      if (flagged === click.before) return false;
      // A question without a valid id is reported by the locator and not recorded.
      const questionId = locator.idOf(click.question);
      if (questionId !== undefined)
        subscriber.next(captureEvent('question_flagged', { flagged, questionId }, scheduler));
      return true;
    };
    const settle = (all: boolean) => {
      for (const [question, click] of pending) if (changed(click) || all) pending.delete(question);
      if (pending.size === 0) watcher?.disconnect();
    };
    const onMutations = errorsTo(subscriber, () => {
      settle(false);
    });
    const onClick = errorsTo(subscriber, (event: Event) => {
      const control = event.target instanceof Element ? event.target.closest(opts.flagSelector) : null;
      if (!control) return;
      // The id is read only when there is something to record (a hot path: every DOM call counts).
      const element = control.closest(locator.selector);
      if (!element) {
        opts.warn('flag_outside_question');
        return;
      }
      // An earlier click on this question may have changed the flag without the observer having
      // told yet (clicks in one task): record it before this click's state is taken as `before`.
      const earlier = pending.get(element);
      if (earlier) changed(earlier);
      pending.set(element, { control, question: element, before: isFlagged(element, control) });
      if (typeof MutationObserver === 'undefined') {
        // No observer in this browser: read one task later, after the page's handlers.
        scheduler.schedule(onMutations, 0);
        return;
      }
      watcher ??= new MutationObserver(onMutations);
      // The control is inside the question (found from it), so this sees both.
      watcher.observe(element, WATCH);
    });

    const unlisten = listen(target, ['click'], onClick);
    const stopping = opts.stop$.subscribe(
      errorsTo(subscriber, () => {
        settle(true);
        subscriber.complete();
      }),
    );
    return () => {
      stopping.unsubscribe();
      watcher?.disconnect();
      unlisten();
    };
  });
}
