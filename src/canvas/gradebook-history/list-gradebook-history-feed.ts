import type { CanvasClient } from '../core/canvas-client.js';
import { canvasList, type CanvasList, type PageOptions } from '../core/canvas-list.js';
import type { Id } from '../core/id.js';
import { path } from '../core/path.js';
import type { SubmissionVersion } from './gradebook-history.js';

/** Parameters of {@link listGradebookHistoryFeed}. */
export interface GradebookHistoryFeedParams extends PageOptions {
  courseId: Id;
  assignmentId?: Id;
  userId?: Id;
  /** Oldest first. */
  ascending?: boolean;
}

/**
 * Every grading change in a course, newest first unless `ascending`.
 * `GET /api/v1/courses/:course_id/gradebook_history/feed` (paginated)
 */
export function listGradebookHistoryFeed<I extends Id>(
  client: CanvasClient<I>,
  params: GradebookHistoryFeedParams,
): CanvasList<SubmissionVersion<I>> {
  return canvasList(
    client,
    path`api/v1/courses/${params.courseId}/gradebook_history/feed`,
    { assignment_id: params.assignmentId, user_id: params.userId, ascending: params.ascending },
    params.perPage,
  );
}
