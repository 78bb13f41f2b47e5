import { dbTime } from '../lib/time.js';
import { fromJsonColumn, toJsonColumn } from './json-column.js';

const JSON_COLUMNS = ['attachment_ids', 'rubric_assessment'];
const BOOLEAN_COLUMNS = ['excused', 'grade_matches_current_submission'];
const MUTABLE_COLUMNS = [
  'attempt',
  'body',
  'url',
  'submission_type',
  'submitted_at',
  'score',
  'grade',
  'entered_score',
  'entered_grade',
  'grader_id',
  'graded_at',
  'posted_at',
  'excused',
  'late_policy_status',
  'workflow_state',
  'grade_matches_current_submission',
  'attachment_ids',
  'rubric_assessment',
];

export function hydrateSubmission(row) {
  if (!row) return null;
  const submission = { ...row };
  for (const column of JSON_COLUMNS) submission[column] = fromJsonColumn(row[column]);
  for (const column of BOOLEAN_COLUMNS) submission[column] = row[column] === null ? null : row[column] === 1;
  submission.attachment_ids ??= [];
  return submission;
}

function dehydrate(column, value) {
  if (JSON_COLUMNS.includes(column)) return toJsonColumn(value);
  if (BOOLEAN_COLUMNS.includes(column)) return value == null ? null : value ? 1 : 0;
  return value ?? null;
}

/** Submissions (one per assignment and student) and their comments. */
export function createSubmissionsStore(db, clock) {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO submissions (assignment_id, user_id, created_at, updated_at) VALUES (?, ?, ?, ?)`,
  );
  const byId = db.prepare(`SELECT * FROM submissions WHERE id = ?`);
  const byUser = db.prepare(`SELECT * FROM submissions WHERE assignment_id = ? AND user_id = ?`);
  const update = db.prepare(
    `UPDATE submissions SET ${MUTABLE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updated_at WHERE id = @id`,
  );
  const insertComment = db.prepare(
    `INSERT INTO submission_comments (submission_id, author_id, comment, attempt, attachment_ids, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const comments = db.prepare(
    `SELECT * FROM submission_comments WHERE submission_id = ? ORDER BY created_at, id`,
  );

  return {
    /** Canvas creates an unsubmitted row per student; this does it on demand. Returns the row. */
    ensure(assignmentId, userId) {
      const now = dbTime(clock.now());
      insert.run(assignmentId, userId, now, now);
      return hydrateSubmission(byUser.get(assignmentId, userId));
    },
    find: (id) => hydrateSubmission(byId.get(id)),
    findForUser: (assignmentId, userId) => hydrateSubmission(byUser.get(assignmentId, userId)),
    save(submission) {
      const values = { id: submission.id, updated_at: dbTime(clock.now()) };
      for (const column of MUTABLE_COLUMNS) values[column] = dehydrate(column, submission[column]);
      update.run(values);
      return hydrateSubmission(byId.get(submission.id));
    },
    /** Submissions of `assignmentIds` × `userIds`, ordered by user then assignment. */
    forUsers(assignmentIds, userIds) {
      if (assignmentIds.length === 0 || userIds.length === 0) return [];
      const a = assignmentIds.map(() => '?').join(', ');
      const u = userIds.map(() => '?').join(', ');
      return db
        .prepare(
          `SELECT * FROM submissions WHERE assignment_id IN (${a}) AND user_id IN (${u}) ORDER BY user_id, assignment_id`,
        )
        .all(...assignmentIds, ...userIds)
        .map(hydrateSubmission);
    },
    addComment(submissionId, { authorId, comment, attempt = null, attachmentIds = [] }) {
      const { lastInsertRowid } = insertComment.run(
        submissionId,
        authorId,
        comment,
        attempt,
        JSON.stringify(attachmentIds),
        dbTime(clock.now()),
      );
      return Number(lastInsertRowid);
    },
    comments: (submissionId) =>
      comments.all(submissionId).map((row) => ({ ...row, attachment_ids: JSON.parse(row.attachment_ids) })),
  };
}
