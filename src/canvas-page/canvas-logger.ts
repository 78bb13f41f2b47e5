import { canvasEnv } from './canvas-env.js';

/**
 * Whether Canvas's own quiz logger runs on this page. Canvas starts it on the take page exactly when
 * `ENV.QUIZ_SUBMISSION_EVENTS_URL` is set (canvas-pages.md §2); it has no global to look for.
 */
export function canvasLoggerRuns(win: Window): boolean {
  return (
    typeof canvasEnv(win)?.QUIZ_SUBMISSION_EVENTS_URL === 'string' &&
    win.document.getElementById('submit_quiz_form') !== null
  );
}

/**
 * Keeps Canvas's logger from starting on this page, so that Canvas's types come from us alone.
 * Canvas's take-page code checks `ENV.QUIZ_SUBMISSION_EVENTS_URL` in a jQuery-ready callback, which
 * runs after every deferred script, the theme file included: removing the key before then is enough.
 * Never touches `localStorage.qla_events` (its leftovers go out from Canvas's next quiz page).
 */
export function keepCanvasLoggerOff(win: Window): void {
  const env = canvasEnv(win);
  if (env) delete env.QUIZ_SUBMISSION_EVENTS_URL;
}
