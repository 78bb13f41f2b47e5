import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { requestCanvas } from '../core/request-canvas.js';
import { quizSubmissionPath } from './quiz-submissions-path.js';

/** Parameters of {@link getQuizSubmissionTime}. */
export interface GetQuizSubmissionTimeParams {
  courseId: Id;
  quizId: Id;
  id: Id;
}

/** When an attempt ends; both null for an untimed quiz. */
export interface QuizSubmissionTime {
  end_at: string | null;
  /** Whole seconds. */
  time_left: number | null;
}

/**
 * Time left in an attempt (owner only).
 * `GET /api/v1/courses/:course_id/quizzes/:quiz_id/submissions/:id/time`
 */
export async function getQuizSubmissionTime(
  client: CanvasClient,
  params: GetQuizSubmissionTimeParams,
): Promise<QuizSubmissionTime> {
  const path = `${quizSubmissionPath(params.courseId, params.quizId, params.id)}/time`;
  const { data } = await requestCanvas(client, { method: 'GET', path });
  return data as QuizSubmissionTime;
}
