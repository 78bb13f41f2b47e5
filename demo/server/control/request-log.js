// Every request the emulator sees under /api/ and /login (control routes excluded), so tests can
// assert what the client actually sent and how it spaced its retries. Bounded to the most
// recent MAX_ENTRIES.
const MAX_ENTRIES = 10_000;

export function createRequestLog(clock) {
  let entries = [];
  let nextId = 1;
  return {
    shouldLog: (path) => path.startsWith('/api/') || path === '/login' || path.startsWith('/login/'),
    start({ method, path, query, contentLength }) {
      const entry = {
        id: nextId,
        method,
        path,
        query,
        status: null,
        time: Date.now(),
        clock: clock.nowMs(),
        durationMs: null,
        bodySize: contentLength,
        fault: null,
        faultId: null,
      };
      nextId += 1;
      entries.push(entry);
      if (entries.length > MAX_ENTRIES) entries = entries.slice(-MAX_ENTRIES);
      return entry;
    },
    /** Records the outcome once: a status code, 'reset', 'timeout' or 'aborted'. */
    settle(entry, status, bodySize) {
      if (!entry || entry.status !== null) return;
      entry.status = status;
      entry.durationMs = Date.now() - entry.time;
      if (bodySize !== undefined && bodySize !== null) entry.bodySize = bodySize;
    },
    list({ path, since } = {}) {
      return entries.filter(
        (entry) => (path ? entry.path.includes(path) : true) && (since ? entry.id > since : true),
      );
    },
    clear() {
      const count = entries.length;
      entries = [];
      return count;
    },
  };
}
