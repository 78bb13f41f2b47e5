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

/** `value`, or `fallback` when it is absent; without a fallback the option is required. */
function positiveInteger(value: unknown, option: string, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new ConfigError(option, `must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

// The page's own address for resolving relative URLs: document.baseURI, not location, which reads
// `about:srcdoc` in a srcdoc iframe (and ignores a <base href>).
const pageUrl = () => document.baseURI;

// The default, `/`, is the origin of the page's base.
function baseUrlOf(value: unknown = '/'): string {
  if (typeof value !== 'string') throw new ConfigError('baseUrl', 'must be a string URL');
  try {
    // Relative URLs resolve against the page, as a quiz page served by Canvas itself would use them.
    return new URL(value, pageUrl()).href.replace(/\/+$/, '');
  } catch {
    throw new ConfigError('baseUrl', `is not a URL: ${JSON.stringify(value)}`);
  }
}

/** Validates options once, at the edge, and fills in defaults. Throws {@link ConfigError} naming the option. */
export function normalizeOptions(options: ProctorOptions): ResolvedOptions {
  if (typeof (options as unknown) !== 'object' || (options as unknown) === null) {
    throw new ConfigError('options', 'must be an object');
  }
  const courseId = canvasId(options.courseId, 'courseId');
  const quizId = canvasId(options.quizId, 'quizId');
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
    // Required: a guessed attempt would be accepted until completion, which Canvas then refuses.
    positiveInteger(submission.attempt, 'submission.attempt');
    if (typeof submission.validationToken !== 'string' || submission.validationToken === '') {
      throw new ConfigError('submission.validationToken', 'must be a non-empty string');
    }
  }
  if (options.accessCode !== undefined && typeof options.accessCode !== 'string') {
    throw new ConfigError('accessCode', 'must be a string');
  }
  const eventsUrl = options.eventsUrl;
  if (eventsUrl !== undefined) {
    try {
      new URL(eventsUrl, pageUrl());
    } catch {
      throw new ConfigError('eventsUrl', `is not a URL: ${JSON.stringify(eventsUrl)}`);
    }
  }
  if (options.autoComplete !== undefined && typeof options.autoComplete !== 'boolean') {
    throw new ConfigError('autoComplete', 'must be a boolean');
  }
  const canvasTypes = options.canvasTypes ?? 'auto';
  if ((canvasTypes as string) !== 'auto' && canvasTypes !== 'always' && canvasTypes !== 'never') {
    throw new ConfigError(
      'canvasTypes',
      `must be 'auto', 'always' or 'never', got ${JSON.stringify(canvasTypes)}`,
    );
  }
  const warnings = options.timeWarningsSec ?? [300, 60];
  if (
    !Array.isArray(warnings) ||
    warnings.some((n) => typeof n !== 'number' || !Number.isInteger(n) || n <= 0)
  ) {
    throw new ConfigError('timeWarningsSec', 'must be an array of positive whole numbers of seconds');
  }
  const given = options.capture ?? {};
  if (typeof (given as unknown) !== 'object' || (given as unknown) === null) {
    throw new ConfigError('capture', 'must be an object');
  }
  // Resolved once, here: a bad capture option throws in the caller's stack, and changing the
  // caller's object later changes nothing.
  const capture = resolveCaptureOptions(given, document.createDocumentFragment());
  // `maxRetryAfterMs` is the deprecated name of `retryAfterMaxMs` (README, "Deprecated").
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- reading it is how it keeps working
  const { maxRetryAfterMs } = options;
  if (maxRetryAfterMs !== undefined && options.retryAfterMaxMs !== undefined) {
    throw new ConfigError('maxRetryAfterMs', 'is the deprecated name of `retryAfterMaxMs`: give only that');
  }
  const numbers = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    numbers[key] = positiveInteger(options[key], key, DEFAULTS[key]);
  }
  if (maxRetryAfterMs !== undefined) {
    numbers.retryAfterMaxMs = positiveInteger(maxRetryAfterMs, 'maxRetryAfterMs');
  }
  return {
    ...numbers,
    courseId,
    quizId,
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
    eventsUrl: eventsUrl === undefined ? undefined : new URL(eventsUrl, pageUrl()).href,
    autoComplete: options.autoComplete ?? false,
    canvasTypes,
    timeWarningsSec: [...warnings],
    capture,
  };
}
