import { expect } from '@esm-bundle/chai';
import { backoffMs, DEFAULT_RETRY, judgeSend, parseRetryAfter } from '../../src/deliver/retry-policy.js';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const mid = () => 0.5;

describe('the retry policy', () => {
  it('backs off exponentially from 1 s to a 60 s cap', () => {
    expect([1, 2, 3, 4, 7, 12].map((n) => backoffMs(n, DEFAULT_RETRY, mid))).to.deep.equal([
      1000, 2000, 4000, 8000, 60000, 60000,
    ]);
  });

  it('jitters by ±20 %', () => {
    expect(backoffMs(3, DEFAULT_RETRY, () => 0)).to.equal(3200);
    expect(backoffMs(3, DEFAULT_RETRY, () => 1)).to.equal(4800);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7', NOW)).to.equal(7000);
    expect(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW)).to.equal(30_000);
    expect(parseRetryAfter('soon', NOW)).to.equal(undefined);
    expect(parseRetryAfter(null, NOW)).to.equal(undefined);
  });

  it("retries network errors, 408, 429, 5xx and Canvas's plain-text rate-limit 403", () => {
    for (const result of [
      { body: 'TypeError: Failed to fetch' },
      { status: 408 },
      { status: 429 },
      { status: 500 },
      { status: 503 },
      { status: 403, body: '403 Forbidden (Rate Limit Exceeded)\n' },
    ]) {
      expect(judgeSend(result, 1, DEFAULT_RETRY, NOW, mid), JSON.stringify(result)).to.deep.equal({
        kind: 'retry',
        delayMs: 1000,
      });
    }
  });

  it('honours Retry-After, capped', () => {
    expect(judgeSend({ status: 429, retryAfter: '12' }, 1, DEFAULT_RETRY, NOW, mid)).to.deep.equal({
      kind: 'retry',
      delayMs: 12_000,
    });
    expect(judgeSend({ status: 503, retryAfter: '99999' }, 1, DEFAULT_RETRY, NOW, mid)).to.deep.equal({
      kind: 'retry',
      delayMs: 300_000,
    });
  });

  it('pauses on auth trouble and a missing submission, splits on content refusals', () => {
    const body =
      '{"status":"unauthorized","errors":[{"message":"user not authorized to perform that action"}]}';
    expect(judgeSend({ status: 401, body }, 1, DEFAULT_RETRY, NOW, mid)).to.deep.equal({
      kind: 'pause',
      code: 'unauthorized',
    });
    expect(judgeSend({ status: 403, body }, 1, DEFAULT_RETRY, NOW, mid)).to.deep.equal({
      kind: 'pause',
      code: 'unauthorized',
    });
    expect(judgeSend({ status: 404 }, 1, DEFAULT_RETRY, NOW, mid)).to.deep.equal({
      kind: 'pause',
      code: 'submission_not_found',
    });
    for (const status of [400, 413, 422]) {
      expect(judgeSend({ status }, 1, DEFAULT_RETRY, NOW, mid)).to.deep.equal({ kind: 'split' });
    }
    expect(judgeSend({ status: 204 }, 1, DEFAULT_RETRY, NOW, mid)).to.deep.equal({ kind: 'ok' });
  });
});
