import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { requestCanvas } from '../core/request-canvas.js';
import type { Submission, SubmissionInclude } from './submission.js';
import { submissionPath } from './submissions-path.js';

/** Parameters of {@link getSubmission}. */
export interface GetSubmissionParams {
  courseId: Id;
  assignmentId: Id;
  /** The student's id, or `'self'`. */
  userId: Id;
  include?: readonly SubmissionInclude[];
}

/**
 * One student's submission for an assignment.
 * `GET /api/v1/courses/:course_id/assignments/:assignment_id/submissions/:user_id`
 */
export async function getSubmission<I extends Id>(
  client: CanvasClient<I>,
  params: GetSubmissionParams,
): Promise<Submission<I>> {
  const { data } = await requestCanvas(client, {
    method: 'GET',
    path: submissionPath(params.courseId, params.assignmentId, params.userId),
    query: { include: params.include },
  });
  return data as Submission<I>;
}
