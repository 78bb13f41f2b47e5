import { Observable, type SchedulerLike } from 'rxjs';
import { filterValues } from '../util/filter-values.js';
import { mapValues } from '../util/map-values.js';
import { deferObservable } from '../util/defer-observable.js';
import { auditWindow } from '../util/audit-window.js';
import { startWithValue } from '../util/start-with-value.js';
import type { CaptureContext } from './capture-context.js';

/** The page's questions by id, in document order; the first element wins a duplicated id. */
export type QuestionMap = ReadonlyMap<string, Element>;

// Attributes a question's identity hangs on; class changes are far too frequent to watch.
const ID_ATTRIBUTES = ['id', 'data-quiz-question-id'];

function fromMutations(root: Node): Observable<MutationRecord[]> {
  return new Observable<MutationRecord[]>((subscriber) => {
    const observer = new MutationObserver((records) => {
      subscriber.next(records);
    });
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ID_ATTRIBUTES,
    });
    return () => {
      observer.disconnect();
    };
  });
}

/**
 * The questions in the page now and after every DOM change that adds, removes or renames one
 * (one MutationObserver for the document; bursts of changes are coalesced into one look-up).
 * Garbage (no id, non-numeric id, duplicate id, a flag outside any question) is reported and skipped.
 */
export function watchQuestions(
  target: Window,
  scheduler: SchedulerLike,
  opts: Pick<CaptureContext, 'locator' | 'flagSelector' | 'questionScanDelayMs' | 'warn'>,
): Observable<QuestionMap> {
  return deferObservable(() => {
    const doc = target.document;
    const { locator, warn } = opts;
    const watched = `${locator.selector}, ${opts.flagSelector}`;
    let current: QuestionMap = new Map();
    let emitted = false;

    const scan = (): QuestionMap => {
      const found = new Map<string, Element>();
      for (const element of doc.querySelectorAll(locator.selector)) {
        const id = locator.idOf(element);
        if (id === undefined) continue;
        if (found.has(id)) warn('question_id_duplicate', { question_id: id });
        else found.set(id, element);
      }
      for (const flag of doc.querySelectorAll(opts.flagSelector)) {
        if (!flag.closest(locator.selector)) warn('flag_outside_question');
      }
      return found;
    };
    // Cheap tests on the records only: most mutations of a quiz page (a timer ticking) are not ours.
    const touchesQuestions = (records: MutationRecord[]) => {
      let removedElements = false;
      for (const record of records) {
        if (record.type === 'attributes') return true;
        for (const node of record.addedNodes) {
          if (node instanceof Element && (node.matches(watched) || node.querySelector(watched) !== null))
            return true;
        }
        for (const node of record.removedNodes) removedElements ||= node instanceof Element;
      }
      return removedElements && [...current.values()].some((element) => !element.isConnected);
    };
    const changed = (next: QuestionMap) =>
      next.size !== current.size || [...next].some(([id, element]) => current.get(id) !== element);

    if (typeof MutationObserver === 'undefined') {
      warn('unsupported', { source: 'questions', detail: 'MutationObserver' });
      return deferObservable(() => [(current = scan())]);
    }
    return fromMutations(doc.documentElement).pipe(
      filterValues(touchesQuestions),
      auditWindow(opts.questionScanDelayMs, scheduler),
      mapValues(() => undefined),
      startWithValue(undefined),
      mapValues(scan),
      // The first look-up is always emitted, even when empty; later ones only when something changed.
      filterValues((next) => !emitted || changed(next)),
      mapValues((next) => {
        emitted = true;
        current = next;
        return next;
      }),
    );
  });
}
