import { randomBytes } from 'node:crypto';
import { dbTime } from '../lib/time.js';

// Attachments created by the 3-step upload. Rows without `data` are metadata-only reads.
const META = `id, context_type, context_id, user_id, folder_path, display_name, content_type, size, uuid,
  upload_token, upload_expires_at, on_duplicate, purpose, workflow_state, created_at, updated_at`;

export function createAttachmentsStore(db, clock) {
  const insert = db.prepare(
    `INSERT INTO attachments (context_type, context_id, user_id, folder_path, display_name, content_type, size, uuid,
       upload_token, upload_expires_at, on_duplicate, purpose, created_at, updated_at)
     VALUES (@context_type, @context_id, @user_id, @folder_path, @display_name, @content_type, @size, @uuid,
       @upload_token, @upload_expires_at, @on_duplicate, @purpose, @created_at, @updated_at)`,
  );
  const byId = db.prepare(`SELECT ${META} FROM attachments WHERE id = ?`);
  const byToken = db.prepare(`SELECT ${META} FROM attachments WHERE upload_token = ?`);
  const data = db.prepare(`SELECT data FROM attachments WHERE id = ?`);
  const finish = db.prepare(
    `UPDATE attachments SET data = ?, size = ?, content_type = ?, display_name = ?, workflow_state = 'processed',
       upload_token = NULL, updated_at = ? WHERE id = ?`,
  );
  const sameName = db.prepare(
    `SELECT ${META} FROM attachments WHERE context_type = ? AND context_id = ? AND folder_path = ?
       AND workflow_state = 'processed' AND id <> ?`,
  );
  const markDeleted = db.prepare(`UPDATE attachments SET workflow_state = 'deleted' WHERE id = ?`);

  return {
    /** Step 1: a pending attachment with a secret upload token valid for `ttlMs`. */
    createPending(attributes, ttlMs) {
      const now = clock.now();
      const row = {
        folder_path: '',
        content_type: null,
        size: null,
        on_duplicate: 'overwrite',
        purpose: null,
        ...attributes,
        uuid: randomBytes(20).toString('hex'),
        upload_token: randomBytes(24).toString('hex'),
        upload_expires_at: dbTime(new Date(now.getTime() + ttlMs)),
        created_at: dbTime(now),
        updated_at: dbTime(now),
      };
      const { lastInsertRowid } = insert.run(row);
      return byId.get(Number(lastInsertRowid));
    },
    find: (id) => byId.get(id) ?? null,
    findByToken: (token) => byToken.get(token) ?? null,
    data: (id) => data.get(id)?.data ?? null,
    /** Step 2: stores the bytes; returns the finished row. */
    finish(attachment, { bytes, contentType, displayName }) {
      finish.run(bytes, bytes.length, contentType, displayName, dbTime(clock.now()), attachment.id);
      return byId.get(attachment.id);
    },
    /** Other processed files in the same context and folder (for on_duplicate). */
    siblings: (a) => sameName.all(a.context_type, a.context_id, a.folder_path, a.id),
    markDeleted: (id) => markDeleted.run(id),
  };
}
