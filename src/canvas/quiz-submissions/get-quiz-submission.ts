import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { requestFirst } from '../core/request-canvas.js';
import type { QuizSubmission, QuizSubmissionInclude } from './quiz-submission.js';
import { quizSubmissionPath } from './quiz-submissions-path.js';

/** Parameters of {@link getQuizSubmission}. */
export interface GetQuizSubmissionParams {
  courseId: Id;
  quizId: Id;
  /** The quiz submission id, or `'self'` for the caller's own. */
  id: Id;
  include?: readonly QuizSubmissionInclude[];
  /** A past attempt instead of the current one. */
  attempt?: number;
}

/**
 * One quiz submission.
 * `GET /api/v1/courses/:course_id/quizzes/:quiz_id/submissions/:id`
 */
export async function getQuizSubmission<I extends Id>(
  client: CanvasClient<I>,
  params: GetQuizSubmissionParams,
): Promise<QuizSubmission<I>> {
  const path = quizSubmissionPath(params.courseId, params.quizId, params.id);
  const query = { include: params.include, attempt: params.attempt };
  return requestFirst<QuizSubmission<I>>(client, { method: 'GET', path, query }, 'quiz_submissions');
}
