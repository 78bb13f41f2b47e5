import type { CanvasClient } from '../canvas/core/canvas-client.js';
import { canvasList, type CanvasList } from '../canvas/core/canvas-list.js';
import type { QuizSubmission } from '../canvas/quiz-submissions/quiz-submission.js';
import { quizSubmissionsPath } from '../canvas/quiz-submissions/quiz-submissions-path.js';

/** A quiz submission with its student's name, as `include[]=user` side-loads it. */
export interface QuizAttempt {
  submission: QuizSubmission;
  studentName: string | null;
}

interface UsersPage {
  quiz_submissions?: QuizSubmission[];
  users?: { id: number | string; name?: string; sortable_name?: string }[];
}

/** Every submission of a quiz, each with its student's name from the same page's `users`. */
export function listAttempts(
  client: CanvasClient,
  courseId: string,
  quizId: string,
): CanvasList<QuizAttempt> {
  return canvasList(client, quizSubmissionsPath(courseId, quizId), { include: ['user'] }, 100, (data) => {
    const page = (data ?? {}) as UsersPage;
    const names = new Map(
      (page.users ?? []).map((user) => [String(user.id), user.name ?? user.sortable_name]),
    );
    return (page.quiz_submissions ?? []).map((submission) => ({
      submission,
      studentName: names.get(String(submission.user_id)) ?? null,
    }));
  });
}
