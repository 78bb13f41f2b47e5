import type { CanvasTypes, ProctorOptions } from './proctor-options.js';
import { ConfigError } from '../errors/config-error.js';

const TRUE_FALSE: Record<string, boolean> = { true: true, false: false, '': true };

function flag(value: string | undefined, attribute: string): boolean | undefined {
  if (value === undefined) return undefined;
  const parsed = TRUE_FALSE[value];
  if (parsed === undefined)
    throw new ConfigError(attribute, `must be "true" or "false", got ${JSON.stringify(value)}`);
  return parsed;
}

function integer(value: string, attribute: string): number {
  if (!/^\d+$/.test(value))
    throw new ConfigError(attribute, `must be a whole number, got ${JSON.stringify(value)}`);
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
 * Proctor options from a `<script>` tag's data attributes, or undefined when the tag has no
 * `data-course-id`/`data-quiz-id` (then the page starts the SDK itself). Throws {@link ConfigError}
 * naming the attribute for a bad value.
 */
export function readScriptOptions(script: HTMLOrSVGScriptElement): ProctorOptions | undefined {
  const data = script.dataset;
  if (data.courseId === undefined && data.quizId === undefined) return undefined;
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
  // Every capture switch as data-capture-<name>="true|false" (data-capture-answers="true", …).
  const capture: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!/^capture[A-Z]/.test(key)) continue;
    const parsed = flag(value, dashed(key));
    if (parsed !== undefined) capture[key] = parsed;
  }
  if (Object.keys(capture).length > 0) options.capture = capture;
  return options;
}
