import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { requestFirst } from '../core/request-canvas.js';
import type { QuizSubmission } from './quiz-submission.js';
import { quizSubmissionPath } from './quiz-submissions-path.js';

/** A teacher's score and comment for one question. */
export interface QuestionScoreInput {
  score?: number | null;
  comment?: string;
}

/** Parameters of {@link updateQuizSubmissionScores}. */
export interface UpdateQuizSubmissionScoresParams {
  courseId: Id;
  quizId: Id;
  id: Id;
  /** The attempt to score (Canvas requires it). */
  attempt: number;
  /** Points added to (or taken from) the total. */
  fudgePoints?: number | null;
  /** By question id. */
  questions?: Readonly<Record<string, QuestionScoreInput>>;
}

/**
 * Scores questions and comments on a completed attempt (teacher).
 * `PUT /api/v1/courses/:course_id/quizzes/:quiz_id/submissions/:id`
 */
export async function updateQuizSubmissionScores<I extends Id>(
  client: CanvasClient<I>,
  params: UpdateQuizSubmissionScoresParams,
): Promise<QuizSubmission<I>> {
  const path = quizSubmissionPath(params.courseId, params.quizId, params.id);
  const entry: Record<string, unknown> = { attempt: params.attempt };
  if (params.fudgePoints !== undefined) entry.fudge_points = params.fudgePoints;
  if (params.questions !== undefined) entry.questions = params.questions;
  const request = { method: 'PUT', path, json: { quiz_submissions: [entry] } } as const;
  return requestFirst<QuizSubmission<I>>(client, request, 'quiz_submissions');
}
