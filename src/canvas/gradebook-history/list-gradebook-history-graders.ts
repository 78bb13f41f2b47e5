import type { CanvasClient } from '../core/canvas-client.js';
import { canvasList } from '../core/canvas-list.js';
import type { Id } from '../core/id.js';
import { path } from '../core/path.js';
import type { Grader } from './gradebook-history.js';

// Canvas documents this as an array; reading it as a list still follows a `Link` if one appears.

/**
 * Who graded on a day.
 * `GET /api/v1/courses/:course_id/gradebook_history/:date`
 */
export function listGradebookHistoryGraders<I extends Id>(
  client: CanvasClient<I>,
  params: { courseId: Id; /** `YYYY-MM-DD`. */ date: string },
): Promise<Grader<I>[]> {
  return canvasList<Grader<I>>(
    client,
    path`api/v1/courses/${params.courseId}/gradebook_history/${params.date}`,
    {},
    undefined,
  ).all();
}
