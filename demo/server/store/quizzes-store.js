import { dbTime } from '../lib/time.js';
import { fromJsonColumn, toJsonColumn } from './json-column.js';

const QUIZ_COLUMNS = [
  'title',
  'description',
  'quiz_type',
  'time_limit',
  'access_code',
  'allowed_attempts',
  'scoring_policy',
  'ip_filter',
  'locked',
  'module_locked',
  'unlock_at',
  'lock_at',
  'due_at',
  'cant_go_back',
  'one_question_at_a_time',
  'shuffle_answers',
  'published',
];

const toDb = (value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

function hydrateQuestion(row) {
  return row && { ...row, answers: fromJsonColumn(row.answers) ?? [] };
}

export function createQuizzesStore(db, clock) {
  const byId = db.prepare(
    `SELECT * FROM quizzes WHERE id = ? AND course_id = ? AND workflow_state <> 'deleted'`,
  );
  const questions = db.prepare(
    `SELECT * FROM quiz_questions WHERE quiz_id = ? AND workflow_state = 'active' ORDER BY position, id`,
  );
  const insertQuestion = db.prepare(
    `INSERT INTO quiz_questions (quiz_id, position, question_name, question_type, question_text, points_possible, answers, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const pointsPossible = db.prepare(
    `SELECT COALESCE(SUM(points_possible), 0) AS points FROM quiz_questions WHERE quiz_id = ? AND workflow_state = 'active'`,
  );
  const nextAnswerId = db.prepare(
    `SELECT COALESCE(MAX(CAST(json_extract(value, '$.id') AS INTEGER)), 1000) + 1 AS next
     FROM quiz_questions, json_each(quiz_questions.answers)`,
  );

  return {
    create(courseId, attributes) {
      const columns = QUIZ_COLUMNS.filter((column) => attributes[column] !== undefined);
      const now = dbTime(clock.now());
      const sql = `INSERT INTO quizzes (course_id, ${columns.join(', ')}, created_at, updated_at)
                   VALUES (?, ${columns.map(() => '?').join(', ')}, ?, ?)`;
      const { lastInsertRowid } = db
        .prepare(sql)
        .run(courseId, ...columns.map((column) => toDb(attributes[column])), now, now);
      return byId.get(Number(lastInsertRowid), courseId);
    },
    /** Updates quiz settings (tests and fixtures); unknown keys are rejected. */
    update(quiz, attributes) {
      const columns = Object.keys(attributes);
      for (const column of columns) {
        if (!QUIZ_COLUMNS.includes(column)) throw new Error(`unknown quiz column ${column}`);
      }
      if (columns.length === 0) return quiz;
      db.prepare(
        `UPDATE quizzes SET ${columns.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
      ).run(...columns.map((column) => toDb(attributes[column])), dbTime(clock.now()), quiz.id);
      return byId.get(quiz.id, quiz.course_id);
    },
    find: (courseId, quizId) => byId.get(quizId, courseId) ?? null,
    /** A course's quizzes, in id order (the course home page lists them). */
    forCourse: (courseId) =>
      db
        .prepare(`SELECT * FROM quizzes WHERE course_id = ? AND workflow_state <> 'deleted' ORDER BY id`)
        .all(courseId),
    /** By id alone (a quiz submission's quiz). */
    findById: (quizId) =>
      db.prepare(`SELECT * FROM quizzes WHERE id = ? AND workflow_state <> 'deleted'`).get(quizId) ?? null,
    questions: (quizId) => questions.all(quizId).map(hydrateQuestion),
    /** Adds a question; answers get globally unique ids (like Canvas's answer ids) when missing. */
    addQuestion(quizId, { position, name = 'Question', type, text = '', points = 1, answers = [] }) {
      let next = nextAnswerId.get().next;
      const withIds = answers.map((answer) => ({ ...answer, id: answer.id ?? next++ }));
      const { lastInsertRowid } = insertQuestion.run(
        quizId,
        position,
        name,
        type,
        text,
        points,
        toJsonColumn(withIds),
        dbTime(clock.now()),
      );
      return Number(lastInsertRowid);
    },
    pointsPossible: (quizId) => pointsPossible.get(quizId).points,
  };
}
