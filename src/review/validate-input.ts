import { isMs, isObject } from './event-shapes.js';
import { ReviewInputError } from './review-input-error.js';

const describe = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'number'
        ? String(value)
        : typeof value;

/** The input's shape, checked once at the edge: a wrong one is the caller's bug, thrown at once. */
export function validateInput(input: unknown): {
  items: readonly unknown[];
  submission: Record<string, unknown>;
} {
  if (!isObject(input))
    throw new ReviewInputError(
      'input',
      `analyzeAttempt expects { events, submission }, got ${describe(input)}`,
    );
  const { events, submission, heartbeatIntervalMs } = input;
  if (!Array.isArray(events))
    throw new ReviewInputError(
      'events',
      isObject(events) && Array.isArray(events.quiz_submission_events)
        ? "events must be the quiz_submission_events array of every page of Canvas's answer, concatenated, not the answer itself"
        : `events must be the array of events Canvas returned, got ${describe(events)}`,
    );
  if (!isObject(submission))
    throw new ReviewInputError(
      'submission',
      `submission must be Canvas's quiz submission object, got ${describe(submission)}`,
    );
  if (Array.isArray(submission.quiz_submissions))
    throw new ReviewInputError(
      'submission',
      "submission must be one quiz submission, not Canvas's { quiz_submissions: [...] } answer",
    );
  if (heartbeatIntervalMs !== undefined && !(isMs(heartbeatIntervalMs) && heartbeatIntervalMs > 0))
    throw new ReviewInputError(
      'heartbeatIntervalMs',
      `heartbeatIntervalMs must be a positive number of ms, got ${describe(heartbeatIntervalMs)}`,
    );
  return { items: events, submission };
}
