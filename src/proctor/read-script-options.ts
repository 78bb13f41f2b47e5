import type { CanvasTypes, ProctorOptions } from './proctor-options.js';
import type { CaptureOptions } from '../capture/capture-options.js';
import { CAPTURE_DEFAULTS } from '../capture/resolve-capture-options.js';
import { checkOption } from '../errors/check-option.js';
import { ConfigError } from '../errors/config-error.js';

const TRUE_FALSE: Record<string, boolean> = { true: true, false: false, '': true };

function flag(value: string | undefined, attribute: string): boolean | undefined {
  if (value === undefined) return undefined;
  // Own keys only: `constructor` or `toString` is no flag value.
  const parsed = Object.hasOwn(TRUE_FALSE, value) ? TRUE_FALSE[value] : undefined;
  checkOption(parsed !== undefined, attribute, '"true" or "false"', value);
  return parsed;
}

function integer(value: string, attribute: string): number {
  checkOption(/^\d+$/.test(value), attribute, 'a whole number', value);
  return Number(value);
}

// A submission's three attributes come together; a missing one is named as the page author wrote
// it, not as the option it becomes.
function required(value: string | undefined, attribute: string): string {
  if (value === undefined) throw new ConfigError(attribute, 'is required');
  return value;
}

const dashed = (key: string) => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * Proctor options from a `<script>` tag's data attributes, for a tag with `data-course-id` or
 * `data-quiz-id` (a tag with neither leaves the start to the page: src/global.ts decides). Throws
 * {@link ConfigError} naming the attribute for a bad value.
 */
export function readScriptOptions(script: HTMLOrSVGScriptElement): ProctorOptions {
  const data = script.dataset;
  const options: ProctorOptions = { courseId: data.courseId ?? '', quizId: data.quizId ?? '' };
  if (data.baseUrl !== undefined) options.baseUrl = data.baseUrl;
  if (data.eventsUrl !== undefined) options.eventsUrl = data.eventsUrl;
  if (data.accessCode !== undefined) options.accessCode = data.accessCode;
  if (data.submissionId !== undefined || data.attempt !== undefined || data.validationToken !== undefined) {
    options.submission = {
      id: required(data.submissionId, 'data-submission-id'),
      attempt: integer(required(data.attempt, 'data-attempt'), 'data-attempt'),
      validationToken: required(data.validationToken, 'data-validation-token'),
    };
  }
  const autoComplete = flag(data.autoComplete, 'data-auto-complete');
  if (autoComplete !== undefined) options.autoComplete = autoComplete;
  if (data.canvasTypes !== undefined) options.canvasTypes = data.canvasTypes as CanvasTypes;
  if (data.flushIntervalMs !== undefined)
    options.flushIntervalMs = integer(data.flushIntervalMs, 'data-flush-interval-ms');
  // Every capture switch as data-capture-<name>="true|false" (data-capture-answers="true", …); none
  // is the same as no capture option.
  const capture: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!/^capture[A-Z]/.test(key)) continue;
    // A misspelt switch is the page author's mistake, said as the theme says a misspelt setting:
    // ignored, it would proctor with the default the author meant to change.
    if (
      !Object.hasOwn(CAPTURE_DEFAULTS, key) ||
      typeof CAPTURE_DEFAULTS[key as keyof CaptureOptions] !== 'boolean'
    )
      throw new ConfigError(dashed(key), 'is not a capture switch');
    const parsed = flag(value, dashed(key));
    if (parsed !== undefined) capture[key] = parsed;
  }
  options.capture = capture;
  return options;
}
