import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { path } from '../core/path.js';
import { requestCanvas } from '../core/request-canvas.js';
import type { PeerReview, PeerReviewInclude } from './peer-review.js';

/** Parameters of {@link listPeerReviews}: an assignment's, or one submission's when `submissionId` is set. */
export interface ListPeerReviewsParams {
  courseId: Id;
  assignmentId: Id;
  submissionId?: Id;
  include?: readonly PeerReviewInclude[];
}

/**
 * Peer reviews of an assignment, or of one submission. A non-grader sees only reviews of their own work.
 * `GET /api/v1/courses/:course_id/assignments/:assignment_id/peer_reviews` or
 * `GET /api/v1/courses/:course_id/assignments/:assignment_id/submissions/:submission_id/peer_reviews`
 */
export async function listPeerReviews<I extends Id>(
  client: CanvasClient<I>,
  params: ListPeerReviewsParams,
): Promise<PeerReview<I>[]> {
  const base = path`api/v1/courses/${params.courseId}/assignments/${params.assignmentId}`;
  const { data } = await requestCanvas(client, {
    method: 'GET',
    path:
      params.submissionId === undefined
        ? `${base}/peer_reviews`
        : `${base}/${path`submissions/${params.submissionId}`}/peer_reviews`,
    query: { include: params.include },
  });
  return data as PeerReview<I>[];
}
