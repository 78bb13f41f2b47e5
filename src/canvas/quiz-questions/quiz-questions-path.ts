import type { Id } from '../core/id.js';
import { path } from '../core/path.js';
import type { QuizSubmissionCredentials } from './quiz-submission-question.js';

export const quizQuestionsPath = (quizSubmissionId: Id): string =>
  path`api/v1/quiz_submissions/${quizSubmissionId}/questions`;

export function credentialsJson(params: QuizSubmissionCredentials): Record<string, unknown> {
  const json: Record<string, unknown> = {
    attempt: params.attempt,
    validation_token: params.validationToken,
  };
  if (params.accessCode !== undefined) json.access_code = params.accessCode;
  return json;
}
