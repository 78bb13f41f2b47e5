import type { CanvasClient } from '../core/canvas-client.js';
import { canvasList } from '../core/canvas-list.js';
import type { Id } from '../core/id.js';
import { path } from '../core/path.js';
import type { SubmissionHistory } from './gradebook-history.js';

// Canvas documents this as an array; reading it as a list still follows a `Link` if one appears.

/** Parameters of {@link listGradebookHistorySubmissions}. */
export interface GradebookHistorySubmissionsParams {
  courseId: Id;
  /** `YYYY-MM-DD`. */
  date: string;
  graderId: Id;
  assignmentId: Id;
}

/**
 * The submissions one grader graded for one assignment on a day, with their versions.
 * `GET /api/v1/courses/:course_id/gradebook_history/:date/graders/:grader_id/assignments/:assignment_id/submissions`
 */
export function listGradebookHistorySubmissions<I extends Id>(
  client: CanvasClient<I>,
  params: GradebookHistorySubmissionsParams,
): Promise<SubmissionHistory<I>[]> {
  return canvasList<SubmissionHistory<I>>(
    client,
    path`api/v1/courses/${params.courseId}/gradebook_history/${params.date}/graders/${params.graderId}/assignments/${params.assignmentId}/submissions`,
    {},
    undefined,
  ).all();
}
