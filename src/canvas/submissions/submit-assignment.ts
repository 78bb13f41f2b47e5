import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { requestCanvas } from '../core/request-canvas.js';
import type { Submission } from './submission.js';
import { submissionsPath } from './submissions-path.js';

/** A submission's content: each type with exactly the fields Canvas requires for it. */
export type SubmissionContent =
  | { submissionType: 'online_text_entry'; body: string }
  | { submissionType: 'online_url'; url: string }
  | { submissionType: 'online_upload'; fileIds: readonly Id[] }
  | { submissionType: 'media_recording'; mediaCommentId: string; mediaCommentType: 'audio' | 'video' }
  | { submissionType: 'basic_lti_launch'; url: string }
  | { submissionType: 'student_annotation'; annotatableAttachmentId: Id };

/** Parameters of {@link submitAssignment}. */
export interface SubmitAssignmentParams {
  courseId: Id;
  assignmentId: Id;
  submission: SubmissionContent;
  /** A comment posted with the submission. */
  comment?: string;
  /** Comment to the whole group (group assignments). */
  groupComment?: boolean;
  /** Submit on behalf of a student (needs grading rights). */
  userId?: Id;
  /** Backdate the submission (needs grading rights). */
  submittedAt?: string;
}

function contentJson(content: SubmissionContent): Record<string, unknown> {
  switch (content.submissionType) {
    case 'online_text_entry':
      return { body: content.body };
    case 'online_url':
    case 'basic_lti_launch':
      return { url: content.url };
    case 'online_upload':
      return { file_ids: content.fileIds };
    case 'media_recording':
      return { media_comment_id: content.mediaCommentId, media_comment_type: content.mediaCommentType };
    case 'student_annotation':
      return { annotatable_attachment_id: content.annotatableAttachmentId };
  }
}

/**
 * Submits an assignment; Canvas answers 201 with the submission.
 * `POST /api/v1/courses/:course_id/assignments/:assignment_id/submissions`
 */
export async function submitAssignment<I extends Id>(
  client: CanvasClient<I>,
  params: SubmitAssignmentParams,
): Promise<Submission<I>> {
  const submission: Record<string, unknown> = {
    submission_type: params.submission.submissionType,
    ...contentJson(params.submission),
  };
  if (params.groupComment !== undefined) submission.group_comment = params.groupComment;
  if (params.userId !== undefined) submission.user_id = params.userId;
  if (params.submittedAt !== undefined) submission.submitted_at = params.submittedAt;
  const json: Record<string, unknown> = { submission };
  if (params.comment !== undefined) json.comment = { text_comment: params.comment };
  const { data } = await requestCanvas(client, {
    method: 'POST',
    path: submissionsPath(params.courseId, params.assignmentId),
    json,
  });
  return data as Submission<I>;
}
