/**
 * What a finding is about.
 * - `events_missing` (alert): a page load's numbered events that never reached Canvas, beyond
 *   what the log itself accounts for, or fewer than a page load's last heartbeat counted.
 * - `heartbeat_gap` (alert): a page load, or the whole attempt, ran without a heartbeat for more
 *   than twice the interval.
 * - `tamper_suspected` (alert): the page sampled a departure that no event reported.
 * - `clock_jump` (notice): a stalled page (`page_stalled`) or a clock that moved between beats.
 * - `second_tab` (notice): a second page of the attempt was open at the same time.
 * - `storage_reset` (notice): a page's store was deleted, reopened or closed under it, or failed
 *   so that it kept its events in memory.
 */
export type FindingCode =
  'events_missing' | 'second_tab' | 'storage_reset' | 'heartbeat_gap' | 'tamper_suspected' | 'clock_jump';

/** `alert`: a reviewer should look; `notice`: worth knowing, normal on its own. */
export type FindingSeverity = 'alert' | 'notice';

/** One thing the log shows that a reviewer should know about. */
export interface Finding {
  code: FindingCode;
  severity: FindingSeverity;
  /**
   * When it happened on the student's clock: the event's `client_timestamp`. `null` where the log
   * has none (real Canvas never returns it) or the finding is about something that never arrived.
   */
  at: string | null;
  /**
   * When Canvas stored the batch that carried the evidence (`created_at`): an upper bound on when it
   * happened, often seconds and possibly days later, never the moment itself. `null` where no event is
   * the evidence.
   */
  receivedAt: string | null;
  /** One or two sentences for a person: which page load (`tab`), what, and why it counts. */
  detail: string;
}

/** The attempt in figures. Durations are in ms; counts count events after duplicates are removed. */
export interface AttemptSummary {
  /**
   * Total time the window was away, over the departures whose length is known. `null` where no
   * length can be known (only Canvas's `page_blurred`/`page_focused`, without `client_timestamp`).
   */
  awayMs: number | null;
  /** How many times the window was left (`window_blurred`, else Canvas's `page_blurred`). */
  departures: number;
  /** Departures whose length is unknown: still open at the end, or no return recorded. */
  unmeasuredDepartures: number;
  /** The longest departure whose length is known; `null` as for `awayMs`. */
  longestDepartureMs: number | null;
  /** Total time the page was hidden and then shown again (`page_visible.hidden_ms`). */
  hiddenMs: number;
  /** How many times the page was hidden and shown again. */
  hiddenCount: number;
  /** Total time offline (`network_reconnected.offline_ms`). */
  offlineMs: number;
  fullscreenExits: number;
  copies: number;
  cuts: number;
  pastes: number;
  contextMenus: number;
  prints: number;
  shortcuts: number;
  /** Distinct question ids over every `question_viewed`. */
  questionsViewed: number;
  /** `question_flagged` events that set a flag. */
  flags: number;
  /** Distinct page loads (`tab`) of the SDK. */
  pageLoads: number;
  /** Distinct pages announced by `second_tab_opened` while another was open. */
  secondTabs: number;
  /** Events the page's store dropped on overflow and said so (`events_dropped.count`, summed). */
  droppedEvents: number;
  /** Copies removed (see docs/review.md, "Duplicates"). */
  duplicates: number;
  /** What the log lacks or could not say, in words: never a guess. */
  notes: string[];
}

/** What `analyzeAttempt` returns. */
export interface AttemptReview {
  summary: AttemptSummary;
  /** Alerts first, then notices; empty for a clean attempt. */
  findings: Finding[];
}
