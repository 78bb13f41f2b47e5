import { createHash, randomBytes } from 'node:crypto';
import { dbTime } from '../lib/time.js';

// Cookie sessions. The cookie carries a random id; the table stores its hash, the user and the
// raw CSRF secret that masked _csrf_token cookies decode to (see http/csrf-token.js).
const digest = (cookieValue) => createHash('sha256').update(cookieValue).digest('hex');

export function createSessionsStore(db, clock) {
  const insert = db.prepare(
    `INSERT INTO sessions (id, user_id, csrf_secret, created_at) VALUES (?, ?, ?, ?)`,
  );
  const byId = db.prepare(`SELECT * FROM sessions WHERE id = ?`);
  const remove = db.prepare(`DELETE FROM sessions WHERE id = ?`);

  return {
    /** Creates a session; returns { cookieValue, session }. */
    create(userId) {
      const cookieValue = randomBytes(32).toString('hex');
      const csrfSecret = randomBytes(32).toString('base64');
      insert.run(digest(cookieValue), userId, csrfSecret, dbTime(clock.now()));
      return { cookieValue, session: byId.get(digest(cookieValue)) };
    },
    findByCookie: (cookieValue) => (cookieValue ? (byId.get(digest(cookieValue)) ?? null) : null),
    destroyByCookie: (cookieValue) => {
      if (cookieValue) remove.run(digest(cookieValue));
    },
  };
}
