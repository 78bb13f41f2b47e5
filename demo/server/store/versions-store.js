import { dbTime } from '../lib/time.js';

// simply_versioned: numbered JSON snapshots of a record. For quiz submissions the latest
// version of each attempt *is* that attempt (Quizzes::QuizSubmissionHistory).
export function createVersionsStore(db, clock) {
  const latestNumber = db.prepare(
    `SELECT COALESCE(MAX(number), 0) AS n FROM versions WHERE versionable_type = ? AND versionable_id = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO versions (versionable_type, versionable_id, number, model, created_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const forAttempt = db.prepare(
    `SELECT number, model FROM versions
     WHERE versionable_type = 'Quizzes::QuizSubmission' AND versionable_id = ?
       AND json_extract(model, '$.attempt') = ?
     ORDER BY number DESC LIMIT 1`,
  );
  const latestPerAttempt = db.prepare(
    `SELECT v.number, v.model FROM versions v
     WHERE v.versionable_type = 'Quizzes::QuizSubmission' AND v.versionable_id = ?
       AND v.number = (SELECT MAX(w.number) FROM versions w
                       WHERE w.versionable_type = v.versionable_type AND w.versionable_id = v.versionable_id
                         AND json_extract(w.model, '$.attempt') = json_extract(v.model, '$.attempt'))
     ORDER BY json_extract(v.model, '$.attempt')`,
  );
  const ofType = db.prepare(
    `SELECT versionable_id, number, model, created_at FROM versions WHERE versionable_type = ? ORDER BY id`,
  );
  const updateModel = db.prepare(
    `UPDATE versions SET model = ? WHERE versionable_type = ? AND versionable_id = ? AND number = ?`,
  );
  const parse = (row) => row && { number: row.number, model: JSON.parse(row.model) };

  return {
    /** Saves a snapshot of `model`; returns its version number. */
    record(type, id, model) {
      const number = latestNumber.get(type, id).n + 1;
      insert.run(type, id, number, JSON.stringify(model), dbTime(clock.now()));
      return number;
    },
    latestNumber: (type, id) => latestNumber.get(type, id).n,
    /** The quiz submission as it was in `attempt` (its latest version), or null. */
    quizSubmissionAttempt: (qsId, attempt) => parse(forAttempt.get(qsId, attempt)) ?? null,
    /** Every version of a type, oldest first: [{versionable_id, number, model, created_at}]. */
    allOfType: (type) => ofType.all(type).map((row) => ({ ...row, model: JSON.parse(row.model) })),
    /** Rewrites a stored version (Canvas's update_scores edits an old attempt's version model). */
    replaceModel: (type, id, number, model) => updateModel.run(JSON.stringify(model), type, id, number),
    /** Every attempt's latest version, ordered by attempt. */
    quizSubmissionAttempts: (qsId) => latestPerAttempt.all(qsId).map(parse),
  };
}
