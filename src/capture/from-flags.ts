import { filter, map, type Observable, type SchedulerLike } from 'rxjs';
import { afterPageHandlers } from './after-page-handlers.js';
import type { CapturedEvent } from '../pipeline/event-record.js';
import { captureEvent } from './capture-event.js';
import type { QuestionLocator } from './create-question-locator.js';
import type { Warn } from './create-warn.js';
import { fromDomEvent } from './from-dom-event.js';

export interface FlagsOptions {
  locator: QuestionLocator;
  flagSelector: string;
  isFlagged: (question: Element, control: Element) => boolean;
  warn: Warn;
}

interface FlagClick {
  control: Element;
  question: Element;
  id: string;
  before: boolean;
}

/**
 * `question_flagged` with the flag state the page shows after a click on a flag control. Ours is
 * the first listener (window, capture phase), so the state before the page's own handler runs is
 * read too, and a click that changes nothing records nothing.
 */
export function fromFlags(
  target: Window,
  scheduler: SchedulerLike,
  opts: FlagsOptions,
): Observable<CapturedEvent> {
  const { locator } = opts;
  return fromDomEvent<MouseEvent>(target, 'click').pipe(
    map((event): FlagClick | undefined => {
      const control = event.target instanceof Element ? event.target.closest(opts.flagSelector) : null;
      if (!control) return undefined;
      const question = locator.find(control);
      if (!question) {
        if (!control.closest(locator.selector)) opts.warn('flag_outside_question');
        return undefined;
      }
      return {
        control,
        question: question.element,
        id: question.id,
        before: opts.isFlagged(question.element, control),
      };
    }),
    filter((click) => click !== undefined),
    // The page toggles the flag in its own click handler, which runs after ours: read one task later.
    afterPageHandlers(scheduler),
    map(({ control, question, id, before }) => {
      const flagged = opts.isFlagged(question, control);
      return flagged === before
        ? undefined
        : captureEvent('question_flagged', { flagged, questionId: id }, scheduler);
    }),
    filter((event) => event !== undefined),
  );
}
