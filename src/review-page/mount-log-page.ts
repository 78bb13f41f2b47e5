import { createCanvasClient } from '../canvas/core/canvas-client.js';
import { getAll } from '../canvas/core/canvas-list.js';
import { getQuizSubmission } from '../canvas/quiz-submissions/get-quiz-submission.js';
import { listQuizSubmissionEvents } from '../canvas/quiz-submissions/list-quiz-submission-events.js';
import { mountTimeline } from '../review/index.js';

/** The teacher's log page, as the theme file read it (canvas-pages.md §4). */
export interface LogPageIds {
  /** `ENV.events_url`: `…/api/v1/courses/:c/quizzes/:q/submissions/:id/events`. */
  eventsUrl: string;
  /** `?attempt=N` of the page; Canvas shows the latest attempt without it. */
  attempt: number | undefined;
}

const EVENTS_PATH = /\/api\/v1\/courses\/([^/]+)\/quizzes\/([^/]+)\/submissions\/([^/]+)\/events$/;

/**
 * Fills the panel the theme file put on Canvas's log page: reads the attempt's submission and every
 * page of its events with the teacher's own session (the typed client, Canvas's pagination), then
 * draws the timeline. Any failure leaves one line in the panel and nothing else touched.
 */
export async function mountLogPage(panel: HTMLElement, page: LogPageIds): Promise<void> {
  try {
    panel.textContent = 'Reading the attempt’s events…';
    const url = new URL(page.eventsUrl);
    const ids = EVENTS_PATH.exec(url.pathname);
    if (!ids) throw new Error(`ENV.events_url is not an events URL: ${page.eventsUrl}`);
    const [, courseId = '', quizId = '', id = ''] = ids;
    const client = createCanvasClient({ baseUrl: url.origin, auth: { type: 'session' } });
    const submission = await getQuizSubmission(client, { courseId, quizId, id });
    const attempt = page.attempt ?? submission.attempt;
    const events = await getAll(
      listQuizSubmissionEvents(client, { courseId, quizId, id, attempt, perPage: 50 }),
    );
    panel.textContent = '';
    mountTimeline(panel, {
      events: events.map((event) => ({ ...event, event_data: event.event_data ?? null })),
      // Canvas's submission JSON is the latest attempt's; an earlier attempt keeps only its number.
      submission:
        attempt === submission.attempt
          ? submission
          : { ...submission, attempt, started_at: null, finished_at: null },
      title: `Attempt ${String(attempt)}`,
    });
  } catch (error) {
    panel.textContent = `quiz-proctor: the review could not be shown: ${error instanceof Error ? error.message : String(error)}`;
  }
}
