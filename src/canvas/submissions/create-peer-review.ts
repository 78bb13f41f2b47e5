import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { path } from '../core/path.js';
import { requestCanvas } from '../core/request-canvas.js';
import type { PeerReview } from './peer-review.js';

/** Parameters of {@link createPeerReview}. */
export interface CreatePeerReviewParams {
  courseId: Id;
  assignmentId: Id;
  /** The reviewed submission's id (not the student's). */
  submissionId: Id;
  /** The reviewer. */
  userId: Id;
}

/**
 * Assigns `userId` to review a submission (needs grading rights).
 * `POST /api/v1/courses/:course_id/assignments/:assignment_id/submissions/:submission_id/peer_reviews`
 */
export async function createPeerReview<I extends Id>(
  client: CanvasClient<I>,
  params: CreatePeerReviewParams,
): Promise<PeerReview<I>> {
  const { data } = await requestCanvas(client, {
    method: 'POST',
    path: path`api/v1/courses/${params.courseId}/assignments/${params.assignmentId}/submissions/${params.submissionId}/peer_reviews`,
    json: { user_id: params.userId },
  });
  return data as PeerReview<I>;
}
