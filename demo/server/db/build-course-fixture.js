// Builds a course with one proctored quiz and its people. Used for the demo seed and for
// POST /__control/fixtures (one fresh, isolated course per browser test).

const QUESTIONS = [
  {
    name: 'Events status',
    type: 'multiple_choice_question',
    text: '<p>Which status does Canvas answer when a batch of quiz events is stored?</p>',
    points: 2,
    answers: [
      { text: '200 OK', weight: 0 },
      { text: '201 Created', weight: 0 },
      { text: '204 No Content', weight: 100 },
      { text: '202 Accepted', weight: 0 },
    ],
  },
  {
    name: 'Retries',
    type: 'true_false_question',
    text: "<p>Canvas's own quiz page retries a failed event batch on its next 15-second tick.</p>",
    points: 1,
    answers: [
      { text: 'True', weight: 100 },
      { text: 'False', weight: 0 },
    ],
  },
  {
    name: 'Buffer key',
    type: 'short_answer_question',
    text: '<p>Which localStorage key holds the events Canvas has not delivered yet?</p>',
    points: 2,
    answers: [{ text: 'qla_events', weight: 100 }],
  },
  {
    name: 'Browser events',
    type: 'multiple_answers_question',
    text: '<p>Which event types does the browser itself send?</p>',
    points: 3,
    answers: [
      { text: 'page_blurred', weight: 100 },
      { text: 'page_focused', weight: 100 },
      { text: 'submission_created', weight: 0 },
      { text: 'question_viewed', weight: 100 },
    ],
  },
  {
    name: 'Tab switching',
    type: 'essay_question',
    text: '<p>How would you tell a student switching tabs from one opening a dev-tools panel?</p>',
    points: 5,
    answers: [],
  },
];

// The demo assignment (assignment-submissions family): text, URL and upload submissions, graded
// in points with a two-criterion rubric.
export const DEMO_RUBRIC = [
  {
    id: 'crit_clarity',
    description: 'Clarity',
    points: 5,
    ratings: [
      { id: 'rat_clear', description: 'Clear', points: 5 },
      { id: 'rat_unclear', description: 'Unclear', points: 0 },
    ],
  },
  {
    id: 'crit_evidence',
    description: 'Evidence',
    points: 5,
    ratings: [
      { id: 'rat_strong', description: 'Strong', points: 5 },
      { id: 'rat_weak', description: 'Weak', points: 0 },
    ],
  },
];

/** Adds the demo assignment to a course, with an unsubmitted submission per student. */
export function addDemoAssignment(
  store,
  courseId,
  { title = 'Proctoring Reflection', gradingType = 'points' } = {},
) {
  const assignment = store.assignments.create(courseId, {
    title,
    description: '<p>Reflect on what the quiz log tells a teacher.</p>',
    pointsPossible: 10,
    gradingType,
    submissionTypes: ['online_text_entry', 'online_url', 'online_upload'],
    rubric: DEMO_RUBRIC,
  });
  for (const userId of store.courses.studentIds(courseId)) store.submissions.ensure(assignment.id, userId);
  return assignment;
}

/**
 * Adds a quiz with the demo questions to a course. options: { quizTitle, timeLimitMinutes
 * (null = none), accessCode (null = none), allowedAttempts (-1 = unlimited), withEssay,
 * quiz: {extra quiz columns} }. Returns { quiz, questionIds }.
 */
export function addProctoredQuiz(store, courseId, options) {
  const quiz = store.quizzes.create(courseId, {
    title: options.quizTitle,
    description: '<p>A timed quiz for the quiz-proctor demo.</p>',
    time_limit: options.timeLimitMinutes,
    access_code: options.accessCode,
    allowed_attempts: options.allowedAttempts,
    ...options.quiz,
  });
  const questionIds = QUESTIONS.filter((q) => options.withEssay || q.type !== 'essay_question').map(
    (question, index) => store.quizzes.addQuestion(quiz.id, { ...question, position: index + 1 }),
  );
  return { quiz, questionIds };
}

/**
 * options: { courseName, quizTitle, timeLimitMinutes (null = none), accessCode (null = none),
 *   allowedAttempts (-1 = unlimited), quizLogAuditing, withEssay, people: [{key, type, name,
 *   login, token?, observes?}], quiz: {extra quiz columns}, assignment: {title?, gradingType?} }
 * Returns { course, quiz, questionIds, people: {key: {id, name, login, token}}, assignment }.
 */
export function buildCourseFixture(store, options) {
  return store.transaction(() => {
    const course = store.courses.create({
      name: options.courseName,
      quizLogAuditing: options.quizLogAuditing,
    });
    const { quiz, questionIds } = addProctoredQuiz(store, course.id, options);
    const people = {};
    for (const person of options.people) {
      const user = store.users.create({ name: person.name, loginId: person.login });
      const token = store.users.createToken(user.id, person.token);
      const observed = person.observes ? people[person.observes].id : null;
      store.courses.enroll(course.id, user.id, person.type, observed);
      people[person.key] = { id: user.id, name: user.name, login: user.login_id, token };
    }
    const assignment = addDemoAssignment(store, course.id, options.assignment);
    return { course, quiz, questionIds, people, assignment };
  });
}
