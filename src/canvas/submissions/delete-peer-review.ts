import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { path } from '../core/path.js';
import { requestCanvas } from '../core/request-canvas.js';
import type { PeerReview } from './peer-review.js';

/** Parameters of {@link deletePeerReview}. */
export interface DeletePeerReviewParams {
  courseId: Id;
  assignmentId: Id;
  /** The reviewed submission's id (not the student's). */
  submissionId: Id;
  /** The reviewer. */
  userId: Id;
}

/**
 * Removes `userId`'s review of a submission and returns it.
 * `DELETE /api/v1/courses/:course_id/assignments/:assignment_id/submissions/:submission_id/peer_reviews`
 */
export async function deletePeerReview<I extends Id>(
  client: CanvasClient<I>,
  params: DeletePeerReviewParams,
): Promise<PeerReview<I>> {
  const { data } = await requestCanvas(client, {
    method: 'DELETE',
    path: path`api/v1/courses/${params.courseId}/assignments/${params.assignmentId}/submissions/${params.submissionId}/peer_reviews`,
    query: { user_id: params.userId },
  });
  return data as PeerReview<I>;
}
