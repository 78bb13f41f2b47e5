import { del, get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import { openResettableStore } from '../store/open-resettable-store.js';

/** What a reload needs to resume an attempt. Never a credential: the access token stays in memory. */
export interface SavedSession {
  id: string;
  attempt: number;
  validationToken: string;
  endAt: string | null;
}

let store: UseStore | undefined;
// Opened on first use so a page that never starts a session never opens a database. A page script
// deleting it is let through and the sessions are written back (the attempt's store records it).
const sessions = (): UseStore =>
  (store ??= openResettableStore('quiz-proctor:v1:sessions', 'sessions', {
    writeBack: (target, entries) => {
      for (const [key, value] of entries) target.put(value, key);
      return promisifyRequest(target.transaction);
    },
    onReset: () => undefined,
  }));

/** The key of a quiz's saved session: Canvas's host (not the page's path prefix), course and quiz. */
export const sessionKey = (quiz: { baseUrl: string; courseId: string; quizId: string }) =>
  `${new URL(quiz.baseUrl).host}:${quiz.courseId}:${quiz.quizId}`;

/** Reads the saved session; a broken IndexedDB reads as none (the session is then started again). */
export async function loadSession(key: string): Promise<SavedSession | undefined> {
  try {
    return await get<SavedSession>(key, sessions());
  } catch {
    return undefined;
  }
}

export async function saveSession(key: string, session: SavedSession): Promise<void> {
  await set(key, session, sessions()).catch(() => undefined);
}

export async function forgetSession(key: string): Promise<void> {
  await del(key, sessions()).catch(() => undefined);
}
