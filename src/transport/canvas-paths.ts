/** Canvas's "Submit captured events" route, relative to the base URL. */
export const canvasPaths = {
  events: (courseId: string, quizId: string, id: string) =>
    `api/v1/courses/${courseId}/quizzes/${quizId}/submissions/${id}/events`,
};
