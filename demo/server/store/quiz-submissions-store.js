import { dbTime } from '../lib/time.js';
import { fromJsonColumn, toJsonColumn } from './json-column.js';

const BOOLEAN_COLUMNS = ['was_preview', 'manually_unlocked', 'has_seen_results', 'manually_scored'];
const JSON_COLUMNS = ['quiz_data', 'submission_data'];
// Everything a save may change; id, quiz_id, user_id and validation_token are fixed at creation
// (Canvas: attr_readonly :quiz_id, :user_id; the token is assigned only before_create).
const MUTABLE_COLUMNS = [
  'submission_id',
  'attempt',
  'workflow_state',
  'was_preview',
  'started_at',
  'end_at',
  'finished_at',
  'extra_attempts',
  'extra_time',
  'manually_unlocked',
  'score',
  'kept_score',
  'fudge_points',
  'score_before_regrade',
  'has_seen_results',
  'manually_scored',
  'quiz_points_possible',
  'quiz_version',
  'quiz_data',
  'submission_data',
];

/** Turns a row into the in-memory record (JSON parsed, 0/1 flags as booleans, NULL kept). */
export function hydrateQuizSubmission(row) {
  if (!row) return null;
  const qs = { ...row };
  for (const column of BOOLEAN_COLUMNS) qs[column] = row[column] === null ? null : row[column] === 1;
  for (const column of JSON_COLUMNS) qs[column] = fromJsonColumn(row[column]);
  return qs;
}

function dehydrate(column, value) {
  if (JSON_COLUMNS.includes(column)) return toJsonColumn(value);
  if (BOOLEAN_COLUMNS.includes(column)) return value === null || value === undefined ? null : value ? 1 : 0;
  return value ?? null;
}

export function createQuizSubmissionsStore(db, clock) {
  const byId = db.prepare(`SELECT * FROM quiz_submissions WHERE id = ? AND quiz_id = ?`);
  const anyById = db.prepare(`SELECT * FROM quiz_submissions WHERE id = ?`);
  const byUser = db.prepare(
    `SELECT * FROM quiz_submissions WHERE quiz_id = ? AND user_id = ? ORDER BY created_at, id LIMIT 1`,
  );
  const byCode = db.prepare(
    `SELECT * FROM quiz_submissions WHERE quiz_id = ? AND temporary_user_code = ? ORDER BY created_at, id LIMIT 1`,
  );
  const insert = db.prepare(
    `INSERT INTO quiz_submissions (quiz_id, user_id, temporary_user_code, validation_token, workflow_state, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'untaken', ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE quiz_submissions SET ${MUTABLE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updated_at
     WHERE id = @id`,
  );

  return {
    find: (quizId, id) => hydrateQuizSubmission(byId.get(id, quizId)),
    /** By id alone (the /api/v1/quiz_submissions/:id routes carry no quiz). */
    findById: (id) => hydrateQuizSubmission(anyById.get(id)),
    findForUser: (quizId, userId) => hydrateQuizSubmission(byUser.get(quizId, userId)),
    findByTemporaryUserCode: (quizId, code) => hydrateQuizSubmission(byCode.get(quizId, code)),
    insert({ quizId, userId = null, temporaryUserCode = null, validationToken }) {
      const now = dbTime(clock.now());
      const { lastInsertRowid } = insert.run(quizId, userId, temporaryUserCode, validationToken, now, now);
      return hydrateQuizSubmission(byId.get(Number(lastInsertRowid), quizId));
    },
    save(qs) {
      const values = { id: qs.id, updated_at: dbTime(clock.now()) };
      for (const column of MUTABLE_COLUMNS) values[column] = dehydrate(column, qs[column]);
      update.run(values);
      return hydrateQuizSubmission(byId.get(qs.id, qs.quiz_id));
    },
    /** The teacher index: submissions of the given users, in id order, one page at a time. */
    pageForUsers(quizId, userIds, limit, offset) {
      if (userIds.length === 0) return { total: 0, rows: [] };
      const list = userIds.map(() => '?').join(', ');
      const where = `quiz_id = ? AND user_id IN (${list})`;
      const total = db
        .prepare(`SELECT COUNT(*) AS n FROM quiz_submissions WHERE ${where}`)
        .get(quizId, ...userIds).n;
      const rows = db
        .prepare(`SELECT * FROM quiz_submissions WHERE ${where} ORDER BY id LIMIT ? OFFSET ?`)
        .all(quizId, ...userIds, limit, offset)
        .map(hydrateQuizSubmission);
      return { total, rows };
    },
  };
}
