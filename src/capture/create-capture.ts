import {
  defer,
  finalize,
  merge,
  NEVER,
  type Observable,
  ReplaySubject,
  share,
  Subject,
  takeUntil,
} from 'rxjs';
import type { CapturedEvent } from '../pipeline/event-record.js';
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
import { guardSource } from './guard-source.js';
import { resolveCaptureOptions } from './resolve-capture-options.js';
import { type QuestionMap, watchQuestions } from './watch-questions.js';

type Source = [name: string, enabled: boolean, create: () => Observable<CapturedEvent>];

/**
 * Every enabled capture source of a quiz page, merged: subscribing starts listening, unsubscribing
 * removes every listener and disconnects every observer. Nothing it does throws into the page; a
 * failure becomes a `capture_warning`. Throws {@link ConfigError} (synchronously) for bad options.
 * @example
 * const capture = createCapture({ captureAnswers: true }, { target: window, scheduler: asyncScheduler, memory });
 * const subscription = capture.subscribe((event) => store.append([event]));
 */
export function createCapture(options: CaptureOptions, deps: CaptureDeps): Observable<CapturedEvent> {
  const { target, scheduler, memory } = deps;
  const o = resolveCaptureOptions(options, target.document.createDocumentFragment());
  return defer(() => {
    const stop$ = deps.stop$ ?? NEVER;
    const warnings = new Subject<CapturedEvent>();
    const warn = createWarn((event) => {
      if (o.captureWarnings) warnings.next(event);
    }, scheduler);
    const locator = createQuestionLocator(o.questionSelector, o.questionId, warn);
    // One MutationObserver for every source that needs the question list; late subscribers get the
    // current list at once.
    const questions$ = watchQuestions(target, scheduler, {
      locator,
      flagSelector: o.flagSelector,
      scanDelayMs: o.questionScanDelayMs,
      warn,
    }).pipe(share({ connector: () => new ReplaySubject<QuestionMap>(1) }));
    // Sources holding state back (throttles, debounces) take stop$ themselves, to record it first.
    const untilStopped = (source$: Observable<CapturedEvent>) => source$.pipe(takeUntil(stop$));

    const sources: Source[] = [
      ['session_started', o.captureSessionStart, () => fromSessionStart(target, scheduler, { memory })],
      ['focus', o.captureFocus, () => fromFocus(target, scheduler, { throttleMs: o.focusThrottleMs, stop$ })],
      [
        'question_viewed',
        o.captureQuestionViews,
        () =>
          fromQuestionViews(target, scheduler, {
            questions$,
            memory,
            dwellMs: o.questionViewDwellMs,
            throttleMs: o.questionViewThrottleMs,
            warn,
            stop$,
          }),
      ],
      [
        'question_flagged',
        o.captureQuestionFlags,
        () =>
          untilStopped(
            fromFlags(target, scheduler, {
              locator,
              flagSelector: o.flagSelector,
              isFlagged: o.isFlagged,
              warn,
            }),
          ),
      ],
      [
        'question_answered',
        o.captureAnswers,
        () =>
          fromAnswers(target, scheduler, {
            locator,
            questions$,
            readAnswer: o.readAnswer,
            debounceMs: o.answerDebounceMs,
            stop$,
          }),
      ],
      ['visibility', o.captureVisibility, () => untilStopped(fromVisibility(target, scheduler))],
      ['clipboard', o.captureClipboard, () => untilStopped(fromClipboard(target, scheduler, { locator }))],
      [
        'context_menu',
        o.captureContextMenu,
        () => untilStopped(fromContextMenu(target, scheduler, { locator })),
      ],
      ['fullscreen', o.captureFullscreen, () => untilStopped(fromFullscreen(target, scheduler))],
      ['print', o.capturePrint, () => untilStopped(fromPrint(target, scheduler))],
      [
        'viewport',
        o.captureWindowSize || o.captureScreen,
        () =>
          untilStopped(
            fromViewport(target, scheduler, {
              windowSize: o.captureWindowSize,
              screen: o.captureScreen,
              debounceMs: o.resizeDebounceMs,
            }),
          ),
      ],
      ['network', o.captureNetwork, () => untilStopped(fromNetwork(target, scheduler))],
      ['shortcuts', o.captureShortcuts, () => untilStopped(fromShortcuts(target, scheduler))],
    ];
    const captured$ = merge(
      ...sources
        .filter(([, enabled]) => enabled)
        .map(([name, , create]) => defer(create).pipe(guardSource(name, warn))),
    );
    // Warnings first: the first look-up of questions can report garbage while the sources subscribe.
    return merge(
      warnings,
      captured$.pipe(
        finalize(() => {
          warnings.complete();
        }),
      ),
    );
  });
}
