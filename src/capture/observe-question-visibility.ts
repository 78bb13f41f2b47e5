import { Observable } from 'rxjs';
import type { QuestionMap } from './watch-questions.js';

/** A question became viewable (`visible`) or stopped being so. */
export interface ViewChange {
  id: string;
  visible: boolean;
}

// A pixel of slack: positions are fractional and a question flush with the viewport edge counts.
const TOLERANCE_PX = 1;
const THRESHOLD_STEPS = 1e6;

// Chromium reports isIntersecting false below an observer's lowest threshold, even when the
// question is partly in view: for the observer of partly visible questions, the ratio tells.
const intersects = (entry: IntersectionObserverEntry) => entry.isIntersecting || entry.intersectionRatio > 0;

// Canvas's rule, vertically: the question is entirely inside the viewport, or (taller than the
// viewport) fills it. So this much of its height must be in view, read from the entry's own
// rectangles (no layout).
const neededHeightPx = (entry: IntersectionObserverEntry, target: Window) =>
  Math.min(entry.boundingClientRect.height, entry.rootBounds?.height ?? target.innerHeight) - TOLERANCE_PX;

const isViewable = (entry: IntersectionObserverEntry, target: Window) =>
  intersects(entry) &&
  entry.boundingClientRect.height > 0 &&
  entry.intersectionRect.height >= neededHeightPx(entry, target);

// The intersection ratio at which the entry's question becomes viewable. A question taller than the
// viewport (or clipped sideways) never reaches ratio 1, so a fixed threshold list would miss the
// moment it fills the viewport; an observer woken exactly at this ratio does not.
function wakeRatio(entry: IntersectionObserverEntry, target: Window): number {
  const box = entry.boundingClientRect;
  const widthShare = box.width > 0 ? entry.intersectionRect.width / box.width : 1;
  const ratio = (widthShare * neededHeightPx(entry, target)) / box.height;
  return Math.max(0, Math.floor(ratio * THRESHOLD_STEPS) / THRESHOLD_STEPS);
}

/**
 * Which questions are viewable, through IntersectionObserver: at load, after scrolling and after any
 * layout change. One observer tells when questions enter or leave the viewport; a second one, for the
 * few questions partly in view, is woken at the ratios where they become viewable. Questions for
 * which `isDone` holds are not (or no longer) observed.
 */
export function observeQuestionVisibility(
  target: Window,
  questions$: Observable<QuestionMap>,
  isDone: (id: string) => boolean,
): Observable<ViewChange[]> {
  return new Observable<ViewChange[]>((subscriber) => {
    const observed = new Map<Element, string>();
    const viewable = new Map<string, boolean>();
    // Questions partly in view, with the ratio at which each becomes viewable.
    const partial = new Map<Element, number>();
    let partialObserver: IntersectionObserver | undefined;
    let partialThresholds = new Set<number>();

    const forget = (element: Element) => {
      observed.delete(element);
      partial.delete(element);
      enterLeave.unobserve(element);
      partialObserver?.unobserve(element);
    };
    const syncPartial = () => {
      const wanted = new Set(partial.values());
      if ([...wanted].some((ratio) => !partialThresholds.has(ratio))) {
        partialObserver?.disconnect();
        partialThresholds = wanted;
        partialObserver = new IntersectionObserver(onEntries, {
          threshold: [...wanted].sort((a, b) => a - b),
        });
      }
      for (const element of partial.keys()) partialObserver?.observe(element);
    };
    function onEntries(entries: IntersectionObserverEntry[]) {
      const changes: ViewChange[] = [];
      const changed: Element[] = [];
      for (const entry of entries) {
        const id = observed.get(entry.target);
        if (id === undefined) continue;
        if (isDone(id)) {
          forget(entry.target);
          continue;
        }
        const now = isViewable(entry, target);
        if (intersects(entry) && !now) {
          partial.set(entry.target, wakeRatio(entry, target));
        } else if (partial.delete(entry.target)) {
          partialObserver?.unobserve(entry.target);
        }
        if ((viewable.get(id) ?? false) !== now) {
          viewable.set(id, now);
          changes.push({ id, visible: now });
          changed.push(entry.target);
        }
      }
      syncPartial();
      if (changes.length === 0) return;
      subscriber.next(changes);
      // Only questions that just changed can have been counted now; walking every observed question
      // here made each scroll cost grow with the page. Others done later are forgotten at their next entry.
      for (const element of changed) {
        const id = observed.get(element);
        if (id !== undefined && isDone(id)) forget(element);
      }
    }
    const enterLeave = new IntersectionObserver(onEntries, { threshold: [0, 1] });

    const subscription = questions$.subscribe({
      next: (questions) => {
        const gone: ViewChange[] = [];
        for (const [element, id] of observed) {
          if (questions.get(id) === element) continue;
          forget(element);
          if (!questions.has(id) && viewable.get(id) === true) {
            viewable.set(id, false);
            gone.push({ id, visible: false });
          }
        }
        for (const [id, element] of questions) {
          if (observed.has(element) || isDone(id)) continue;
          observed.set(element, id);
          enterLeave.observe(element);
        }
        if (gone.length > 0) subscriber.next(gone);
      },
      error: (error: unknown) => {
        subscriber.error(error);
      },
    });
    return () => {
      subscription.unsubscribe();
      enterLeave.disconnect();
      partialObserver?.disconnect();
    };
  });
}
