import type { CanvasClient } from '../core/canvas-client.js';
import { rowsOf } from '../core/canvas-list.js';
import type { Id } from '../core/id.js';
import { requestCanvas } from '../core/request-canvas.js';
import { credentialsJson, quizQuestionsPath } from './quiz-questions-path.js';
import type {
  QuizQuestionAnswer,
  QuizSubmissionCredentials,
  QuizSubmissionQuestion,
} from './quiz-submission-question.js';

/** Parameters of {@link answerQuizSubmissionQuestions}. */
export interface AnswerQuizSubmissionQuestionsParams extends QuizSubmissionCredentials {
  answers: readonly QuizQuestionAnswer[];
}

/**
 * Saves answers on an untaken attempt (owner only); Canvas records a `question_answered` event
 * for the ones that changed.
 * `POST /api/v1/quiz_submissions/:quiz_submission_id/questions`
 */
export async function answerQuizSubmissionQuestions<I extends Id>(
  client: CanvasClient<I>,
  params: AnswerQuizSubmissionQuestionsParams,
): Promise<QuizSubmissionQuestion<I>[]> {
  const { data } = await requestCanvas(client, {
    method: 'POST',
    path: quizQuestionsPath(params.quizSubmissionId),
    json: {
      ...credentialsJson(params),
      quiz_questions: params.answers.map(({ id, answer }) => ({ id, answer })),
    },
  });
  return rowsOf<QuizSubmissionQuestion<I>>('quiz_submission_questions')(data);
}
