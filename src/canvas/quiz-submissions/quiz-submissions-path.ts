import type { Id } from '../core/id.js';
import { path } from '../core/path.js';

export const quizSubmissionsPath = (courseId: Id, quizId: Id): string =>
  path`api/v1/courses/${courseId}/quizzes/${quizId}/submissions`;

export const quizSubmissionPath = (courseId: Id, quizId: Id, id: Id): string =>
  path`api/v1/courses/${courseId}/quizzes/${quizId}/submissions/${id}`;

/** Canvas's "Submit captured events" route (and the teacher's read of them). */
export const quizSubmissionEventsPath = (courseId: Id, quizId: Id, id: Id): string =>
  path`api/v1/courses/${courseId}/quizzes/${quizId}/submissions/${id}/events`;
