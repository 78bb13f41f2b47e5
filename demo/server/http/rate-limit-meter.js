// The headers of Canvas's RequestThrottle (app/middleware/request_throttle.rb): a leaky bucket per
// client (token hash, else user, else IP) with hwm 600 and an outflow of 10 units per second;
// each request adds its cost (the seconds it took). Every response then carries
// `X-Request-Cost` and `X-Rate-Limit-Remaining = hwm - bucket`. The emulator never throttles on
// its own: throttling is a fault you inject (preset "rate-limit"), so tests decide when it happens.
const HIGH_WATER_MARK = 600;
const OUTFLOW_PER_SECOND = 10;

// Ruby prints floats with at least one decimal ("600.0", "0.012").
const rubyFloat = (x) => {
  const rounded = Math.round(x * 1e6) / 1e6;
  return Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded);
};

export function createRateLimitMeter() {
  const buckets = new Map();
  return {
    /** Charges `costSeconds` to `key`; returns the two header values. */
    charge(key, costSeconds, nowMs = Date.now()) {
      const bucket = buckets.get(key) ?? { count: 0, at: nowMs };
      bucket.count =
        Math.max(0, bucket.count - ((nowMs - bucket.at) / 1000) * OUTFLOW_PER_SECOND) + costSeconds;
      bucket.at = nowMs;
      buckets.set(key, bucket);
      return { cost: rubyFloat(costSeconds), remaining: rubyFloat(HIGH_WATER_MARK - bucket.count) };
    },
  };
}
