import { dbTime } from '../lib/time.js';

// AssessmentRequest: a peer review of submission `asset_id` (owned by `user_id`) by `assessor_id`.
export function createAssessmentRequestsStore(db, clock) {
  const insert = db.prepare(
    `INSERT INTO assessment_requests (asset_id, user_id, assessor_id, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (asset_id, assessor_id) DO NOTHING`,
  );
  const byAssessor = db.prepare(`SELECT * FROM assessment_requests WHERE asset_id = ? AND assessor_id = ?`);
  const forSubmission = db.prepare(`SELECT * FROM assessment_requests WHERE asset_id = ? ORDER BY id`);
  const forAssignment = db.prepare(
    `SELECT r.* FROM assessment_requests r JOIN submissions s ON s.id = r.asset_id WHERE s.assignment_id = ? ORDER BY r.id`,
  );
  const remove = db.prepare(`DELETE FROM assessment_requests WHERE id = ?`);
  return {
    /** Finds or creates the request (Canvas's assign_peer_review is idempotent). */
    create(submission, assessorId) {
      insert.run(submission.id, submission.user_id, assessorId, dbTime(clock.now()));
      return byAssessor.get(submission.id, assessorId);
    },
    find: (submissionId, assessorId) => byAssessor.get(submissionId, assessorId) ?? null,
    forSubmission: (submissionId) => forSubmission.all(submissionId),
    forAssignment: (assignmentId) => forAssignment.all(assignmentId),
    remove: (id) => remove.run(id),
  };
}
