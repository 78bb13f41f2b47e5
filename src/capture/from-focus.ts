import { Observable, type SchedulerLike, type Subscription } from 'rxjs';
import { mapValues } from '../util/map-values.js';
import { deferObservable } from '../util/defer-observable.js';
import { completeOn } from '../util/complete-on.js';
import type { CapturedEvent } from '../events/captured-event.js';
import type { CaptureContext } from './capture-context.js';
import { captureEvent } from './capture-event.js';
import { errorsTo } from './errors-to.js';
import { listen } from './listen.js';
import { throttleChanges } from './throttle-changes.js';

const FRAME_TAGS = new Set(['IFRAME', 'FRAME']);
const isFrame = (element: Element | null | undefined) => FRAME_TAGS.has(element?.tagName ?? '');

// The focused iframe's window when the page can listen to it (same origin), else undefined.
function focusedFrameWindow(element: Element | null): Window | undefined {
  if (!element || !isFrame(element)) return undefined;
  const frame = (element as HTMLIFrameElement).contentWindow;
  try {
    // Reading a cross-origin frame's document throws: such a frame cannot be watched.
    return frame?.document.defaultView === frame ? (frame ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

// An element of the page other than the body has the focus (the body is where it rests when none does).
const holdsFocus = (doc: Document, active: Element | null) =>
  active !== null && active !== doc.body && active !== doc.documentElement;

const FOCUS_TYPES = ['focus', 'blur'];

// Whether the page has the user's focus, as window focus and blur events say (true: present).
// A blur that moved focus into an iframe of the page (the rich content editor) is not away, as in
// Canvas; unlike Canvas, focus leaving that iframe for another window is, so a same-origin iframe
// holding the focus is watched too (one at a time). Plain listeners, no operators: a student
// switching windows is a hot path.
function fromPresence(target: Window, scheduler: SchedulerLike): Observable<boolean> {
  return new Observable<boolean>((subscriber) => {
    const doc = target.document;
    let frame: Window | undefined;
    let unwatchFrame: (() => void) | undefined;
    let later: Subscription | undefined;
    let read: () => boolean = () => true;
    // A state known now supersedes a read still waiting for its task.
    const report = (present: boolean, active = doc.activeElement) => {
      later?.unsubscribe();
      later = undefined;
      subscriber.next(present);
      watchFocusedFrame(active);
    };
    // One task later, after the page's handlers and after the browser has finished moving the focus:
    // where it went is known by then. A read already waiting is kept and reads the latest question,
    // so changes within one task share one timer.
    const readLater = (next: () => boolean) => {
      read = next;
      later ??= scheduler.schedule(
        errorsTo(subscriber, () => {
          later = undefined;
          report(read());
        }),
        0,
      );
    };
    // Focus entering an iframe element of the page (the capture phase sees it on the window) is present.
    // Where the window's blur already tells, it is read at once: Chromium has moved the focus when it
    // dispatches the blur (the iframe is the active element, or the document has lost the focus).
    // Firefox dispatches it before moving the focus into an iframe of the page: during the blur the
    // document has lost the focus and the active element is the body, one task later the iframe has
    // it. So a lost focus is away at once only when it cannot be that: the page has no frame, or an
    // element of the page still holds the focus (Firefox clears it before moving into a frame).
    // Otherwise look one task later, as Canvas does; a timer per blur costs more than the rest of the
    // blur together, so only then.
    const onWindow = errorsTo(subscriber, (event: Event) => {
      if (event.type === 'focus') {
        if (event.target === target || isFrame(event.target as Element)) report(true);
        return;
      }
      if (event.target !== target) return;
      const active = doc.activeElement;
      if (isFrame(active)) report(true, active);
      else if (!doc.hasFocus() && (target.length === 0 || holdsFocus(doc, active))) report(false, active);
      else readLater(() => isFrame(doc.activeElement));
    });
    const onFrame = errorsTo(subscriber, (event: Event) => {
      if (event.target !== frame) return;
      if (event.type === 'focus') report(true);
      else readLater(() => doc.hasFocus());
    });
    function watchFocusedFrame(active: Element | null) {
      const focused = focusedFrameWindow(active);
      if (focused === frame) return;
      unwatchFrame?.();
      frame = focused;
      unwatchFrame = frame && listen(frame, FOCUS_TYPES, onFrame);
    }
    const unlisten = listen(target, FOCUS_TYPES, onWindow);
    watchFocusedFrame(doc.activeElement);
    return () => {
      later?.unsubscribe();
      unlisten();
      unwatchFrame?.();
    };
  });
}

const canvasTypes = (scheduler: SchedulerLike) => (present: boolean) =>
  captureEvent(present ? 'page_focused' : 'page_blurred', undefined, scheduler);

// The throttle lets a focus through only after a recorded blur, so `blurredAt` is always set then.
// `changedAt` is when the presence last truly changed: when a change is recorded it is that change's
// moment, so `away_ms` runs from the page truly leaving to truly coming back, not from when the
// throttle let either through (a 2 s look away held back by the throttle is 2 s, not 5).
function ownTypes(scheduler: SchedulerLike, changedAt: () => number) {
  let blurredAt = scheduler.now();
  return (present: boolean) => {
    const now = scheduler.now();
    if (present) return captureEvent('window_focused', { away_ms: changedAt() - blurredAt }, scheduler, now);
    blurredAt = changedAt();
    return captureEvent('window_blurred', {}, scheduler, now);
  };
}

/**
 * `page_blurred` and `page_focused` (no `event_data`), with Canvas's rules: a blur into an iframe of
 * the page is not a blur, a focus counts only after a recorded blur, and each is throttled (5 s,
 * leading edge). Unlike Canvas, a change the throttle holds back is recorded when the throttle
 * allows, so the record always ends in the true state.
 */
export function fromFocus(
  target: Window,
  scheduler: SchedulerLike,
  opts: Pick<CaptureContext, 'focusThrottleMs' | 'withoutCanvasTypes' | 'stop$'>,
): Observable<CapturedEvent> {
  return deferObservable(() => {
    // Stopping completes the presence, and completion makes the throttle record what it holds back.
    // Present at start, as Canvas assumes: document.hasFocus() is also false when the focused
    // element was removed while the window keeps focus, and no focus event would ever correct that.
    // When the presence last truly changed, for away_ms (see ownTypes).
    let present = true;
    let changedAt = scheduler.now();
    const presence$ = fromPresence(target, scheduler).pipe(
      mapValues((next) => {
        if (next !== present) changedAt = scheduler.now();
        present = next;
        return next;
      }),
      completeOn(opts.stop$),
    );
    return presence$.pipe(
      throttleChanges(true, opts.focusThrottleMs, scheduler),
      mapValues(opts.withoutCanvasTypes ? ownTypes(scheduler, () => changedAt) : canvasTypes(scheduler)),
    );
  });
}
