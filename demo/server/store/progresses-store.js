import { dbTime } from '../lib/time.js';
import { fromJsonColumn, toJsonColumn } from './json-column.js';

const hydrate = (row) => row && { ...row, results: fromJsonColumn(row.results) };

export function createProgressesStore(db, clock) {
  const insert = db.prepare(
    `INSERT INTO progresses (context_type, context_id, user_id, tag, completion, workflow_state, created_at, updated_at)
     VALUES (?, ?, ?, ?, 0, 'queued', ?, ?)`,
  );
  const byId = db.prepare(`SELECT * FROM progresses WHERE id = ?`);
  const update = db.prepare(
    `UPDATE progresses SET workflow_state = ?, completion = ?, message = ?, results = ?, updated_at = ? WHERE id = ?`,
  );
  return {
    create({ contextType, contextId, userId, tag }) {
      const now = dbTime(clock.now());
      const { lastInsertRowid } = insert.run(contextType, contextId, userId, tag, now, now);
      return hydrate(byId.get(Number(lastInsertRowid)));
    },
    find: (id) => hydrate(byId.get(id)) ?? null,
    update(id, { workflowState, completion, message = null, results = null }) {
      update.run(workflowState, completion, message, toJsonColumn(results), dbTime(clock.now()), id);
      return hydrate(byId.get(id));
    },
  };
}
