import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { requestCanvas } from '../core/request-canvas.js';
import { submissionPath } from './submissions-path.js';

/** Parameters of {@link markSubmissionRead} and {@link markSubmissionUnread}. */
export interface SubmissionReadParams {
  courseId: Id;
  assignmentId: Id;
  userId: Id;
}

/**
 * Marks a submission read (204); with `item`, only its grade, comments or rubric.
 * `PUT /api/v1/courses/:course_id/assignments/:assignment_id/submissions/:user_id/read(/:item)`
 */
export async function markSubmissionRead(
  client: CanvasClient,
  params: SubmissionReadParams & { item?: 'grade' | 'comment' | 'rubric' },
): Promise<void> {
  const read = `${submissionPath(params.courseId, params.assignmentId, params.userId)}/read`;
  await requestCanvas(client, {
    method: 'PUT',
    path: params.item === undefined ? read : `${read}/${params.item}`,
  });
}

/**
 * Marks a submission unread (204).
 * `DELETE /api/v1/courses/:course_id/assignments/:assignment_id/submissions/:user_id/read`
 */
export async function markSubmissionUnread(
  client: CanvasClient,
  params: SubmissionReadParams,
): Promise<void> {
  await requestCanvas(client, {
    method: 'DELETE',
    path: `${submissionPath(params.courseId, params.assignmentId, params.userId)}/read`,
  });
}
