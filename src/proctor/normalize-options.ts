import { resolveCaptureOptions } from '../capture/resolve-capture-options.js';
import { checkOption } from '../errors/check-option.js';
import { ConfigError } from '../errors/config-error.js';
import { isCanvasId } from './is-canvas-id.js';
import type { ProctorOptions } from './proctor-options.js';
import { DEFAULTS, type ResolvedOptions } from './resolved-options.js';

const isPositiveInteger = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) > 0;

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value !== '';

function canvasId(value: unknown, option: string): string {
  checkOption(isCanvasId(value), option, 'a Canvas id (digits)', value);
  return String(value);
}

/** `value`, or `fallback` when it is absent; without a fallback the option is required. */
function positiveInteger(value: unknown, option: string, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  checkOption(isPositiveInteger(value), option, 'a positive integer', value);
  return value;
}

// Absolute, against the page's own address: document.baseURI, not location, which reads
// `about:srcdoc` in a srcdoc iframe (and ignores a <base href>). Relative URLs resolve as a quiz
// page served by Canvas itself would use them.
function absoluteUrl(value: unknown, option: string): string {
  try {
    return new URL(value as string, document.baseURI).href;
  } catch {
    checkOption(false, option, 'a URL', value);
  }
}

/** Validates options once, at the edge, and fills in defaults. Throws {@link ConfigError} naming the option. */
export function normalizeOptions(options: ProctorOptions): ResolvedOptions {
  checkOption(typeof options === 'object' && (options as unknown) !== null, 'options', 'an object');
  const courseId = canvasId(options.courseId, 'courseId');
  const quizId = canvasId(options.quizId, 'quizId');
  // The default, `/`, is the origin of the page's base.
  const { baseUrl = '/', submission, eventsUrl, autoComplete = false } = options;
  checkOption(typeof baseUrl === 'string', 'baseUrl', 'a URL');
  const auth = options.auth ?? { type: 'session' };
  if (auth.type === 'bearer') checkOption(isNonEmptyString(auth.token), 'auth.token', 'a non-empty string');
  else
    checkOption(
      (auth as { type: unknown }).type === 'session',
      'auth.type',
      "'bearer' or 'session'",
      auth.type,
    );
  if (submission !== undefined) {
    canvasId(submission.id, 'submission.id');
    // Required: a guessed attempt would be accepted until completion, which Canvas then refuses.
    positiveInteger(submission.attempt, 'submission.attempt');
    checkOption(
      isNonEmptyString(submission.validationToken),
      'submission.validationToken',
      'a non-empty string',
    );
  }
  checkOption(
    options.accessCode === undefined || typeof options.accessCode === 'string',
    'accessCode',
    'a string',
  );
  checkOption(typeof autoComplete === 'boolean', 'autoComplete', 'a boolean', autoComplete);
  const canvasTypes = options.canvasTypes ?? 'auto';
  checkOption(
    ['auto', 'always', 'never'].includes(canvasTypes),
    'canvasTypes',
    "'auto', 'always' or 'never'",
    canvasTypes,
  );
  const warnings = options.timeWarningsSec ?? [300, 60];
  checkOption(
    Array.isArray(warnings) && warnings.every(isPositiveInteger),
    'timeWarningsSec',
    'an array of positive integers',
    warnings,
  );
  const given = options.capture ?? {};
  checkOption(typeof given === 'object' && (given as unknown) !== null, 'capture', 'an object');
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
    baseUrl: absoluteUrl(baseUrl, 'baseUrl').replace(/\/+$/, ''),
    auth,
    submission: submission && {
      id: String(submission.id),
      attempt: submission.attempt,
      validationToken: submission.validationToken,
    },
    accessCode: options.accessCode,
    eventsUrl: eventsUrl === undefined ? undefined : absoluteUrl(eventsUrl, 'eventsUrl'),
    autoComplete,
    canvasTypes,
    timeWarningsSec: [...warnings],
    capture,
  };
}
