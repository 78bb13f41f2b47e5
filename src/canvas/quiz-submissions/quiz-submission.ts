import type { Id } from '../core/id.js';

/** `workflow_state` of a quiz submission. */
export type QuizSubmissionState = 'untaken' | 'pending_review' | 'complete' | 'settings_only' | 'preview';

/** A quiz submission as Canvas renders it (`lib/api/v1/quiz_submission.rb`). */
export interface QuizSubmission<I extends Id = Id> {
  id: I;
  user_id: I | null;
  submission_id: I | null;
  quiz_id: I;
  quiz_points_possible: number | null;
  quiz_version: number | null;
  attempt: number;
  extra_attempts: number | null;
  /** Minutes. */
  extra_time: number | null;
  manually_unlocked: boolean | null;
  started_at: string | null;
  finished_at: string | null;
  end_at: string | null;
  fudge_points: number | null;
  kept_score: number | null;
  score: number | null;
  score_before_regrade: number | null;
  has_seen_results: boolean | null;
  /** 64 hex characters; sent back on complete, answer and flag. */
  validation_token: string;
  workflow_state: QuizSubmissionState;
  /** Seconds, null until finished. */
  time_spent: number | null;
  /** -1 for unlimited attempts. */
  attempts_left: number;
  overdue_and_needs_submission: boolean;
  'excused?': boolean | null;
  html_url: string;
  /** Only when completed or needing grading. */
  result_url?: string;
}

/** The `include[]` values of the quiz submission endpoints (sideloaded, not embedded). */
export type QuizSubmissionInclude = 'submission' | 'quiz' | 'user';
