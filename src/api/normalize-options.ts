import { resolveCaptureOptions } from '../capture/resolve-capture-options.js';
import { ConfigError } from '../errors/config-error.js';
import type { ProctorOptions } from './proctor-options.js';
import { DEFAULTS, type ResolvedOptions } from './resolved-options.js';

const ID = /^\d+$/;

function canvasId(value: unknown, option: string): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !ID.test(text)) {
    throw new ConfigError(
      option,
      `must be a Canvas id (a positive integer or its string), got ${JSON.stringify(value)}`,
    );
  }
  return text;
}

function positiveInteger(value: unknown, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new ConfigError(option, `must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

function baseUrlOf(value: unknown): string {
  if (value === undefined) return location.origin;
  if (typeof value !== 'string') throw new ConfigError('baseUrl', 'must be a string URL');
  try {
    // Relative URLs resolve against the page, as a quiz page served by Canvas itself would use them.
    return new URL(value, location.href).href.replace(/\/+$/, '');
  } catch {
    throw new ConfigError('baseUrl', `is not a URL: ${JSON.stringify(value)}`);
  }
}

/** Validates options once, at the edge, and fills in defaults. Throws {@link ConfigError} naming the option. */
export function normalizeOptions(options: ProctorOptions): ResolvedOptions {
  if (typeof (options as unknown) !== 'object' || (options as unknown) === null) {
    throw new ConfigError('options', 'must be an object');
  }
  const auth = options.auth ?? { type: 'session' };
  if (auth.type === 'bearer') {
    if (typeof auth.token !== 'string' || auth.token === '') {
      throw new ConfigError('auth.token', 'must be a non-empty string for bearer auth');
    }
  } else if ((auth as { type: unknown }).type !== 'session') {
    throw new ConfigError('auth.type', `must be 'bearer' or 'session', got ${JSON.stringify(auth.type)}`);
  }
  const submission = options.submission;
  if (submission !== undefined) {
    canvasId(submission.id, 'submission.id');
    positiveInteger(submission.attempt, 'submission.attempt', 1);
    if (typeof submission.validationToken !== 'string' || submission.validationToken === '') {
      throw new ConfigError('submission.validationToken', 'must be a non-empty string');
    }
  }
  if (options.accessCode !== undefined && typeof options.accessCode !== 'string') {
    throw new ConfigError('accessCode', 'must be a string');
  }
  const capture = options.capture ?? {};
  if (typeof (capture as unknown) !== 'object' || (capture as unknown) === null) {
    throw new ConfigError('capture', 'must be an object');
  }
  // Bad selectors or durations throw now, in the caller's stack, not later inside start().
  resolveCaptureOptions(capture, document.createDocumentFragment());
  return {
    courseId: canvasId(options.courseId, 'courseId'),
    quizId: canvasId(options.quizId, 'quizId'),
    baseUrl: baseUrlOf(options.baseUrl),
    auth,
    submission:
      submission === undefined
        ? undefined
        : {
            id: String(submission.id),
            attempt: submission.attempt,
            validationToken: submission.validationToken,
          },
    accessCode: options.accessCode,
    capture,
    flushIntervalMs: positiveInteger(options.flushIntervalMs, 'flushIntervalMs', DEFAULTS.flushIntervalMs),
    maxBatchEvents: positiveInteger(options.maxBatchEvents, 'maxBatchEvents', DEFAULTS.maxBatchEvents),
    maxBatchBytes: positiveInteger(options.maxBatchBytes, 'maxBatchBytes', DEFAULTS.maxBatchBytes),
    maxStoredEvents: positiveInteger(options.maxStoredEvents, 'maxStoredEvents', DEFAULTS.maxStoredEvents),
    maxStoredBytes: positiveInteger(options.maxStoredBytes, 'maxStoredBytes', DEFAULTS.maxStoredBytes),
    retryBaseDelayMs: positiveInteger(
      options.retryBaseDelayMs,
      'retryBaseDelayMs',
      DEFAULTS.retryBaseDelayMs,
    ),
    retryMaxDelayMs: positiveInteger(options.retryMaxDelayMs, 'retryMaxDelayMs', DEFAULTS.retryMaxDelayMs),
    maxRetryAfterMs: positiveInteger(options.maxRetryAfterMs, 'maxRetryAfterMs', DEFAULTS.maxRetryAfterMs),
  };
}
