import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { path } from '../core/path.js';
import { requestFirst } from '../core/request-canvas.js';
import { credentialsJson, quizQuestionsPath } from './quiz-questions-path.js';
import type { QuizSubmissionCredentials, QuizSubmissionQuestion } from './quiz-submission-question.js';

/** Parameters of {@link flagQuizSubmissionQuestion}. */
export interface FlagQuizSubmissionQuestionParams extends QuizSubmissionCredentials {
  questionId: Id;
}

/**
 * Flags a question for review (owner only, untaken attempt); no event is recorded.
 * `PUT /api/v1/quiz_submissions/:quiz_submission_id/questions/:id/flag`
 */
export async function flagQuizSubmissionQuestion<I extends Id>(
  client: CanvasClient<I>,
  params: FlagQuizSubmissionQuestionParams,
): Promise<QuizSubmissionQuestion<I>> {
  const url = `${quizQuestionsPath(params.quizSubmissionId)}/${path`${params.questionId}`}/flag`;
  const request = { method: 'PUT', path: url, json: credentialsJson(params) } as const;
  return requestFirst<QuizSubmissionQuestion<I>>(client, request, 'quiz_submission_questions');
}
