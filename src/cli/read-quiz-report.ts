import type { CanvasClient } from '../canvas/core/canvas-client.js';
import { getAll } from '../canvas/core/canvas-list.js';
import { listQuizSubmissionEvents } from '../canvas/quiz-submissions/list-quiz-submission-events.js';
import type { QuizSubmissionEvent } from '../canvas/quiz-submissions/quiz-submission-event.js';
import { analyzeAttempt } from '../review/analyze-attempt.js';
import type { AttemptReview } from '../review/attempt-review.js';
import { listAttempts, type QuizAttempt } from './list-attempts.js';

/** One attempt of the report: who, Canvas's submission, its log and its review. */
export interface ReportAttempt extends QuizAttempt {
  events: QuizSubmissionEvent[];
  review: AttemptReview;
}

/**
 * Reads every submission of a quiz and each one's current attempt's events (every page), one
 * request at a time, and reviews each. `onProgress` hears how many attempts are read of how many.
 */
export async function readQuizReport(
  client: CanvasClient,
  courseId: string,
  quizId: string,
  onProgress: (done: number, total: number) => void,
): Promise<ReportAttempt[]> {
  const attempts = await getAll(listAttempts(client, courseId, quizId));
  // Newest first, as the teacher's list reads.
  attempts.sort((a, b) => (b.submission.started_at ?? '').localeCompare(a.submission.started_at ?? ''));
  onProgress(0, attempts.length);
  const report: ReportAttempt[] = [];
  for (const attempt of attempts) {
    const { submission } = attempt;
    const events = await getAll(
      listQuizSubmissionEvents(client, {
        courseId,
        quizId,
        id: submission.id,
        attempt: submission.attempt,
        perPage: 100,
      }),
    );
    const review = analyzeAttempt({
      events: events.map((event) => ({ ...event, event_data: event.event_data ?? null })),
      submission,
    });
    report.push({ ...attempt, events, review });
    onProgress(report.length, attempts.length);
  }
  return report;
}
