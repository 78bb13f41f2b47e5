import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { path } from '../core/path.js';
import { requestCanvas } from '../core/request-canvas.js';
import type { Progress } from './progress.js';
import type { RubricAssessmentEntry } from './submission.js';

/** One student's grade and/or comment in a bulk update. */
export interface GradeDataEntry {
  postedGrade?: string | number | null;
  excuse?: boolean;
  rubricAssessment?: Readonly<Record<string, RubricAssessmentEntry>>;
  textComment?: string;
  groupComment?: boolean;
  mediaCommentId?: string;
  mediaCommentType?: 'audio' | 'video';
  fileIds?: readonly Id[];
}

/** Parameters of {@link updateGrades}. */
export interface UpdateGradesParams {
  courseId: Id;
  assignmentId: Id;
  /** By student id. */
  gradeData: Readonly<Record<string, GradeDataEntry>>;
}

/** Parameters of {@link updateCourseGrades}. */
export interface UpdateCourseGradesParams {
  courseId: Id;
  /** By assignment id, then student id. */
  gradeData: Readonly<Record<string, Readonly<Record<string, GradeDataEntry>>>>;
}

function entryJson(entry: GradeDataEntry): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  if (entry.postedGrade !== undefined) json.posted_grade = entry.postedGrade;
  if (entry.excuse !== undefined) json.excuse = entry.excuse;
  if (entry.rubricAssessment !== undefined) json.rubric_assessment = entry.rubricAssessment;
  if (entry.textComment !== undefined) json.text_comment = entry.textComment;
  if (entry.groupComment !== undefined) json.group_comment = entry.groupComment;
  if (entry.mediaCommentId !== undefined) json.media_comment_id = entry.mediaCommentId;
  if (entry.mediaCommentType !== undefined) json.media_comment_type = entry.mediaCommentType;
  if (entry.fileIds !== undefined) json.file_ids = entry.fileIds;
  return json;
}

const mapValues = <A, B>(record: Readonly<Record<string, A>>, f: (a: A) => B): Record<string, B> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));

/**
 * Grades many students of one assignment in the background; poll the Progress with
 * {@link waitForProgress}.
 * `POST /api/v1/courses/:course_id/assignments/:assignment_id/submissions/update_grades`
 */
export async function updateGrades<I extends Id>(
  client: CanvasClient<I>,
  params: UpdateGradesParams,
): Promise<Progress<I>> {
  const { data } = await requestCanvas(client, {
    method: 'POST',
    path: path`api/v1/courses/${params.courseId}/assignments/${params.assignmentId}/submissions/update_grades`,
    json: { grade_data: mapValues(params.gradeData, entryJson) },
  });
  return data as Progress<I>;
}

/**
 * Grades many students across assignments in the background.
 * `POST /api/v1/courses/:course_id/submissions/update_grades`
 */
export async function updateCourseGrades<I extends Id>(
  client: CanvasClient<I>,
  params: UpdateCourseGradesParams,
): Promise<Progress<I>> {
  const { data } = await requestCanvas(client, {
    method: 'POST',
    path: path`api/v1/courses/${params.courseId}/submissions/update_grades`,
    json: { grade_data: mapValues(params.gradeData, (students) => mapValues(students, entryJson)) },
  });
  return data as Progress<I>;
}
