import { addDemoAssignment, buildCourseFixture } from './build-course-fixture.js';

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

/**
 * Seeds an empty database; returns app.seedInfo = {courseId, quizId, assignmentId, student,
 * student2, teacher, ta}. A database seeded before the assignment work is upgraded once.
 */
export function seedDemo(store) {
  const existing = store.db.prepare(`SELECT value FROM settings WHERE name = 'demo_seed'`).get();
  if (existing) {
    const info = JSON.parse(existing.value);
    return info.assignmentId === undefined ? upgradeSeed(store, info) : info;
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
    const next = { ...info, assignmentId: assignment.id, ...added };
    store.db.prepare(`UPDATE settings SET value = ? WHERE name = 'demo_seed'`).run(JSON.stringify(next));
    return next;
  });
  return seedInfo;
}
