import type { AnalyzeAttemptInput } from './analyze-attempt-input.js';
import type { AttemptReview, Finding } from './attempt-review.js';
import { countEvents } from './count-events.js';
import { dedupeEvents } from './dedupe-events.js';
import { findIntegrity } from './find-integrity.js';
import { findMissingEvents } from './find-missing-events.js';
import { findUncountedEvents } from './find-uncounted-events.js';
import { findSecondTabs } from './find-second-tabs.js';
import { findStorageResets } from './find-storage-resets.js';
import { readEvents } from './read-events.js';
import { ofType, type ReviewEvent } from './review-event.js';
import { summarizeDepartures } from './summarize-departures.js';
import { validateInput } from './validate-input.js';

const MAX_SKIPPED_LISTED = 10;
// The SDK's default (`heartbeatIntervalMs`), for logs reviewed without saying it.
const DEFAULT_HEARTBEAT_INTERVAL_MS = 15_000;

/**
 * Reviews one attempt from its captured events, as Canvas's "Retrieve captured events" returns
 * them (every page, concatenated) and its quiz submission: the attempt in figures, and what a
 * reviewer should look at. A clean attempt (departures, reloads, offline stretches, a slow network,
 * copies of an ambiguous send, Canvas's own logger beside ours) has no alert. Pure: no DOM, no
 * Node API, no network; the same input gives the same review.
 *
 * @throws {ReviewInputError} (a `TypeError`) when `events` is not an array, `submission` is not an
 * object, or `heartbeatIntervalMs` is not a positive number. A malformed event does not throw: it is
 * left out and said in `summary.notes`.
 * @example
 * ```ts
 * import { analyzeAttempt } from 'quiz-proctor/review';
 *
 * const { summary, findings } = analyzeAttempt({ events, submission });
 * summary.awayMs; // 27500, or null where only Canvas's own events are there, without timestamps
 * findings.filter((finding) => finding.severity === 'alert'); // [] for a clean attempt
 * ```
 */
export function analyzeAttempt(input: AnalyzeAttemptInput): AttemptReview {
  return reviewAttempt(input).review;
}

/**
 * `analyzeAttempt`, with the events it read (checked, copies removed) handed back too: the timeline
 * draws the very events the figures count, without reading the log a second time.
 */
export function reviewAttempt(input: AnalyzeAttemptInput): {
  review: AttemptReview;
  events: ReviewEvent[];
  submission: Record<string, unknown>;
} {
  const { items, submission } = validateInput(input);
  const read = readEvents(items);
  const { events, duplicates, conflicts } = dedupeEvents(read.events);
  const { notes: departureNotes, ...departures } = summarizeDepartures(events);
  const counts = countEvents(events);
  const missing = findMissingEvents(events, read.unreadable, submission.workflow_state === 'untaken');
  const findings: Finding[] = [
    ...missing.findings,
    ...findUncountedEvents(events),
    // Heartbeats are expected where the reviewer says the attempt ran an SDK that records them
    // (heartbeatIntervalMs given), or where any page load of the attempt sent one: a log from before
    // heartbeats, or Canvas's alone, is not silent on purpose.
    ...findIntegrity(events, {
      intervalMs: input.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS,
      expectHeartbeats: input.heartbeatIntervalMs !== undefined || ofType(events, 'heartbeat').length > 0,
    }),
    ...findSecondTabs(events),
    ...findStorageResets(events),
  ];
  const notes = [
    ...skippedNotes(read.skipped),
    ...conflicts,
    ...logNotes(events.length, counts.pageLoads),
    ...departureNotes,
    ...missing.notes,
  ];
  return {
    review: { summary: { ...departures, ...counts, duplicates, notes }, findings },
    events,
    submission,
  };
}

function skippedNotes(skipped: readonly string[]): string[] {
  if (skipped.length === 0) return [];
  const listed = skipped.slice(0, MAX_SKIPPED_LISTED).join('; ');
  const more =
    skipped.length > MAX_SKIPPED_LISTED ? `; and ${String(skipped.length - MAX_SKIPPED_LISTED)} more` : '';
  return [
    `${String(skipped.length)} malformed ${skipped.length === 1 ? 'event was' : 'events were'} left out: ${listed}${more}.`,
  ];
}

function logNotes(eventCount: number, pageLoads: number): string[] {
  if (eventCount === 0) return ['The log holds no events.'];
  if (pageLoads > 0) return [];
  return [
    "The log holds no quiz-proctor events, only Canvas's own: page loads, hidden time, clipboard, fullscreen, printing, shortcuts, offline time, second tabs and losses are not recorded, and missing events cannot be judged.",
  ];
}
