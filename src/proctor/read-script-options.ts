import type { ProctorOptions } from './proctor-options.js';
import type { CaptureOptions } from '../capture/capture-options.js';
import { CAPTURE_DEFAULTS } from '../capture/resolve-capture-options.js';
import { checkOption } from '../errors/check-option.js';
import { ConfigError } from '../errors/config-error.js';

const TRUE_FALSE: Record<string, boolean> = { true: true, false: false, '': true };

// The attribute of a dataset key, as the page author wrote it: `flushIntervalMs` is
// `data-flush-interval-ms`.
const dashed = (key: string) => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * Proctor options from a `<script>` tag's data attributes, for a tag with `data-course-id` or
 * `data-quiz-id` (a tag with neither leaves the start to the page: src/global.ts decides). Throws
 * {@link ConfigError} naming the attribute for a bad value.
 */
export function readScriptOptions(script: HTMLOrSVGScriptElement): ProctorOptions {
  const data = script.dataset;
  // Each reader takes the option's name and names a bad value by its attribute.
  // A submission's three attributes come together: a missing one is required.
  const required = (key: string): string => {
    const value = data[key];
    if (value === undefined) throw new ConfigError(dashed(key), 'is required');
    return value;
  };
  const integer = (key: string): number => {
    const value = required(key);
    checkOption(/^\d+$/.test(value), dashed(key), 'a whole number', value);
    return Number(value);
  };
  const flag = (key: string): boolean | undefined => {
    const value = data[key];
    if (value === undefined) return undefined;
    // Own keys only: `constructor` or `toString` is no flag value.
    const parsed = Object.hasOwn(TRUE_FALSE, value) ? TRUE_FALSE[value] : undefined;
    checkOption(parsed !== undefined, dashed(key), '"true" or "false"', value);
    return parsed;
  };

  const options: ProctorOptions = { courseId: data.courseId ?? '', quizId: data.quizId ?? '' };
  // As written: createProctor checks them.
  for (const key of ['baseUrl', 'eventsUrl', 'accessCode', 'canvasTypes'])
    if (data[key] !== undefined) (options as unknown as Record<string, string>)[key] = data[key];
  if (data.submissionId !== undefined || data.attempt !== undefined || data.validationToken !== undefined) {
    options.submission = {
      id: required('submissionId'),
      attempt: integer('attempt'),
      validationToken: required('validationToken'),
    };
  }
  const autoComplete = flag('autoComplete');
  if (autoComplete !== undefined) options.autoComplete = autoComplete;
  if (data.flushIntervalMs !== undefined) options.flushIntervalMs = integer('flushIntervalMs');
  // Every capture switch as data-capture-<name>="true|false" (data-capture-answers="true", …); none
  // is the same as no capture option.
  const capture: Record<string, boolean> = {};
  for (const key of Object.keys(data)) {
    if (!/^capture[A-Z]/.test(key)) continue;
    // A misspelt switch is the page author's mistake, said as the theme says a misspelt setting:
    // ignored, it would proctor with the default the author meant to change.
    if (
      !Object.hasOwn(CAPTURE_DEFAULTS, key) ||
      typeof CAPTURE_DEFAULTS[key as keyof CaptureOptions] !== 'boolean'
    )
      throw new ConfigError(dashed(key), 'is not a capture switch');
    const parsed = flag(key);
    if (parsed !== undefined) capture[key] = parsed;
  }
  options.capture = capture;
  return options;
}
