import type { Id } from '../core/id.js';
import { path } from '../core/path.js';

export const submissionsPath = (courseId: Id, assignmentId: Id): string =>
  path`api/v1/courses/${courseId}/assignments/${assignmentId}/submissions`;

export const submissionPath = (courseId: Id, assignmentId: Id, userId: Id): string =>
  path`api/v1/courses/${courseId}/assignments/${assignmentId}/submissions/${userId}`;
