import type { CanvasFile } from '../core/canvas-file.js';
import type { Id } from '../core/id.js';

/** How a submission was made. */
export type SubmissionType =
  | 'online_text_entry'
  | 'online_url'
  | 'online_upload'
  | 'media_recording'
  | 'basic_lti_launch'
  | 'student_annotation'
  | 'online_quiz'
  | 'discussion_topic'
  | 'external_tool'
  | 'on_paper';

/** A comment on a submission. */
export interface SubmissionComment<I extends Id = Id> {
  id: I;
  author_id: I | null;
  author_name: string;
  comment: string;
  created_at: string;
  edited_at?: string | null;
  attempt?: number | null;
  media_comment?: unknown;
  attachments?: CanvasFile<I>[];
  [key: string]: unknown;
}

/** An assignment submission (the `Submission` object); include-only fields are optional. */
export interface Submission<I extends Id = Id> {
  id: I;
  assignment_id: I;
  user_id: I;
  attempt: number | null;
  body: string | null;
  grade: string | null;
  grade_matches_current_submission: boolean | null;
  html_url?: string;
  preview_url?: string;
  score: number | null;
  submission_type: SubmissionType | null;
  submitted_at: string | null;
  url: string | null;
  grader_id: I | null;
  graded_at: string | null;
  late: boolean;
  excused: boolean | null;
  missing: boolean;
  late_policy_status: 'late' | 'missing' | 'extended' | 'none' | null;
  points_deducted: number | null;
  seconds_late: number;
  workflow_state: 'submitted' | 'unsubmitted' | 'graded' | 'pending_review';
  extra_attempts: number | null;
  anonymous_id?: string;
  posted_at: string | null;
  redo_request?: boolean;
  /** With `include[]=assignment`. */
  assignment?: Record<string, unknown>;
  /** With `include[]=course`. */
  course?: Record<string, unknown>;
  /** With `include[]=user`. */
  user?: Record<string, unknown>;
  /** With `include[]=submission_comments` (and on submit). */
  submission_comments?: SubmissionComment<I>[];
  /** With `include[]=submission_history`. */
  submission_history?: Submission<I>[];
  /** With `include[]=rubric_assessment`. */
  rubric_assessment?: Record<string, RubricAssessmentEntry>;
  /** With `include[]=visibility` (or `include[visibility]` on grading). */
  assignment_visible?: boolean;
  /** With `include[]=read_status`. */
  read_status?: 'read' | 'unread';
  attachments?: CanvasFile<I>[];
  group?: { id: I | null; name: string | null };
}

/** One criterion's assessment. */
export interface RubricAssessmentEntry {
  points?: number;
  rating_id?: string;
  comments?: string;
}

/** `include[]` values of the submission endpoints. */
export type SubmissionInclude =
  | 'submission_history'
  | 'submission_comments'
  | 'submission_html_comments'
  | 'rubric_assessment'
  | 'assignment'
  | 'visibility'
  | 'course'
  | 'user'
  | 'group'
  | 'read_status'
  | 'student_entered_score';
