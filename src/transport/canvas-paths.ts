/** Canvas API paths, relative to the base URL (ky's prefixUrl). */
export const canvasPaths = {
  submissions: (courseId: string, quizId: string) =>
    `api/v1/courses/${courseId}/quizzes/${quizId}/submissions`,
  submission: (courseId: string, quizId: string, id: string) =>
    `api/v1/courses/${courseId}/quizzes/${quizId}/submissions/${id}`,
  events: (courseId: string, quizId: string, id: string) =>
    `api/v1/courses/${courseId}/quizzes/${quizId}/submissions/${id}/events`,
};
