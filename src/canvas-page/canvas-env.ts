/**
 * The parts of Canvas's `window.ENV` the SDK reads (canvas-pages.md §1.1, §4). Canvas writes ENV in
 * an inline script before any deferred script, so it is complete when the theme file runs.
 */
export interface CanvasEnv {
  /** The take page and the quiz page of a real attempt: the attempt's absolute events URL. */
  QUIZ_SUBMISSION_EVENTS_URL?: unknown;
  /** `true` only on a teacher's preview. */
  IS_PREVIEW?: unknown;
  /** The teacher's quiz log page (§4): the attempt's events and its submission, absolute API URLs. */
  events_url?: unknown;
  submission_url?: unknown;
}

/** The page's `ENV`, or undefined when it has none (a page Canvas did not render). */
export function canvasEnv(win: Window): CanvasEnv | undefined {
  const env = (win as Window & { ENV?: unknown }).ENV;
  return typeof env === 'object' && env !== null ? env : undefined;
}
