import { NEVER, Observable } from 'rxjs';
import type { CapturedEvent } from '../events/captured-event.js';
import type { CaptureContext } from './capture-context.js';
import type { CaptureDeps, CaptureOptions } from './capture-options.js';
import { createQuestionLocator } from './create-question-locator.js';
import { createWarn } from './create-warn.js';
import { fromAnswers } from './from-answers.js';
import { fromClipboard } from './from-clipboard.js';
import { fromContextMenu } from './from-context-menu.js';
import { fromFlags } from './from-flags.js';
import { fromFocus } from './from-focus.js';
import { fromFullscreen } from './from-fullscreen.js';
import { fromNetwork } from './from-network.js';
import { fromPrint } from './from-print.js';
import { fromQuestionViews } from './from-question-views.js';
import { fromSessionStart } from './from-session-start.js';
import { fromShortcuts } from './from-shortcuts.js';
import { fromViewport } from './from-viewport.js';
import { fromVisibility } from './from-visibility.js';
import { type CaptureSource, mergeSources } from './merge-sources.js';
import { resolveCaptureOptions, type ResolvedCaptureOptions } from './resolve-capture-options.js';
import { shareLatest } from './share-latest.js';
import { type QuestionMap, watchQuestions } from './watch-questions.js';

/**
 * Every enabled capture source of a quiz page, merged: subscribing starts listening, unsubscribing
 * removes every listener and disconnects every observer. Nothing it does throws into the page; a
 * failure becomes a `capture_warning`. Throws {@link ConfigError} (synchronously) for bad options.
 * @example
 * const capture = createCapture({ captureAnswers: true }, { target: window, scheduler: asyncScheduler, memory });
 * const subscription = capture.subscribe((event) => store.append([event]));
 */
export function createCapture(options: CaptureOptions, deps: CaptureDeps): Observable<CapturedEvent> {
  return captureResolved(resolveCaptureOptions(options, deps.target.document.createDocumentFragment()), deps);
}

/** {@link createCapture} for options already resolved (the proctor resolves them when it is created). */
export function captureResolved(o: ResolvedCaptureOptions, deps: CaptureDeps): Observable<CapturedEvent> {
  const { target, scheduler, memory } = deps;
  // Where Canvas's logger sends Canvas's types, ours would show every moment twice in its log.
  const canvasTypes = deps.withoutCanvasTypes !== true;
  return new Observable<CapturedEvent>((subscriber) => {
    const stop$ = deps.stop$ ?? NEVER;
    // Warnings go straight out: the first look-up of questions can report garbage while the
    // sources subscribe.
    const warn = createWarn((event) => {
      if (o.captureWarnings) subscriber.next(event);
    }, scheduler);
    const locator = createQuestionLocator(o.questionSelector, o.questionId, warn);
    const shared = { ...o, memory, locator, warn, stop$, withoutCanvasTypes: !canvasTypes };
    // One MutationObserver for every source that needs the question list.
    const context: CaptureContext = {
      ...shared,
      questions$: watchQuestions(target, scheduler, shared).pipe(shareLatest<QuestionMap>()),
    };

    // A source switched off is never created, so it adds no listener or observer at all. The
    // sources holding state back take stop$ themselves, to record it before completing.
    const sources: CaptureSource[] = [];
    const add = (name: string, on: boolean, create: () => Observable<CapturedEvent>, takesStop = false) => {
      if (on) sources.push({ name, create, takesStop });
    };
    add('session_started', o.captureSessionStart && canvasTypes, () =>
      fromSessionStart(target, scheduler, context),
    );
    add('focus', o.captureFocus, () => fromFocus(target, scheduler, context), true);
    add(
      'question_viewed',
      o.captureQuestionViews && canvasTypes,
      () => fromQuestionViews(target, scheduler, context),
      true,
    );
    add(
      'question_flagged',
      o.captureQuestionFlags && canvasTypes,
      () => fromFlags(target, scheduler, context),
      true,
    );
    add(
      'question_answered',
      o.captureAnswers && canvasTypes,
      () => fromAnswers(target, scheduler, context),
      true,
    );
    add('visibility', o.captureVisibility, () => fromVisibility(target, scheduler));
    add('clipboard', o.captureClipboard, () => fromClipboard(target, scheduler, context));
    add('context_menu', o.captureContextMenu, () => fromContextMenu(target, scheduler, context));
    add('fullscreen', o.captureFullscreen, () => fromFullscreen(target, scheduler));
    add('print', o.capturePrint, () => fromPrint(target, scheduler));
    add('viewport', o.captureWindowSize || o.captureScreen, () => fromViewport(target, scheduler, context));
    add('network', o.captureNetwork, () => fromNetwork(target, scheduler));
    add('shortcuts', o.captureShortcuts, () => fromShortcuts(target, scheduler));
    // The subscriber itself is passed on, so events reach it with no hop in between.
    return mergeSources(sources, warn, stop$).subscribe(subscriber);
  });
}
