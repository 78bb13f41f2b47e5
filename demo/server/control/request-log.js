// Every request the emulator sees under /api/ and /login (control routes excluded), so tests can
// assert what the client actually sent and how it spaced its retries. Bounded to the most
// recent MAX_ENTRIES. `requestedWith` and `eventTypes` tell Canvas's own logger (jQuery sends
// X-Requested-With) from the SDK, and show which events each events POST carried.
const MAX_ENTRIES = 10_000;

const EVENTS_ROUTE = /^\/api\/v1\/courses\/[^/]+\/quizzes\/[^/]+\/submissions\/[^/]+\/events$/;

/** The `event_type` of each item of an events POST body, in order (null when not an array). */
export function eventTypesOf(body) {
  const items = body && typeof body === 'object' ? body.quiz_submission_events : undefined;
  if (!Array.isArray(items)) return null;
  return items.map((item) => (item && typeof item === 'object' ? (item.event_type ?? null) : null));
}

export function createRequestLog(clock) {
  let entries = [];
  let nextId = 1;
  return {
    shouldLog: (path) => path.startsWith('/api/') || path === '/login' || path.startsWith('/login/'),
    /** Whether the request's body is recorded as `eventTypes` (a POST to an events route). */
    wantsEventTypes: (method, path) => method === 'POST' && EVENTS_ROUTE.test(path),
    start({ method, path, query, contentLength, requestedWith = null }) {
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
        requestedWith,
        eventTypes: null,
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
