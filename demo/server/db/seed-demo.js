import { buildCourseFixture } from './build-course-fixture.js';

// The demo's fixed data, created once (when the database has no users). Tokens are fixed and
// printed on start: fine for a local demo, never for anything real.
export const SEED_TOKENS = { student: 'student-token', teacher: 'teacher-token' };

/** Seeds an empty database; returns app.seedInfo = {courseId, quizId, student, teacher}. */
export function seedDemo(store) {
  const existing = store.db.prepare(`SELECT value FROM settings WHERE name = 'demo_seed'`).get();
  if (existing) return JSON.parse(existing.value);
  const hasUsers = store.db.prepare(`SELECT COUNT(*) AS n FROM users`).get().n > 0;
  if (hasUsers) return null;
  const { course, quiz, people } = buildCourseFixture(store, {
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
    ],
  });
  const seedInfo = {
    courseId: course.id,
    quizId: quiz.id,
    student: { id: people.student.id, token: people.student.token, name: people.student.name },
    teacher: { id: people.teacher.id, token: people.teacher.token, name: people.teacher.name },
  };
  store.db
    .prepare(`INSERT INTO settings (name, value) VALUES ('demo_seed', ?)`)
    .run(JSON.stringify(seedInfo));
  return seedInfo;
}
