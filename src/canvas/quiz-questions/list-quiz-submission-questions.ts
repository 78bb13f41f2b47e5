import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { requestCanvas } from '../core/request-canvas.js';
import { rowsOf } from '../core/canvas-list.js';
import { quizQuestionsPath } from './quiz-questions-path.js';
import type { QuizSubmissionQuestion } from './quiz-submission-question.js';

/** Parameters of {@link listQuizSubmissionQuestions}. */
export interface ListQuizSubmissionQuestionsParams {
  quizSubmissionId: Id;
  /** `quiz_question` embeds the question's full data. */
  include?: readonly 'quiz_question'[];
}

/**
 * The questions of an attempt with their answers and flags (not paginated).
 * `GET /api/v1/quiz_submissions/:quiz_submission_id/questions`
 */
export async function listQuizSubmissionQuestions<I extends Id>(
  client: CanvasClient<I>,
  params: ListQuizSubmissionQuestionsParams,
): Promise<QuizSubmissionQuestion<I>[]> {
  const { data } = await requestCanvas(client, {
    method: 'GET',
    path: quizQuestionsPath(params.quizSubmissionId),
    query: { include: params.include },
  });
  return rowsOf<QuizSubmissionQuestion<I>>('quiz_submission_questions')(data);
}
