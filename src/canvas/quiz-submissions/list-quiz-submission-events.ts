import type { CanvasClient } from '../core/canvas-client.js';
import { canvasList, rowsOf, type CanvasList, type PageOptions } from '../core/canvas-list.js';
import type { Id } from '../core/id.js';
import type { QuizSubmissionEvent } from './quiz-submission-event.js';
import { quizSubmissionEventsPath } from './quiz-submissions-path.js';

/** Parameters of {@link listQuizSubmissionEvents}. */
export interface ListQuizSubmissionEventsParams extends PageOptions {
  courseId: Id;
  quizId: Id;
  id: Id;
  /** A past attempt instead of the current one. */
  attempt?: number;
}

/**
 * The captured events of an attempt, oldest first (teacher; needs the `quiz_log_auditing` feature).
 * Canvas's ids here are strings even without string ids.
 * `GET /api/v1/courses/:course_id/quizzes/:quiz_id/submissions/:id/events` (paginated)
 */
export function listQuizSubmissionEvents<I extends Id>(
  client: CanvasClient<I>,
  params: ListQuizSubmissionEventsParams,
): CanvasList<QuizSubmissionEvent<I | string>> {
  return canvasList(
    client,
    quizSubmissionEventsPath(params.courseId, params.quizId, params.id),
    { attempt: params.attempt },
    params.perPage,
    rowsOf<QuizSubmissionEvent<I | string>>('quiz_submission_events'),
  );
}
