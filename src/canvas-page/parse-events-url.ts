/** The ids an attempt's events URL names. */
export interface EventsUrlIds {
  courseId: string;
  quizId: string;
  submissionId: string;
}

const EVENTS_PATH = /^\/api\/v1\/courses\/(\d+)\/quizzes\/(\d+)\/submissions\/(\d+)\/events$/;

/**
 * The course, quiz and submission of Canvas's events URL, or undefined when it is not one on
 * `origin`: events go to the Canvas that rendered the page, never to a host a page script named.
 */
export function parseEventsUrl(url: unknown, origin: string): EventsUrlIds | undefined {
  if (typeof url !== 'string') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url, origin);
  } catch {
    return undefined;
  }
  const match = parsed.origin === origin ? EVENTS_PATH.exec(parsed.pathname) : null;
  if (!match) return undefined;
  const [, courseId = '', quizId = '', submissionId = ''] = match;
  return { courseId, quizId, submissionId };
}
