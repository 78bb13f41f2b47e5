import type { CanvasClient } from '../core/canvas-client.js';
import type { CanvasFile, FileUploadInput } from '../core/canvas-file.js';
import type { Id } from '../core/id.js';
import { uploadFile } from '../core/upload-file.js';
import { submissionPath } from './submissions-path.js';

/** Parameters of {@link uploadSubmissionFile} and {@link uploadSubmissionCommentFile}. */
export interface UploadSubmissionFileParams extends FileUploadInput {
  courseId: Id;
  assignmentId: Id;
  /** The student's id, or `'self'`. */
  userId: Id;
}

/**
 * Uploads a file to submit with `online_upload` (all three steps; pass the id to `submitAssignment`).
 * `POST /api/v1/courses/:course_id/assignments/:assignment_id/submissions/:user_id/files`, then the
 * upload URL, then the confirmation `Location`
 */
export function uploadSubmissionFile<I extends Id>(
  client: CanvasClient<I>,
  params: UploadSubmissionFileParams,
): Promise<CanvasFile<I>> {
  return uploadFile(
    client,
    `${submissionPath(params.courseId, params.assignmentId, params.userId)}/files`,
    params,
  );
}

/**
 * Uploads a file to attach to a submission comment (pass the id as `comment.fileIds`).
 * `POST /api/v1/courses/:course_id/assignments/:assignment_id/submissions/:user_id/comments/files`,
 * then the upload URL, then the confirmation `Location`
 */
export function uploadSubmissionCommentFile<I extends Id>(
  client: CanvasClient<I>,
  params: UploadSubmissionFileParams,
): Promise<CanvasFile<I>> {
  return uploadFile(
    client,
    `${submissionPath(params.courseId, params.assignmentId, params.userId)}/comments/files`,
    params,
  );
}
