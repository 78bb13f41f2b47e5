import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { requestCanvas } from '../core/request-canvas.js';
import type { RubricAssessmentEntry, Submission } from './submission.js';
import { submissionPath } from './submissions-path.js';

/** A comment on a submission. */
export interface SubmissionCommentInput {
  textComment?: string;
  /** The attempt the comment is about. */
  attempt?: number;
  groupComment?: boolean;
  mediaCommentId?: string;
  mediaCommentType?: 'audio' | 'video';
  /** Files uploaded with {@link uploadSubmissionCommentFile}. */
  fileIds?: readonly Id[];
}

/** Parameters of {@link gradeSubmission}. */
export interface GradeSubmissionParams {
  courseId: Id;
  assignmentId: Id;
  userId: Id;
  /** Points `"13.5"`, percent `"40%"`, letter `"A-"`, or `pass|complete|fail|incomplete`; null clears it. */
  postedGrade?: string | number | null;
  excuse?: boolean;
  latePolicyStatus?: 'late' | 'missing' | 'extended' | 'none';
  secondsLateOverride?: number;
  sticker?: string;
  preferPointsOverScheme?: boolean;
  comment?: SubmissionCommentInput;
  /** By rubric criterion id. */
  rubricAssessment?: Readonly<Record<string, RubricAssessmentEntry>>;
  /** Ask for `assignment_visible` in the answer. */
  includeVisibility?: boolean;
}

export function commentJson(comment: SubmissionCommentInput): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  if (comment.textComment !== undefined) json.text_comment = comment.textComment;
  if (comment.attempt !== undefined) json.attempt = comment.attempt;
  if (comment.groupComment !== undefined) json.group_comment = comment.groupComment;
  if (comment.mediaCommentId !== undefined) json.media_comment_id = comment.mediaCommentId;
  if (comment.mediaCommentType !== undefined) json.media_comment_type = comment.mediaCommentType;
  if (comment.fileIds !== undefined) json.file_ids = comment.fileIds;
  return json;
}

/**
 * Grades, excuses or comments on a student's submission.
 * `PUT /api/v1/courses/:course_id/assignments/:assignment_id/submissions/:user_id`
 */
export async function gradeSubmission<I extends Id>(
  client: CanvasClient<I>,
  params: GradeSubmissionParams,
): Promise<Submission<I>> {
  const submission: Record<string, unknown> = {};
  if (params.postedGrade !== undefined) submission.posted_grade = params.postedGrade;
  if (params.excuse !== undefined) submission.excuse = params.excuse;
  if (params.latePolicyStatus !== undefined) submission.late_policy_status = params.latePolicyStatus;
  if (params.secondsLateOverride !== undefined) submission.seconds_late_override = params.secondsLateOverride;
  if (params.sticker !== undefined) submission.sticker = params.sticker;
  const json: Record<string, unknown> = {};
  if (Object.keys(submission).length > 0) json.submission = submission;
  if (params.comment !== undefined) json.comment = commentJson(params.comment);
  if (params.rubricAssessment !== undefined) json.rubric_assessment = params.rubricAssessment;
  if (params.preferPointsOverScheme !== undefined)
    json.prefer_points_over_scheme = params.preferPointsOverScheme;
  if (params.includeVisibility === true) json.include = { visibility: true };
  const { data } = await requestCanvas(client, {
    method: 'PUT',
    path: submissionPath(params.courseId, params.assignmentId, params.userId),
    json,
  });
  return data as Submission<I>;
}
