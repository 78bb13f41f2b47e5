import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { path } from '../core/path.js';
import { requestFirst } from '../core/request-canvas.js';
import { credentialsJson, quizQuestionsPath } from './quiz-questions-path.js';
import type { QuizSubmissionCredentials, QuizSubmissionQuestion } from './quiz-submission-question.js';

/** Parameters of {@link unflagQuizSubmissionQuestion}. */
export interface UnflagQuizSubmissionQuestionParams extends QuizSubmissionCredentials {
  questionId: Id;
}

/**
 * Removes a question's review flag (owner only, untaken attempt).
 * `PUT /api/v1/quiz_submissions/:quiz_submission_id/questions/:id/unflag`
 */
export async function unflagQuizSubmissionQuestion<I extends Id>(
  client: CanvasClient<I>,
  params: UnflagQuizSubmissionQuestionParams,
): Promise<QuizSubmissionQuestion<I>> {
  const url = `${quizQuestionsPath(params.quizSubmissionId)}/${path`${params.questionId}`}/unflag`;
  const request = { method: 'PUT', path: url, json: credentialsJson(params) } as const;
  return requestFirst<QuizSubmissionQuestion<I>>(client, request, 'quiz_submission_questions');
}
