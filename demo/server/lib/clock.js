// The server clock. Every server-side timestamp (created_at, started_at, end_at, time_left...)
// comes from here so tests can pin the time (`now` option) and shift it at runtime
// (POST /__control/clock) to reach end_at without waiting.
export function createClock(baseNow = () => new Date()) {
  let offsetMs = 0;
  return {
    now: () => new Date(baseNow().getTime() + offsetMs),
    nowMs: () => baseNow().getTime() + offsetMs,
    get offsetMs() {
      return offsetMs;
    },
    setOffset(ms) {
      offsetMs = ms;
    },
    setNow(date) {
      offsetMs = date.getTime() - baseNow().getTime();
    },
    advance(ms) {
      offsetMs += ms;
    },
  };
}
