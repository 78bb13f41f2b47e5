import type { AttemptReview, Finding } from '../attempt-review.js';
import type { ReviewEvent } from '../review-event.js';

/**
 * Where the events' moments come from: the page's `client_timestamp` (the demo server, a
 * re-export), Canvas's `created_at` (real Canvas: when the batch arrived), or both.
 */
export type TimeSource = 'client' | 'received' | 'mixed';

/** One event of the log, placed: the events table's rows, in time order (newest last). */
export interface TimelineRow {
  /** Its row in the events table, and how marks point at it. */
  index: number;
  event: ReviewEvent;
  /** Its moment in ms since the epoch (`client_timestamp`, else `created_at`); null where it has neither. */
  ms: number | null;
  /** Whether `ms` is `created_at`: when Canvas stored it, after it happened. */
  byReceived: boolean;
}

/** A stretch the page measured itself: away, hidden, offline, in fullscreen. */
export type SpanKind = 'away' | 'hidden' | 'offline' | 'fullscreen';

/** A stretch drawn as a shaded bar, ending at the event that reported its length. */
export interface TimelineSpan {
  kind: SpanKind;
  startMs: number;
  durationMs: number;
  /** The row of the event that gave the length (`window_focused`, `page_visible`, …). */
  row: number;
}

/** What a mark stands for: each has its own glyph, so a mark never relies on colour. */
export type MarkKind =
  | 'left'
  | 'back'
  | 'hidden'
  | 'disconnected'
  | 'fullscreen_entered'
  | 'copied'
  | 'cut'
  | 'pasted'
  | 'context_menu'
  | 'print'
  | 'shortcut'
  | 'resized'
  | 'viewed'
  | 'answered'
  | 'flagged'
  | 'unflagged';

/** A moment on a lane: one event. */
export interface TimelineMark {
  kind: MarkKind;
  ms: number;
  row: number;
}

export interface TimelineLane {
  /** Stable name for styles and tests: `focus`, `visibility`, `network`, `fullscreen`, `actions`, `question-<id>`. */
  id: string;
  label: string;
  spans: TimelineSpan[];
  marks: TimelineMark[];
}

/** A finding placed on the axis: at its `at`, else at its `receivedAt` (an upper bound), else nowhere. */
export interface TimelineBadge {
  finding: Finding;
  ms: number | null;
  byReceived: boolean;
}

/** Everything the renderer draws, computed once from the log. */
export interface TimelineModel {
  title: string;
  startMs: number;
  endMs: number;
  timeSource: TimeSource;
  rows: TimelineRow[];
  lanes: TimelineLane[];
  badges: TimelineBadge[];
  review: AttemptReview;
  /** What the drawing itself leaves out or places approximately, in words. */
  notes: string[];
}
