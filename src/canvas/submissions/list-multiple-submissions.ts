import type { CanvasClient } from '../core/canvas-client.js';
import { canvasList, type CanvasList, type PageOptions } from '../core/canvas-list.js';
import type { Id } from '../core/id.js';
import { path } from '../core/path.js';
import type { Submission, SubmissionInclude } from './submission.js';

/** Parameters of {@link listMultipleSubmissions} and {@link listGroupedSubmissions}. */
export interface ListMultipleSubmissionsParams extends PageOptions {
  courseId: Id;
  /** Student ids, or `'all'`; the caller's own when absent. */
  studentIds?: readonly Id[] | 'all';
  assignmentIds?: readonly Id[];
  include?: readonly (SubmissionInclude | 'total_scores')[];
  postToSis?: boolean;
  submittedSince?: string;
  gradedSince?: string;
  gradingPeriodId?: Id;
  workflowState?: 'submitted' | 'unsubmitted' | 'graded' | 'pending_review';
  enrollmentState?: 'active' | 'concluded';
  stateBasedOnDate?: boolean;
  order?: 'id' | 'graded_at';
  orderDirection?: 'ascending' | 'descending';
}

/** One student's submissions, from the grouped form. */
export interface StudentSubmissions<I extends Id = Id> {
  user_id: I;
  section_id?: I;
  integration_id?: string | null;
  sis_user_id?: string | null;
  /** With `include[]=total_scores`. */
  computed_current_score?: number | null;
  computed_final_score?: number | null;
  computed_current_grade?: string | null;
  computed_final_grade?: string | null;
  submissions: Submission<I>[];
}

function query(params: ListMultipleSubmissionsParams, grouped: boolean) {
  return {
    student_ids: params.studentIds === 'all' ? ['all'] : params.studentIds,
    assignment_ids: params.assignmentIds,
    grouped: grouped || undefined,
    include: params.include,
    post_to_sis: params.postToSis,
    submitted_since: params.submittedSince,
    graded_since: params.gradedSince,
    grading_period_id: params.gradingPeriodId,
    workflow_state: params.workflowState,
    enrollment_state: params.enrollmentState,
    state_based_on_date: params.stateBasedOnDate,
    order: params.order,
    order_direction: params.orderDirection,
  };
}

const studentsSubmissionsPath = (courseId: Id): string =>
  path`api/v1/courses/${courseId}/students/submissions`;

/**
 * Submissions across several assignments and students, as a flat list.
 * `GET /api/v1/courses/:course_id/students/submissions` (paginated)
 */
export function listMultipleSubmissions<I extends Id>(
  client: CanvasClient<I>,
  params: ListMultipleSubmissionsParams,
): CanvasList<Submission<I>> {
  return canvasList(client, studentsSubmissionsPath(params.courseId), query(params, false), params.perPage);
}

/**
 * The same, grouped by student (`grouped=true`).
 * `GET /api/v1/courses/:course_id/students/submissions?grouped=true` (paginated)
 */
export function listGroupedSubmissions<I extends Id>(
  client: CanvasClient<I>,
  params: ListMultipleSubmissionsParams,
): CanvasList<StudentSubmissions<I>> {
  return canvasList(client, studentsSubmissionsPath(params.courseId), query(params, true), params.perPage);
}
