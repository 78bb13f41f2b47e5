import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { requestFirst } from '../core/request-canvas.js';
import type { QuizSubmission } from './quiz-submission.js';
import { quizSubmissionsPath } from './quiz-submissions-path.js';

/** Parameters of {@link startQuizSubmission}. */
export interface StartQuizSubmissionParams {
  courseId: Id;
  quizId: Id;
  /** The quiz's access code; Canvas wants it on every start, complete, answer and flag. */
  accessCode?: string;
  /** Start a teacher preview. Sent as a JSON boolean: Canvas treats any form value, even "false", as true. */
  preview?: boolean;
}

/**
 * Starts an attempt (or the next one) at a quiz.
 * `POST /api/v1/courses/:course_id/quizzes/:quiz_id/submissions`
 */
export async function startQuizSubmission<I extends Id>(
  client: CanvasClient<I>,
  params: StartQuizSubmissionParams,
): Promise<QuizSubmission<I>> {
  const path = quizSubmissionsPath(params.courseId, params.quizId);
  const json: Record<string, unknown> = {};
  if (params.accessCode !== undefined) json.access_code = params.accessCode;
  if (params.preview !== undefined) json.preview = params.preview;
  return requestFirst<QuizSubmission<I>>(client, { method: 'POST', path, json }, 'quiz_submissions');
}
