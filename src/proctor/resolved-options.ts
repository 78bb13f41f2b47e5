import type { ResolvedCaptureOptions } from '../capture/resolve-capture-options.js';
import { DEFAULT_RETRY } from '../deliver/retry-policy.js';
import type { CanvasAuth, CanvasTypes, SubmissionRef } from './proctor-options.js';

/** The defaults of the options that are a positive whole number, by option name. */
export const DEFAULTS = {
  completeFlushTimeoutMs: 10_000,
  flushIntervalMs: 5000,
  maxBatchEvents: 200,
  maxBatchBytes: 60_000,
  maxStoredEvents: 20_000,
  maxStoredBytes: 10_000_000,
  // The retry policy's own defaults, so the two cannot drift apart.
  retryBaseDelayMs: DEFAULT_RETRY.baseDelayMs,
  retryMaxDelayMs: DEFAULT_RETRY.maxDelayMs,
  retryAfterMaxMs: DEFAULT_RETRY.retryAfterMaxMs,
  heartbeatIntervalMs: 15_000,
};

/** Options after validation and defaults: every field present, ids as strings, URLs absolute. */
export interface ResolvedOptions extends Record<keyof typeof DEFAULTS, number> {
  courseId: string;
  quizId: string;
  baseUrl: string;
  auth: CanvasAuth;
  submission: SubmissionRef | undefined;
  accessCode: string | undefined;
  eventsUrl: string | undefined;
  autoComplete: boolean;
  canvasTypes: CanvasTypes;
  timeWarningsSec: number[];
  capture: ResolvedCaptureOptions;
}
