import { createHash, randomBytes } from 'node:crypto';
import { dbTime } from '../lib/time.js';

/** Canvas keeps only a digest of access tokens; look-ups hash the presented token. */
export function hashToken(token) {
  return createHash('sha256').update(token).digest('hex');
}

export function createUsersStore(db, clock) {
  const insertUser = db.prepare(
    `INSERT INTO users (name, sortable_name, short_name, login_id, created_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const insertToken = db.prepare(
    `INSERT INTO access_tokens (user_id, token_hash, token_hint, purpose, created_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare(`SELECT * FROM users WHERE id = ?`);
  const byLogin = db.prepare(`SELECT * FROM users WHERE login_id = ?`);
  const byToken = db.prepare(
    `SELECT users.* FROM access_tokens JOIN users ON users.id = access_tokens.user_id
     WHERE access_tokens.token_hash = ? AND access_tokens.workflow_state = 'active'`,
  );
  const all = db.prepare(`SELECT * FROM users ORDER BY id`);

  return {
    create({ name, loginId = null }) {
      const parts = name.split(' ');
      const sortable = parts.length > 1 ? `${parts.slice(1).join(' ')}, ${parts[0]}` : name;
      const { lastInsertRowid } = insertUser.run(name, sortable, name, loginId, dbTime(clock.now()));
      return byId.get(Number(lastInsertRowid));
    },
    /** Stores a token for the user; with no token given a random one is generated. Returns it. */
    createToken(userId, token = randomBytes(24).toString('hex'), purpose = 'quiz-proctor demo') {
      insertToken.run(userId, hashToken(token), token.slice(0, 5), purpose, dbTime(clock.now()));
      return token;
    },
    find: (id) => byId.get(id) ?? null,
    findByLogin: (login) => byLogin.get(login) ?? null,
    findByToken: (token) => byToken.get(hashToken(token)) ?? null,
    all: () => all.all(),
  };
}
