import { canvasEnv } from './canvas-env.js';
import { parseEventsUrl, type EventsUrlIds } from './parse-events-url.js';

/** A classic quiz's take page of a real attempt, as the page itself tells it (no API call). */
export interface CanvasTakePage extends EventsUrlIds {
  kind: 'take';
  eventsUrl: string;
  attempt: number;
  validationToken: string;
}

/** The quiz's own page, where a student with a submission lands after submitting. */
export interface CanvasQuizShowPage extends EventsUrlIds {
  kind: 'quiz';
  eventsUrl: string;
}

/** A take page whose attempt cannot be read: proctoring it would be guessing. */
export interface UnreadableTakePage {
  kind: 'unreadable';
  reason: string;
}

export type CanvasQuizPage = CanvasTakePage | CanvasQuizShowPage | UnreadableTakePage;

const TAKE_PATH = /^\/courses\/(\d+)\/quizzes\/(\d+)\/take(?:\/questions\/\d+)?\/?$/;
const QUIZ_PATH = /^\/courses\/(\d+)\/quizzes\/(\d+)\/?$/;

// Each of the preview's own markers (canvas-pages.md §1.4): any one of them is enough to leave it alone.
function isPreview(win: Window, previewFlag: unknown): boolean {
  return (
    previewFlag === true ||
    /[?&]preview=/.test(win.location.search) ||
    win.document.querySelector('#submit_quiz_form input[name=preview], #preview_mode_link') !== null
  );
}

/**
 * What kind of classic quiz page this is, or undefined for every other page. Canvas sets
 * `ENV.QUIZ_SUBMISSION_EVENTS_URL` only where the student has a real (not preview) submission, so
 * every other page of the school is told apart by one property read.
 */
export function readCanvasQuizPage(win: Window): CanvasQuizPage | undefined {
  const env = canvasEnv(win);
  const eventsUrl = env?.QUIZ_SUBMISSION_EVENTS_URL;
  if (typeof eventsUrl !== 'string') return undefined;
  const ids = parseEventsUrl(eventsUrl, win.location.origin);
  if (!ids || isPreview(win, env?.IS_PREVIEW)) return undefined;
  const path = win.location.pathname;
  const take = TAKE_PATH.exec(path);
  // The page's own course and quiz must be the events URL's: events never go to another quiz.
  const samePlace = (match: RegExpExecArray) => match[1] === ids.courseId && match[2] === ids.quizId;
  const form = win.document.getElementById('submit_quiz_form');
  if (take && samePlace(take) && form) {
    const attemptText = form.querySelector<HTMLInputElement>('input[name=attempt]')?.value ?? '';
    const validationToken = form.querySelector<HTMLInputElement>('input[name=validation_token]')?.value ?? '';
    if (!/^[1-9]\d*$/.test(attemptText))
      return { kind: 'unreadable', reason: 'the take form has no attempt' };
    if (validationToken === '')
      return { kind: 'unreadable', reason: 'the take form has no validation token' };
    return { kind: 'take', ...ids, eventsUrl, attempt: Number(attemptText), validationToken };
  }
  const quiz = QUIZ_PATH.exec(path);
  if (quiz && samePlace(quiz) && !form) return { kind: 'quiz', ...ids, eventsUrl };
  return undefined;
}
