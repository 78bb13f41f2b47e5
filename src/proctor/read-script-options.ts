import type { ProctorOptions } from './proctor-options.js';
import type { CaptureOptions } from '../capture/capture-options.js';
import { CAPTURE_DEFAULTS } from '../capture/resolve-capture-options.js';
import { ConfigError } from '../errors/config-error.js';
import { withOptionNames } from '../errors/with-option-names.js';
import { normalizeOptions } from './normalize-options.js';
import type { ResolvedOptions } from './resolved-options.js';

const TRUE_FALSE: Record<string, boolean> = { true: true, false: false, '': true };

// The attribute of an option, as the page author wrote it: `flushIntervalMs` is
// `data-flush-interval-ms`, `capture.captureClipboard` is `data-capture-clipboard`, and a
// submission's fields are `data-submission-id`, `data-attempt` and `data-validation-token`.
function attributeOf(option: string): string {
  const key = option === 'submission.id' ? 'submissionId' : option.replace(/.*\./, '');
  return `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

// Digits become a number; anything else stays as written, for the check to show.
const wholeNumber = (text: string | undefined) =>
  text !== undefined && /^\d+$/.test(text) ? Number(text) : text;

/**
 * Proctor options from a `<script>` tag's data attributes, for a tag with `data-course-id` or
 * `data-quiz-id` (a tag with neither leaves the start to the page: src/global.ts decides), checked
 * as `createProctor` checks its options. Throws {@link ConfigError} naming the attribute for a bad value.
 */
export function readScriptOptions(script: HTMLOrSVGScriptElement): ResolvedOptions {
  const data = script.dataset;
  // Anything but true, false or nothing stays as written, for the check to refuse and show. Own keys
  // only: `constructor` or `toString` is no flag value.
  const flag = (key: string) => {
    const value = data[key];
    return value !== undefined && Object.hasOwn(TRUE_FALSE, value) ? TRUE_FALSE[value] : value;
  };

  return withOptionNames(attributeOf, () => {
    // As written: normalizeOptions checks them.
    const options = { courseId: data.courseId ?? '', quizId: data.quizId ?? '' } as Record<string, unknown>;
    for (const key of ['baseUrl', 'eventsUrl', 'accessCode', 'canvasTypes']) options[key] = data[key];
    // A submission's three attributes come together: a missing one is refused by its attribute.
    if (data.submissionId !== undefined || data.attempt !== undefined || data.validationToken !== undefined) {
      options.submission = {
        id: data.submissionId,
        attempt: wholeNumber(data.attempt),
        validationToken: data.validationToken,
      };
    }
    options.autoComplete = flag('autoComplete');
    options.flushIntervalMs = wholeNumber(data.flushIntervalMs);
    // Every capture switch as data-capture-<name>="true|false" (data-capture-answers="true", …); none
    // is the same as no capture option.
    const capture: Record<string, unknown> = {};
    for (const key of Object.keys(data)) {
      if (!/^capture[A-Z]/.test(key)) continue;
      // A misspelt switch is the page author's mistake, said as the theme says a misspelt setting:
      // ignored, it would proctor with the default the author meant to change.
      if (
        !Object.hasOwn(CAPTURE_DEFAULTS, key) ||
        typeof CAPTURE_DEFAULTS[key as keyof CaptureOptions] !== 'boolean'
      )
        throw new ConfigError(key, 'is not a capture switch');
      capture[key] = flag(key);
    }
    options.capture = capture;
    return normalizeOptions(options as unknown as ProctorOptions);
  });
}
