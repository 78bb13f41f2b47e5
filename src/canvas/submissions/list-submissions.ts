import type { CanvasClient } from '../core/canvas-client.js';
import { canvasList, type CanvasList, type PageOptions } from '../core/canvas-list.js';
import type { Id } from '../core/id.js';
import type { Submission, SubmissionInclude } from './submission.js';
import { submissionsPath } from './submissions-path.js';

/** Parameters of {@link listSubmissions}. */
export interface ListSubmissionsParams extends PageOptions {
  courseId: Id;
  assignmentId: Id;
  include?: readonly SubmissionInclude[];
  /** Group submissions by student group. */
  grouped?: boolean;
}

/**
 * An assignment's submissions.
 * `GET /api/v1/courses/:course_id/assignments/:assignment_id/submissions` (paginated)
 */
export function listSubmissions<I extends Id>(
  client: CanvasClient<I>,
  params: ListSubmissionsParams,
): CanvasList<Submission<I>> {
  return canvasList(
    client,
    submissionsPath(params.courseId, params.assignmentId),
    { include: params.include, grouped: params.grouped },
    params.perPage,
  );
}
