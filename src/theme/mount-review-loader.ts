import { canvasEnv } from '../canvas-page/canvas-env.js';

/** What the review file (`quiz-proctor-review.iife.min.js`) offers the log page, as `QuizProctorReview`. */
export interface ReviewFileApi {
  mountLogPage(panel: HTMLElement, page: LogPage): unknown;
}

/** The teacher's log page as Canvas renders it (canvas-pages.md §4). */
export interface LogPage {
  /** The course whose quiz it is (for the school's `courses`). */
  courseId: string;
  eventsUrl: string;
  /** `?attempt=N`; Canvas shows the latest attempt without it. */
  attempt: number | undefined;
}

const LOG_PATH = /^\/courses\/(\d+)\/quizzes\/\d+\/submissions\/[^/]+\/log(\/|$)/;

/** The log page's ids, or undefined on every other page. */
export function readLogPage(win: Window): LogPage | undefined {
  const env = canvasEnv(win);
  const path = LOG_PATH.exec(win.location.pathname);
  // Canvas's log page has both URLs in its ENV (the review reads the events one).
  if (!path || typeof env?.events_url !== 'string' || typeof env.submission_url !== 'string')
    return undefined;
  const attempt = Number(new URLSearchParams(win.location.search).get('attempt'));
  return {
    courseId: path[1] ?? '',
    eventsUrl: env.events_url,
    attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : undefined,
  };
}

/**
 * Puts the review panel above Canvas's own list and loads the review code into it, only here: a
 * Theme Editor upload is one file, and the review code (a timeline and the typed client) is for
 * teachers, so it never ships in the page IIFE. Canvas's React app replaces whatever `#content`
 * holds, so the panel goes just before it. Any failure is one line in the panel; Canvas's page is
 * left as it was.
 */
export function mountReviewLoader(win: Window, page: LogPage, scriptUrl: string): HTMLElement | undefined {
  const doc = win.document;
  const content = doc.getElementById('content');
  if (!content) return undefined;
  const panel = doc.createElement('section');
  panel.setAttribute('data-quiz-proctor-review', '');
  panel.setAttribute('aria-label', 'Proctoring review (quiz-proctor)');
  panel.textContent = 'Loading the proctoring review…';
  content.before(panel);
  const fail = (why: string) => {
    panel.textContent = `quiz-proctor: ${why}`;
  };
  const script = doc.createElement('script');
  script.src = scriptUrl;
  script.async = true;
  script.onload = () => {
    const api = (win as Window & { QuizProctorReview?: Partial<ReviewFileApi> }).QuizProctorReview;
    if (typeof api?.mountLogPage !== 'function') {
      fail(`${scriptUrl} is not the review file (no QuizProctorReview.mountLogPage)`);
      return;
    }
    try {
      api.mountLogPage(panel, page);
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  };
  script.onerror = () => {
    fail(
      `the review could not be loaded from ${scriptUrl} (blocked by the network or the page's security policy?)`,
    );
  };
  doc.head.append(script);
  return panel;
}
