import type { Id } from '../core/id.js';
import type { SubmissionComment } from './submission.js';

/** A peer review: `assessor_id` reviews the submission (`asset_id`) of `user_id`. */
export interface PeerReview<I extends Id = Id> {
  id: I;
  assessor_id: I;
  asset_id: I;
  asset_type: 'Submission';
  user_id: I;
  workflow_state: 'assigned' | 'completed';
  /** With `include[]=user`. */
  user?: Record<string, unknown>;
  assessor?: Record<string, unknown>;
  /** With `include[]=submission_comments`. */
  submission_comments?: SubmissionComment<I>[];
}

/** `include[]` values of the peer review endpoints. */
export type PeerReviewInclude = 'submission_comments' | 'user';
