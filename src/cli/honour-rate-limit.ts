import ky from 'ky';
import type { CanvasClient } from '../canvas/core/canvas-client.js';

// Canvas's throttle answers 403 text/plain "403 Forbidden (Rate Limit Exceeded)" with
// X-Rate-Limit-Remaining 0.0, not a 429 (../shared/reference/canvas-api.md, "Rate limiting").
const isThrottled = async (response: Response) =>
  response.status === 403 && (await response.clone().text()).includes('Rate Limit Exceeded');

/** How a client waits out Canvas's rate limit. */
export interface RateLimitOptions {
  /** The first wait after a throttled answer; each next one doubles (Canvas's bucket drains at 10 units/s). */
  firstWaitMs: number;
  /** Throttled answers in a row before giving up on a request. */
  maxRetries: number;
  /** Told each wait, so a progress display can say why it stopped. */
  onWait: (waitMs: number) => void;
}

/**
 * The same client, retrying a throttled request after a growing wait. A report reads one request at
 * a time, so a waiting request holds up the rest, which is what the throttle asks for.
 */
export function honourRateLimit<C extends CanvasClient>(client: C, options: RateLimitOptions): C {
  const http = client.http.extend({
    // Only the throttle is retried (ky.retry below): a refused connection or a wrong URL fails at
    // once, with its reason, rather than after a minute of backoff.
    retry: { limit: options.maxRetries, methods: ['get'], statusCodes: [], shouldRetry: () => false },
    hooks: {
      afterResponse: [
        async (_request, _options, response, { retryCount }) => {
          if (!(await isThrottled(response)) || retryCount >= options.maxRetries) return response;
          const waitMs = options.firstWaitMs * 2 ** retryCount;
          options.onWait(waitMs);
          return ky.retry({ delay: waitMs });
        },
      ],
    },
  });
  return { ...client, http };
}
