import { courseRights, quizRights, quizSubmissionRights } from '../canvas/rights.js';
import { endDateIsValid } from '../canvas/quiz-submission-state.js';
import { notFound } from '../http/canvas-errors.js';
import { rubyToI } from '../lib/ruby.js';

// The lookups Canvas's before_actions do (require_context, require_quiz,
// require_quiz_submission) and the rights they feed into authorized_action.

/** require_context via api_find: a numeric id (1-18 digits) of an existing course, else 404. */
export function loadCourse(store, param) {
  const text = String(param ?? '').trim();
  const course = /^\d{1,18}$/.test(text) ? store.courses.find(Number(text)) : null;
  if (!course) throw notFound();
  return course;
}

/** require_quiz: `@context.quizzes.find(id)` (ActiveRecord casts the id with to_i). */
export function loadQuiz(store, course, param) {
  const quiz = store.quizzes.find(course.id, rubyToI(String(param ?? '')));
  if (!quiz) throw notFound();
  return quiz;
}

/**
 * require_quiz_submission: `self` is the current user's submission for this quiz, anything
 * else is `id.to_i` within the quiz; 404 when none. (The events controller's
 * require_active_quiz_submission is assumed to behave the same: UNVERIFIED in the notes.)
 */
export function loadQuizSubmission(store, quiz, param, user) {
  const qs =
    String(param) === 'self'
      ? store.quizSubmissions.findForUser(quiz.id, user.id)
      : store.quizSubmissions.find(quiz.id, rubyToI(String(param ?? '')));
  if (!qs) throw notFound();
  return qs;
}

/** The current user's course and quiz rights (+ observed students for observer :read). */
export function rightsFor(store, course, quiz, user) {
  const enrollments = store.courses.enrollmentsFor(course.id, user.id);
  const userCourseRights = courseRights(enrollments);
  return {
    userCourseRights,
    userQuizRights: quizRights(quiz, userCourseRights),
    observedUserIds: enrollments
      .filter((e) => e.type === 'observer' && e.associated_user_id != null)
      .map((e) => e.associated_user_id),
  };
}

/** The current user's rights on a quiz submission. */
export function quizSubmissionRightsFor(rights, { user, qs, quiz, now }) {
  return quizSubmissionRights({
    user,
    qs,
    quiz,
    ...rights,
    endDateIsValid: (submission, q, ownerQuizRights) => endDateIsValid(submission, q, ownerQuizRights, now),
  });
}

/** The assignment (`@context.assignments.active.find(id)`, to_i), else 404. */
export function loadAssignment(store, course, param) {
  const assignment = store.assignments.find(course.id, rubyToI(String(param ?? '')));
  if (!assignment) throw notFound();
  return assignment;
}

/**
 * The submission of `:user_id` (`self` = the current user) for an assignment. The user must be
 * a student of the course (Canvas's get_user_considering_section: 404 otherwise); the row is
 * created on demand, as Canvas's find_or_create_submission.
 */
export function loadStudentSubmission(store, course, assignment, param, user) {
  const userId = String(param) === 'self' ? user.id : rubyToI(String(param ?? ''));
  if (!store.courses.studentIds(course.id).includes(userId)) throw notFound();
  return store.submissions.ensure(assignment.id, userId);
}

/** The current user's course rights and observees (no quiz involved). */
export function courseRightsFor(store, course, user) {
  const enrollments = store.courses.enrollmentsFor(course.id, user.id);
  return {
    userCourseRights: courseRights(enrollments),
    observedUserIds: enrollments
      .filter((e) => e.type === 'observer' && e.associated_user_id != null)
      .map((e) => e.associated_user_id),
  };
}
