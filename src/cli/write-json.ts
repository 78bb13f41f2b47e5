import type { ReportAttempt } from './read-quiz-report.js';

/** Where a report came from, written at its head. */
export interface ReportSource {
  baseUrl: string;
  courseId: string;
  quizId: string;
  generatedAt: string;
}

/** analyzeAttempt's output per attempt, with who and which submission it is. */
export function writeJson(source: ReportSource, attempts: readonly ReportAttempt[]): string {
  const body = {
    ...source,
    attempts: attempts.map(({ submission, studentName, review }) => ({
      submissionId: String(submission.id),
      userId: submission.user_id === null ? null : String(submission.user_id),
      studentName,
      attempt: submission.attempt,
      workflowState: submission.workflow_state,
      startedAt: submission.started_at,
      finishedAt: submission.finished_at,
      ...review,
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
