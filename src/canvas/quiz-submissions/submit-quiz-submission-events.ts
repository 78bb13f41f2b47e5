import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { requestCanvas } from '../core/request-canvas.js';
import type { QuizSubmissionEventInput } from './quiz-submission-event.js';
import { quizSubmissionEventsPath } from './quiz-submissions-path.js';

/** Parameters of {@link submitQuizSubmissionEvents}. */
export interface SubmitQuizSubmissionEventsParams {
  courseId: Id;
  quizId: Id;
  id: Id;
  /** Never empty: older Canvas answers an empty batch with a 500. */
  events: readonly QuizSubmissionEventInput[];
}

/**
 * Records captured events on the current attempt (owner only); Canvas answers 204.
 * `POST /api/v1/courses/:course_id/quizzes/:quiz_id/submissions/:id/events`
 */
export async function submitQuizSubmissionEvents(
  client: CanvasClient,
  params: SubmitQuizSubmissionEventsParams,
): Promise<void> {
  await requestCanvas(client, {
    method: 'POST',
    path: quizSubmissionEventsPath(params.courseId, params.quizId, params.id),
    json: { quiz_submission_events: params.events },
  });
}
