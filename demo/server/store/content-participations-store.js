// ContentParticipation: per-user read state of a submission's items (grade, comment, rubric).
export const CONTENT_ITEMS = ['grade', 'comment', 'rubric'];

export function createContentParticipationsStore(db) {
  const upsert = db.prepare(
    `INSERT INTO content_participations (submission_id, user_id, content_item, workflow_state) VALUES (?, ?, ?, ?)
     ON CONFLICT (submission_id, user_id, content_item) DO UPDATE SET workflow_state = excluded.workflow_state`,
  );
  const forUser = db.prepare(
    `SELECT content_item, workflow_state FROM content_participations WHERE submission_id = ? AND user_id = ?`,
  );
  return {
    mark: (submissionId, userId, item, state) => upsert.run(submissionId, userId, item, state),
    forUser: (submissionId, userId) => forUser.all(submissionId, userId),
  };
}
