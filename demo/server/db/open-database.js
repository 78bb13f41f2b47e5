import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { applySchema } from './schema.js';

/**
 * Opens (creating if needed) the emulator's SQLite database and applies the schema.
 * File databases use WAL so a demo page polling the API never blocks on a writer.
 */
export function openDatabase(file = ':memory:') {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(inMemory ? ':memory:' : file);
  if (!inMemory) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  applySchema(db);
  return db;
}
