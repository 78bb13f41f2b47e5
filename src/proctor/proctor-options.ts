import type { CanvasAuth } from '../canvas/core/canvas-auth.js';
import type { CaptureOptions } from '../capture/capture-options.js';
import type { SubmissionRef } from '../session/submission-ref.js';

export type { CanvasAuth, SubmissionRef };

/** Who sends Canvas's own event types: see {@link ProctorOptions.canvasTypes}. */
export type CanvasTypes = 'auto' | 'always' | 'never';

/** Options of {@link createProctor}. */
export interface ProctorOptions {
  /** Canvas course id. */
  courseId: string | number;
  /** Canvas quiz id. */
  quizId: string | number;
  /**
   * Where Canvas is; a relative URL resolves against the page's `document.baseURI`.
   * @default the origin of `document.baseURI`
   */
  baseUrl?: string;
  /**
   * How to authenticate.
   * @default { type: 'session' }
   */
  auth?: CanvasAuth;
  /** Adopt this submission instead of starting one. */
  submission?: SubmissionRef;
  /**
   * What to capture and how to find questions on the page. Canvas's classic quiz markup needs
   * nothing; see docs/events.md for every event and the switch that turns it off.
   * @default {}
   */
  capture?: CaptureOptions;
  /**
   * Who sends Canvas's own types (`session_started`, `page_blurred`, `page_focused`,
   * `question_viewed`, `question_flagged`, `question_answered`): `'always'` this SDK, `'never'`
   * Canvas's own logger, `'auto'` this SDK unless Canvas's logger runs on the page (a Canvas take
   * page). Where they are not ours, focus is recorded as `window_blurred` / `window_focused`. On a
   * page where Canvas's logger runs, `'always'` sends each of those moments twice unless Canvas's
   * logger is kept off, as the theme file does (docs/canvas-theme.md).
   * @default 'auto'
   */
  canvasTypes?: CanvasTypes;
  /** The quiz's access code, sent when starting and completing a submission. */
  accessCode?: string;
  /**
   * Where to post events, when Canvas gave the page one (`ENV.QUIZ_SUBMISSION_EVENTS_URL`).
   * @default `${baseUrl}/api/v1/courses/:course_id/quizzes/:quiz_id/submissions/:id/events`
   */
  eventsUrl?: string;
  /**
   * Complete the attempt by itself when its time is up.
   * @default false
   */
  autoComplete?: boolean;
  /**
   * Seconds before the end at which `timeWarning` is emitted.
   * @default [300, 60]
   */
  timeWarningsSec?: number[];
  /**
   * How long `complete()` waits for pending events before completing anyway.
   * @default 10000
   */
  completeFlushTimeoutMs?: number;
  /**
   * How often pending events are sent while the page is visible.
   * @default 5000
   */
  flushIntervalMs?: number;
  /**
   * Most events in one request.
   * @default 200
   */
  maxBatchEvents?: number;
  /**
   * Most bytes in one request body; larger batches are split.
   * @default 60000
   */
  maxBatchBytes?: number;
  /**
   * Most events kept for an attempt that cannot deliver; past it, low-value events are dropped
   * first and the loss is recorded as an `events_dropped` event.
   * @default 20000
   */
  maxStoredEvents?: number;
  /**
   * Most bytes kept for an attempt, with the same overflow rule.
   * @default 10000000
   */
  maxStoredBytes?: number;
  /**
   * First retry delay; it doubles per consecutive failure, with ±20 % jitter.
   * @default 1000
   */
  retryBaseDelayMs?: number;
  /**
   * Longest retry delay.
   * @default 60000
   */
  retryMaxDelayMs?: number;
  /**
   * Longest wait a `Retry-After` header can impose.
   * @default 300000
   */
  retryAfterMaxMs?: number;
  /**
   * How often a `heartbeat` is recorded while the attempt runs (also at start, on hide and show,
   * and before complete); `capture.captureHeartbeat: false` turns heartbeats off.
   * @default 15000
   */
  heartbeatIntervalMs?: number;
  /**
   * The former name of `retryAfterMaxMs`, still accepted (giving both is a `ConfigError`).
   * @deprecated Use `retryAfterMaxMs`; this name goes in the next release.
   */
  maxRetryAfterMs?: number;
}
