import { dbTime } from '../lib/time.js';

export function createCoursesStore(db, clock) {
  const insert = db.prepare(
    `INSERT INTO courses (name, course_code, quiz_log_auditing, created_at) VALUES (?, ?, ?, ?)`,
  );
  const byId = db.prepare(`SELECT * FROM courses WHERE id = ? AND workflow_state <> 'deleted'`);
  const insertEnrollment = db.prepare(
    `INSERT INTO enrollments (course_id, user_id, type, associated_user_id, created_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const enrollmentsFor = db.prepare(
    `SELECT * FROM enrollments WHERE course_id = ? AND user_id = ? AND workflow_state = 'active'`,
  );
  const studentIds = db.prepare(
    `SELECT DISTINCT user_id FROM enrollments
     WHERE course_id = ? AND type = 'student' AND workflow_state = 'active' ORDER BY user_id`,
  );
  const setFlag = db.prepare(`UPDATE courses SET quiz_log_auditing = ? WHERE id = ?`);

  return {
    create({ name, courseCode = null, quizLogAuditing = true }) {
      const { lastInsertRowid } = insert.run(name, courseCode, quizLogAuditing ? 1 : 0, dbTime(clock.now()));
      return byId.get(Number(lastInsertRowid));
    },
    find: (id) => byId.get(id) ?? null,
    enroll(courseId, userId, type, associatedUserId = null) {
      insertEnrollment.run(courseId, userId, type, associatedUserId, dbTime(clock.now()));
    },
    enrollmentsFor: (courseId, userId) => (userId == null ? [] : enrollmentsFor.all(courseId, userId)),
    studentIds: (courseId) => studentIds.all(courseId).map((row) => row.user_id),
    setQuizLogAuditing: (courseId, enabled) => setFlag.run(enabled ? 1 : 0, courseId),
  };
}
