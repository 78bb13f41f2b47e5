import type { CanvasClient } from '../core/canvas-client.js';
import { canvasList, rowsOf, type CanvasList, type PageOptions } from '../core/canvas-list.js';
import type { Id } from '../core/id.js';
import type { QuizSubmission, QuizSubmissionInclude } from './quiz-submission.js';
import { quizSubmissionsPath } from './quiz-submissions-path.js';

/** Parameters of {@link listQuizSubmissions}. */
export interface ListQuizSubmissionsParams extends PageOptions {
  courseId: Id;
  quizId: Id;
  include?: readonly QuizSubmissionInclude[];
}

/**
 * A quiz's submissions: every visible student's for a teacher, the caller's own for a student.
 * `GET /api/v1/courses/:course_id/quizzes/:quiz_id/submissions` (paginated)
 */
export function listQuizSubmissions<I extends Id>(
  client: CanvasClient<I>,
  params: ListQuizSubmissionsParams,
): CanvasList<QuizSubmission<I>> {
  return canvasList(
    client,
    quizSubmissionsPath(params.courseId, params.quizId),
    { include: params.include },
    params.perPage,
    rowsOf<QuizSubmission<I>>('quiz_submissions'),
  );
}
