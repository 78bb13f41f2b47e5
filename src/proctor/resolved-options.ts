import type { CaptureOptions } from '../capture/capture-options.js';
import type { CanvasAuth, SubmissionRef } from './proctor-options.js';

/** Options after validation and defaults: every field present, ids as strings, URLs absolute. */
export interface ResolvedOptions {
  courseId: string;
  quizId: string;
  baseUrl: string;
  auth: CanvasAuth;
  submission: SubmissionRef | undefined;
  accessCode: string | undefined;
  eventsUrl: string | undefined;
  autoComplete: boolean;
  timeWarningsSec: number[];
  completeFlushTimeoutMs: number;
  capture: CaptureOptions;
  flushIntervalMs: number;
  maxBatchEvents: number;
  maxBatchBytes: number;
  maxStoredEvents: number;
  maxStoredBytes: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  maxRetryAfterMs: number;
}

export const DEFAULTS = {
  flushIntervalMs: 5000,
  completeFlushTimeoutMs: 10_000,
  // Canvas's own page re-reads the time left about once a minute.
  timeCheckIntervalMs: 60_000,
  maxBatchEvents: 200,
  maxBatchBytes: 60_000,
  maxStoredEvents: 20_000,
  maxStoredBytes: 10_000_000,
  retryBaseDelayMs: 1000,
  retryMaxDelayMs: 60_000,
  maxRetryAfterMs: 300_000,
} as const;
