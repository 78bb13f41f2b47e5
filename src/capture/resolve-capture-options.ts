import { checkOption } from '../errors/check-option.js';
import type { CaptureOptions } from './capture-options.js';
import { canvasQuestionId } from './canvas-question-id.js';
import { isCanvasFlagged } from './is-canvas-flagged.js';
import { readCanvasAnswer } from './read-canvas-answer.js';

export type ResolvedCaptureOptions = Required<CaptureOptions>;

export const CAPTURE_DEFAULTS: ResolvedCaptureOptions = {
  captureSessionStart: true,
  captureFocus: true,
  captureQuestionViews: true,
  captureQuestionFlags: true,
  captureAnswers: false,
  captureVisibility: true,
  captureClipboard: true,
  captureContextMenu: true,
  captureFullscreen: true,
  capturePrint: true,
  captureWindowSize: true,
  captureScreen: true,
  captureNetwork: true,
  captureShortcuts: true,
  captureWarnings: true,
  captureSecondTab: true,
  captureHeartbeat: true,
  questionSelector: '#questions .question, [data-quiz-question-id]',
  questionId: canvasQuestionId,
  flagSelector: '.flag_question, [data-quiz-flag]',
  isFlagged: isCanvasFlagged,
  readAnswer: readCanvasAnswer,
  focusThrottleMs: 5000,
  questionViewThrottleMs: 2500,
  questionViewDwellMs: 0,
  answerDebounceMs: 1000,
  resizeDebounceMs: 250,
  questionScanDelayMs: 50,
};

/** Fills in defaults; throws {@link ConfigError} for an option that can only be a programming mistake. */
export function resolveCaptureOptions(options: CaptureOptions, probe: ParentNode): ResolvedCaptureOptions {
  const resolved: ResolvedCaptureOptions = { ...CAPTURE_DEFAULTS };
  for (const [key, value] of Object.entries(options) as [keyof CaptureOptions, unknown][]) {
    if (value !== undefined) (resolved as Record<string, unknown>)[key] = value;
  }
  for (const key of Object.keys(CAPTURE_DEFAULTS) as (keyof ResolvedCaptureOptions)[]) {
    const value = resolved[key];
    const kind = typeof CAPTURE_DEFAULTS[key];
    // Each option is of its default's kind: a switch given as 'false' would be on, and a reader that
    // is no function would fail at every read. Named by its path in the options
    // (`capture.focusThrottleMs`), as every other option is.
    checkOption(
      typeof value === kind && (kind !== 'number' || ((value as number) >= 0 && Number.isFinite(value))),
      `capture.${key}`,
      kind === 'number' ? 'a number of ms ≥ 0' : `a ${kind}`,
      value,
    );
  }
  for (const key of ['questionSelector', 'flagSelector'] as const) {
    try {
      // A bad selector would otherwise throw inside every scan and every click for the whole attempt.
      probe.querySelector(resolved[key]);
    } catch {
      checkOption(false, `capture.${key}`, 'a CSS selector', resolved[key]);
    }
  }
  return resolved;
}
