/** What to do after a send. */
export type Verdict =
  | { kind: 'ok' }
  | { kind: 'retry'; delayMs: number }
  /** Wait for the app: new auth, a flush(), or a submission Canvas knows. */
  | { kind: 'pause'; code: 'unauthorized' | 'submission_not_found' | 'http_error' }
  /** Canvas refused the content: halve the batch to find the event it refuses. */
  | { kind: 'split' };

export interface RetryTiming {
  baseDelayMs: number;
  maxDelayMs: number;
  retryAfterMaxMs: number;
  /** ± this fraction of the delay, drawn at random, so many clients do not retry in step. */
  jitterRatio: number;
}

/** The one place of the retry defaults: the proctor's options default to these too. */
export const DEFAULT_RETRY: RetryTiming = {
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  retryAfterMaxMs: 300_000,
  jitterRatio: 0.2,
};

export interface SendResult {
  /** Absent when the request never got an answer (network error, reset, timeout). */
  status?: number;
  body?: string;
  retryAfter?: string | null;
}

// Canvas's throttle answers a plain-text 403, not a 429 (canvas-api.md §4).
const RATE_LIMITED = /Rate Limit Exceeded/i;

/** `Retry-After` in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Exponential backoff for the `failures`-th consecutive failure (1-based), capped, with jitter. */
export function backoffMs(failures: number, timing: RetryTiming, random: () => number): number {
  const raw = Math.min(timing.maxDelayMs, timing.baseDelayMs * 2 ** Math.max(0, failures - 1));
  const jitter = 1 - timing.jitterRatio + 2 * timing.jitterRatio * random();
  return Math.round(raw * jitter);
}

/** Classifies a send's result; `failures` counts this failure too. */
export function judgeSend(
  result: SendResult,
  failures: number,
  timing: RetryTiming,
  nowMs: number,
  random: () => number,
): Verdict {
  const { status } = result;
  if (status !== undefined && status >= 200 && status < 300) return { kind: 'ok' };
  const retryable =
    status === undefined ||
    status === 408 ||
    status === 429 ||
    status >= 500 ||
    (status === 403 && RATE_LIMITED.test(result.body ?? ''));
  if (retryable) {
    const backoff = backoffMs(failures, timing, random);
    const asked = parseRetryAfter(result.retryAfter, nowMs);
    // The server's wish is honoured, up to a cap so a bad header cannot stall delivery for days.
    const delayMs = asked === undefined ? backoff : Math.min(timing.retryAfterMaxMs, asked);
    return { kind: 'retry', delayMs };
  }
  if (status === 400 || status === 413 || status === 422) return { kind: 'split' };
  if (status === 401 || status === 403) return { kind: 'pause', code: 'unauthorized' };
  if (status === 404) return { kind: 'pause', code: 'submission_not_found' };
  return { kind: 'pause', code: 'http_error' };
}
