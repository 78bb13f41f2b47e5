import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { requestFirst } from '../core/request-canvas.js';
import type { QuizSubmission } from './quiz-submission.js';
import { quizSubmissionPath } from './quiz-submissions-path.js';

/** Parameters of {@link completeQuizSubmission}. */
export interface CompleteQuizSubmissionParams {
  courseId: Id;
  quizId: Id;
  id: Id;
  /** Must be the current attempt. */
  attempt: number;
  validationToken: string;
  accessCode?: string;
}

/**
 * Turns in an attempt; the result is `complete` or `pending_review`.
 * `POST /api/v1/courses/:course_id/quizzes/:quiz_id/submissions/:id/complete`
 */
export async function completeQuizSubmission<I extends Id>(
  client: CanvasClient<I>,
  params: CompleteQuizSubmissionParams,
): Promise<QuizSubmission<I>> {
  const path = `${quizSubmissionPath(params.courseId, params.quizId, params.id)}/complete`;
  const json: Record<string, unknown> = {
    attempt: params.attempt,
    validation_token: params.validationToken,
  };
  if (params.accessCode !== undefined) json.access_code = params.accessCode;
  return requestFirst<QuizSubmission<I>>(client, { method: 'POST', path, json }, 'quiz_submissions');
}
