import { mountLogPage } from './mount-log-page.js';

/**
 * The review file's start when the theme file loaded it on Canvas's log page
 * (src/theme/mount-review-loader.ts): its script tag carries `data-quiz-proctor-log-page`, and the
 * panel, `data-quiz-proctor-review`. The page's ids are read here rather than in the theme file, so the
 * page IIFE every student loads carries only what recognises the log page. On any other page, or
 * loaded by any other tag, it does nothing.
 */
export function mountThemePanel(win: Window, script: HTMLOrSVGScriptElement | null): void {
  if (!script?.hasAttribute('data-quiz-proctor-log-page')) return;
  const panel = win.document.querySelector<HTMLElement>('section[data-quiz-proctor-review]');
  if (!panel) return;
  // Canvas's log page has the attempt's events URL in its ENV (canvas-pages.md §4).
  const eventsUrl = (win as Window & { ENV?: { events_url?: unknown } }).ENV?.events_url;
  if (typeof eventsUrl !== 'string') {
    panel.textContent = 'quiz-proctor: the review could not be shown: this page has no ENV.events_url';
    return;
  }
  const attempt = Number(new URLSearchParams(win.location.search).get('attempt'));
  void mountLogPage(panel, {
    eventsUrl,
    attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : undefined,
  });
}
