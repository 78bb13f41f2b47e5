import type { Id } from '../core/id.js';
import type { Submission } from '../submissions/submission.js';

/** A grader's work on one day. */
export interface Grader<I extends Id = Id> {
  id: I;
  name: string;
  /** Assignment ids graded that day. */
  assignments: I[];
}

/** A day on which grading happened. */
export interface GradebookDay<I extends Id = Id> {
  /** `YYYY-MM-DD`. */
  date: string;
  graders: Grader<I>[];
}

/** A submission as it was at one grading, with the grade before and after. */
export interface SubmissionVersion<I extends Id = Id> extends Submission<I> {
  assignment_name: string;
  user_name: string;
  current_grade: string | null;
  current_graded_at: string | null;
  current_grader: string | null;
  /** Not in the feed. */
  new_grade?: string | null;
  new_graded_at?: string | null;
  new_grader?: string | null;
  previous_grade?: string | null;
  previous_graded_at?: string | null;
  previous_grader?: string | null;
  grader?: string | null;
}

/** One submission's versions. */
export interface SubmissionHistory<I extends Id = Id> {
  submission_id: I;
  versions: SubmissionVersion<I>[];
}
