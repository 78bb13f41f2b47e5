import { CAPTURE_DEFAULTS } from '../capture/resolve-capture-options.js';
import { checkOption } from '../errors/check-option.js';
import { ConfigError } from '../errors/config-error.js';
import type { ProctorOptions } from '../proctor/proctor-options.js';
import { isCanvasId } from '../proctor/is-canvas-id.js';
import { normalizeOptions } from '../proctor/normalize-options.js';
import { DEFAULTS } from '../proctor/resolved-options.js';
import { withOptionNames } from '../errors/with-option-names.js';
import { SDK_VERSION } from '../util/sdk-version.js';

/** The global a school sets at the top of its theme file, before the SDK (docs/canvas-theme.md). */
export const THEME_CONFIG_GLOBAL = 'QUIZ_PROCTOR_CONFIG';

/** A school's settings for the theme file: `window.QUIZ_PROCTOR_CONFIG`. */
export interface ThemeConfig extends Pick<
  ProctorOptions,
  | 'canvasTypes'
  | 'capture'
  | 'flushIntervalMs'
  | 'maxBatchEvents'
  | 'maxBatchBytes'
  | 'maxStoredEvents'
  | 'maxStoredBytes'
  | 'retryBaseDelayMs'
  | 'retryMaxDelayMs'
  | 'retryAfterMaxMs'
> {
  /** `false` turns the SDK off on every page. @default true */
  enabled?: boolean;
  /** Proctor only these courses' quizzes. @default every course */
  courses?: (string | number)[];
  /**
   * Where the teacher's log page loads the review panel's code from; `false`: no panel.
   * @default this version's file on jsDelivr ({@link DEFAULT_REVIEW_SCRIPT_URL})
   */
  reviewScriptUrl?: string | false;
}

/** The review file of this very version, where the npm registry's CDN serves it. */
export const DEFAULT_REVIEW_SCRIPT_URL = `https://cdn.jsdelivr.net/npm/quiz-proctor@${SDK_VERSION}/dist/quiz-proctor-review.iife.min.js`;

/** The settings after validation: what the theme passes to every proctor it starts. */
export interface ThemeSettings {
  enabled: boolean;
  courses: string[] | undefined;
  reviewScriptUrl: string | false;
  /** Options for `createProctor`, without the ids the page gives. */
  options: Omit<ProctorOptions, 'courseId' | 'quizId'>;
}

// The proctor options a school may set; the rest come from the page (ids, URLs, submission).
const PASSED_ON = new Set<string>(['canvasTypes', 'capture', ...Object.keys(DEFAULTS)]);
PASSED_ON.delete('completeFlushTimeoutMs');

/**
 * Validates a school's settings as strictly as `createProctor` validates its options, so a typo
 * (`captureClipbaord`) is reported instead of silently proctoring with the default. Throws
 * {@link ConfigError} naming the setting as the school wrote it.
 */
export function readThemeConfig(value: unknown = {}): ThemeSettings {
  checkOption(
    typeof value === 'object' && value !== null && !Array.isArray(value),
    THEME_CONFIG_GLOBAL,
    'an object',
  );
  const { enabled = true, courses, reviewScriptUrl: url, ...options } = value as Record<string, unknown>;
  const reviewScriptUrl = url ?? DEFAULT_REVIEW_SCRIPT_URL;
  return withOptionNames(
    (option) => `${THEME_CONFIG_GLOBAL}.${option}`,
    () => {
      for (const key of Object.keys(options))
        if (!PASSED_ON.has(key)) throw new ConfigError(key, 'is not a setting');
      checkOption(typeof enabled === 'boolean', 'enabled', 'a boolean');
      checkOption(
        courses === undefined || (Array.isArray(courses) && courses.every(isCanvasId)),
        'courses',
        'an array of Canvas course ids',
      );
      checkOption(
        reviewScriptUrl === false ||
          (typeof reviewScriptUrl === 'string' && /^https?:\/\/[^/]/i.test(reviewScriptUrl)),
        'reviewScriptUrl',
        'an http(s) URL or false',
      );
      // The same checks as every proctor's options, with ids that are always valid.
      normalizeOptions({ courseId: 1, quizId: 1, ...options });
      // Own keys only: `capture.toString` is no setting.
      for (const key of Object.keys(options.capture ?? {}))
        if (!Object.hasOwn(CAPTURE_DEFAULTS, key))
          throw new ConfigError(`capture.${key}`, 'is not a setting');
      return { enabled, courses: courses?.map(String), reviewScriptUrl, options };
    },
  );
}
