import { addDemoAssignment, addProctoredQuiz, buildCourseFixture } from './build-course-fixture.js';

// The demo's fixed data, created once (when the database has no users). Tokens are fixed and
// printed on start: fine for a local demo, never for anything real.
export const SEED_TOKENS = {
  student: 'student-token',
  teacher: 'teacher-token',
  student2: 'student2-token',
  ta: 'ta-token',
};

const SECOND_STUDENT = { key: 'student2', type: 'student', name: 'Stella Second', login: 'student2' };
const GRADER = { key: 'ta', type: 'ta', name: 'Tim Grader', login: 'ta' };
const person = (p) => ({ id: p.id, token: p.token, name: p.name });

// The second demo quiz: Canvas's one-question-at-a-time mode (one question per page load,
// Previous/Next through record_answer), with no access code, so it starts in one click.
const ONE_AT_A_TIME_QUIZ = {
  quizTitle: 'One Question at a Time Quiz',
  timeLimitMinutes: 20,
  accessCode: null,
  allowedAttempts: -1,
  withEssay: true,
  quiz: { one_question_at_a_time: true },
};

/**
 * Seeds an empty database; returns app.seedInfo = {courseId, quizId, oneAtATimeQuizId,
 * assignmentId, student, student2, teacher, ta}. A database seeded earlier is upgraded once
 * with what it lacks (the assignment and its people, the one-question-at-a-time quiz).
 */
export function seedDemo(store) {
  const existing = store.db.prepare(`SELECT value FROM settings WHERE name = 'demo_seed'`).get();
  if (existing) {
    let info = JSON.parse(existing.value);
    if (info.assignmentId === undefined) info = upgradeSeed(store, info);
    if (info.oneAtATimeQuizId === undefined) info = addOneAtATimeQuiz(store, info);
    return info;
  }
  const hasUsers = store.db.prepare(`SELECT COUNT(*) AS n FROM users`).get().n > 0;
  if (hasUsers) return null;
  const { course, quiz, people, assignment } = buildCourseFixture(store, {
    courseName: 'Quiz Proctor Demo Course',
    quizTitle: 'Proctored Demo Quiz',
    timeLimitMinutes: 30,
    accessCode: 'letmein',
    allowedAttempts: 2,
    quizLogAuditing: true,
    withEssay: true,
    people: [
      { key: 'student', type: 'student', name: 'Sam Student', login: 'student', token: SEED_TOKENS.student },
      { key: 'teacher', type: 'teacher', name: 'Tess Teacher', login: 'teacher', token: SEED_TOKENS.teacher },
      { ...SECOND_STUDENT, token: SEED_TOKENS.student2 },
      { ...GRADER, token: SEED_TOKENS.ta },
    ],
  });
  const seedInfo = {
    courseId: course.id,
    quizId: quiz.id,
    oneAtATimeQuizId: addProctoredQuiz(store, course.id, ONE_AT_A_TIME_QUIZ).quiz.id,
    assignmentId: assignment.id,
    student: person(people.student),
    student2: person(people.student2),
    teacher: person(people.teacher),
    ta: person(people.ta),
  };
  store.db
    .prepare(`INSERT INTO settings (name, value) VALUES ('demo_seed', ?)`)
    .run(JSON.stringify(seedInfo));
  return seedInfo;
}

/** Adds the second student, the grader and the assignment to a database seeded earlier. */
function upgradeSeed(store, info) {
  const seedInfo = store.transaction(() => {
    const added = {};
    for (const p of [SECOND_STUDENT, GRADER]) {
      const user = store.users.create({ name: p.name, loginId: p.login });
      const token = store.users.createToken(user.id, SEED_TOKENS[p.key]);
      store.courses.enroll(info.courseId, user.id, p.type);
      added[p.key] = { id: user.id, token, name: user.name };
    }
    const assignment = addDemoAssignment(store, info.courseId);
    return saveSeedInfo(store, { ...info, assignmentId: assignment.id, ...added });
  });
  return seedInfo;
}

/** Adds the one-question-at-a-time quiz to a database seeded before it existed. */
function addOneAtATimeQuiz(store, info) {
  return store.transaction(() => {
    const { quiz } = addProctoredQuiz(store, info.courseId, ONE_AT_A_TIME_QUIZ);
    return saveSeedInfo(store, { ...info, oneAtATimeQuizId: quiz.id });
  });
}

function saveSeedInfo(store, info) {
  store.db.prepare(`UPDATE settings SET value = ? WHERE name = 'demo_seed'`).run(JSON.stringify(info));
  return info;
}
