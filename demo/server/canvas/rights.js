// Canvas's permission policies, reduced to what the quiz APIs ask. Course rights come from the
// default role permissions of each active enrollment type; quiz and quiz-submission rights
// follow the `set_policy` blocks of Quizzes::Quiz and Quizzes::QuizSubmission.

const ROLE_RIGHTS = {
  // Teachers and TAs can, by default, manage grades and assignments (which includes quizzes).
  teacher: ['read', 'read_as_admin', 'manage_grades', 'view_all_grades', 'manage_assignments'],
  ta: ['read', 'read_as_admin', 'manage_grades', 'view_all_grades', 'manage_assignments'],
  designer: ['read', 'read_as_admin', 'manage_assignments'],
  student: ['read', 'participate_as_student'],
  observer: ['read'],
};

/** The user's rights in a course, from their active enrollments. */
export function courseRights(enrollments) {
  const rights = new Set();
  for (const enrollment of enrollments) {
    for (const right of ROLE_RIGHTS[enrollment.type] ?? []) rights.add(right);
  }
  return rights;
}

/**
 * Quizzes::Quiz policy. Note that teachers and TAs hold :submit (manage_assignments and
 * manage_grades both grant it), so they can start real, non-preview submissions through the API
 * exactly as in Canvas; students need a published quiz; observers never get :submit.
 */
export function quizRights(quiz, course) {
  const rights = new Set();
  const grant = (...names) => names.forEach((name) => rights.add(name));
  const published = quiz.published === 1;
  if (course.has('manage_assignments')) grant('manage', 'read', 'create', 'update', 'submit', 'preview');
  if (course.has('manage_grades')) grant('read_statistics', 'read', 'submit', 'grade', 'review_grades');
  if (course.has('read_as_admin')) grant('read', 'submit', 'preview');
  if (published && course.has('read')) grant('read');
  if (course.has('view_all_grades')) grant('read_statistics', 'review_grades');
  if (published && course.has('participate_as_student')) grant('read', 'submit');
  return rights;
}

/**
 * Quizzes::QuizSubmission policy:
 *  - :read to the owner, to quiz graders (:review_grades) and to observers of the owner;
 *  - :record_events to the owner while `end_date_is_valid?` (see quiz-submission-state.js);
 *  - :update to the owner while untaken;
 *  - :view_log (and score updates) to users who manage grades in the course.
 */
export function quizSubmissionRights({
  user,
  qs,
  quiz,
  userCourseRights,
  userQuizRights,
  observedUserIds,
  endDateIsValid,
}) {
  const rights = new Set();
  const owner = user != null && qs.user_id != null && user.id === qs.user_id;
  if (
    owner ||
    userQuizRights.has('review_grades') ||
    (qs.user_id != null && observedUserIds.includes(qs.user_id))
  ) {
    rights.add('read');
  }
  if (owner && endDateIsValid(qs, quiz, userQuizRights)) rights.add('record_events');
  if (owner && qs.workflow_state === 'untaken') rights.add('update');
  if (userCourseRights.has('manage_grades')) {
    rights.add('update_scores');
    rights.add('add_attempts');
    rights.add('view_log');
  }
  return rights;
}

/**
 * Assignment policy, reduced: students :submit published assignments; graders (:manage_grades)
 * :grade; anyone who can read the course :read a published assignment (graders any).
 */
export function assignmentRights(assignment, course) {
  const rights = new Set();
  const published = assignment.published === 1;
  if (course.has('manage_grades')) rights.add('read').add('grade');
  if (published && course.has('read')) rights.add('read');
  if (published && course.has('participate_as_student')) rights.add('submit');
  return rights;
}

/**
 * Submission policy, reduced: the owner, graders and the owner's observers :read; the owner
 * and graders :comment; graders :grade.
 */
export function submissionRights({ user, submission, userCourseRights, observedUserIds }) {
  const rights = new Set();
  const owner = user != null && user.id === submission.user_id;
  const grader = userCourseRights.has('manage_grades');
  if (
    owner ||
    grader ||
    userCourseRights.has('view_all_grades') ||
    observedUserIds.includes(submission.user_id)
  ) {
    rights.add('read');
  }
  if (owner || grader) rights.add('comment');
  if (grader) rights.add('grade');
  return rights;
}
