// Compiled by `npm run typecheck`, never run: what the typed client returns is what analyzeAttempt
// takes, with number or string ids, so docs/review.md's example holds.
import {
  getAll,
  getQuizSubmission,
  listQuizSubmissionEvents,
  type CanvasClient,
  type Id,
} from '../../src/canvas/index.js';
import { analyzeAttempt, type AttemptReview } from '../../src/review/index.js';

export async function reviewAttempt<I extends Id>(
  teacher: CanvasClient<I>,
  params: { courseId: number; quizId: number; id: number },
): Promise<AttemptReview> {
  const [events, submission] = await Promise.all([
    getAll(listQuizSubmissionEvents(teacher, { ...params, perPage: 100 })),
    getQuizSubmission(teacher, params),
  ]);
  return analyzeAttempt({ events, submission });
}
