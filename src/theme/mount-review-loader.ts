import { canvasEnv } from '../canvas-page/canvas-env.js';

const LOG_PATH = /^\/courses\/(\d+)\/quizzes\/\d+\/submissions\/[^/]+\/log(\/|$)/;

/**
 * The course of the teacher's log page (canvas-pages.md §4), or undefined on every other page. The
 * review file reads the rest of the page itself (src/review-page/mount-theme-panel.ts): this file
 * carries only what recognises the page.
 */
export function readLogPageCourse(win: Window): string | undefined {
  // Canvas's log page has its events URL in its ENV, which the review reads.
  return typeof canvasEnv(win)?.events_url === 'string'
    ? LOG_PATH.exec(win.location.pathname)?.[1]
    : undefined;
}

/**
 * Puts the review panel above Canvas's own list and loads the review file into it, only here: a
 * Theme Editor upload is one file, and the review code (a timeline and the typed client) is for
 * teachers, so it never ships in the page IIFE. Canvas's React app replaces whatever `#content`
 * holds, so the panel goes just before it. The review file fills the panel when it runs; a file
 * that cannot be loaded, or that is not the review file, leaves one line there. Canvas's page is
 * left as it was.
 */
export function mountReviewLoader(doc: Document, scriptUrl: string): void {
  const content = doc.getElementById('content');
  if (!content) return;
  const panel = doc.createElement('section');
  panel.setAttribute('data-quiz-proctor-review', '');
  panel.setAttribute('aria-label', 'Proctoring review (quiz-proctor)');
  const loading = (panel.textContent = 'Loading the proctoring review…');
  content.before(panel);
  const fail = (why: string) => {
    panel.textContent = `quiz-proctor: the review could not be loaded from ${scriptUrl} (${why})`;
  };
  const script = doc.createElement('script');
  script.src = scriptUrl;
  script.async = true;
  // The review file fills the panel when its tag has this attribute (mount-theme-panel.ts), before onload.
  script.setAttribute('data-quiz-proctor-log-page', '');
  script.onload = () => {
    if (panel.textContent === loading) fail('it is not the review file');
  };
  script.onerror = () => {
    fail("blocked by the network or the page's security policy?");
  };
  doc.head.append(script);
}
