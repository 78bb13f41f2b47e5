import type { CanvasClient } from '../core/canvas-client.js';
import { canvasList } from '../core/canvas-list.js';
import type { Id } from '../core/id.js';
import { path } from '../core/path.js';
import type { GradebookDay } from './gradebook-history.js';

// Canvas documents this as an array; reading it as a list still follows a `Link` if one appears.

/**
 * The days on which grading happened in a course, with who graded what (needs grading rights).
 * `GET /api/v1/courses/:course_id/gradebook_history/days`
 */
export function listGradebookHistoryDays<I extends Id>(
  client: CanvasClient<I>,
  params: { courseId: Id },
): Promise<GradebookDay<I>[]> {
  return canvasList<GradebookDay<I>>(
    client,
    path`api/v1/courses/${params.courseId}/gradebook_history/days`,
    {},
    undefined,
  ).all();
}
