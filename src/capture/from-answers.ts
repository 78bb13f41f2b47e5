import type { Observable, SchedulerLike } from 'rxjs';
import { filterValues } from '../util/filter-values.js';
import { mapValues } from '../util/map-values.js';
import { deferObservable } from '../util/defer-observable.js';
import { debounceWindow } from '../util/debounce-window.js';
import { completeOn } from '../util/complete-on.js';
import { mergeStreams } from '../util/merge-streams.js';
import type { CapturedEvent } from '../events/captured-event.js';
import type { CaptureContext } from './capture-context.js';
import { captureEvent } from './capture-event.js';
import type { CanvasAnswer, CaptureEventDataMap } from '../events/event-data.js';
import { fromListener } from './from-listener.js';

const fingerprint = (answer: unknown) => (answer === undefined ? '' : JSON.stringify(answer));

/**
 * `question_answered`, `[{quiz_question_id, answer}]` in Canvas's answer formats, for the questions
 * whose inputs changed: read once typing pauses for `debounceMs`, or at once on `change` (a choice
 * made, a field left). As Canvas's optimizer does, an answer equal to the last one recorded for its
 * question is dropped, and so is one equal to what the page showed when the question appeared.
 */
export function fromAnswers(
  target: Window,
  scheduler: SchedulerLike,
  opts: Pick<CaptureContext, 'locator' | 'questions$' | 'readAnswer' | 'answerDebounceMs' | 'stop$'>,
): Observable<CapturedEvent> {
  return deferObservable(() => {
    const doc = target.document;
    const { stop$ } = opts;
    const last = new Map<string, string>();
    const changed = new Map<string, Element>();

    const seeded$ = opts.questions$.pipe(
      // A filter that keeps nothing: it seeds, and the stream only ends with the others.
      filterValues((questions): questions is never => {
        for (const [id, element] of questions) {
          if (!last.has(id)) last.set(id, fingerprint(opts.readAnswer(element, id)));
        }
        return false;
      }),
      completeOn(stop$),
    );
    // The edits of questions, each question noted as changed; an edit outside any question is none.
    const edits$ = fromListener(doc, ['input', 'change'], (event) => {
      const question = opts.locator.find(event.target);
      if (!question) return undefined;
      changed.set(question.id, question.element);
      return event;
    }).pipe(completeOn(stop$));
    const collect = () => {
      const answers: CaptureEventDataMap['question_answered'] = [];
      for (const [id, element] of changed) {
        const answer = opts.readAnswer(element, id);
        const print = fingerprint(answer);
        if (answer === undefined || print === last.get(id)) continue;
        last.set(id, print);
        answers.push({ quiz_question_id: id, answer: answer as CanvasAnswer });
      }
      changed.clear();
      return answers.length === 0 ? undefined : captureEvent('question_answered', answers, scheduler);
    };
    // Read once typing pauses; a `change` reads at once; completion (stop$) reads what is pending,
    // so nothing typed is left unread.
    const answered$ = edits$.pipe(
      debounceWindow(opts.answerDebounceMs, scheduler, (event) => event.type === 'change'),
      mapValues(collect),
      filterValues((event) => event !== undefined),
    );
    return mergeStreams(seeded$, answered$);
  });
}
