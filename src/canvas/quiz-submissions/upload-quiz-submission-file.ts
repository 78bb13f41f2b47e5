import type { CanvasClient } from '../core/canvas-client.js';
import type { CanvasFile, FileUploadInput } from '../core/canvas-file.js';
import type { Id } from '../core/id.js';
import { uploadFile } from '../core/upload-file.js';
import { quizSubmissionPath } from './quiz-submissions-path.js';

/** Parameters of {@link uploadQuizSubmissionFile}. */
export interface UploadQuizSubmissionFileParams extends FileUploadInput {
  courseId: Id;
  quizId: Id;
}

/**
 * Uploads a file for the caller's quiz submission (file-upload questions), all three steps.
 * `POST /api/v1/courses/:course_id/quizzes/:quiz_id/submissions/self/files`, then the upload URL,
 * then the confirmation `Location`.
 */
export function uploadQuizSubmissionFile<I extends Id>(
  client: CanvasClient<I>,
  params: UploadQuizSubmissionFileParams,
): Promise<CanvasFile<I>> {
  return uploadFile(client, `${quizSubmissionPath(params.courseId, params.quizId, 'self')}/files`, params);
}
