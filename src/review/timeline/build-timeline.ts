import type { AnalyzeAttemptInput } from '../analyze-attempt-input.js';
import { reviewAttempt } from '../analyze-attempt.js';
import { buildLanes } from './build-lanes.js';
import { placeEvents } from './place-events.js';
import type { TimelineBadge, TimelineModel, TimeSource } from './timeline-model.js';

// More question lanes than this would not fit one printed page; the rest are said in a note.
const MAX_QUESTION_LANES = 40;

const parse = (iso: unknown): number | null => {
  const ms = typeof iso === 'string' ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? null : ms;
};

const PLACEMENT: Record<TimeSource, string | null> = {
  client: null,
  received:
    "No event has a client_timestamp (Canvas's API does not return it): events are placed by created_at, when Canvas stored the batch that carried them, seconds or more after they happened, and shared by a whole batch. Stretches have the lengths the page measured (away_ms, hidden_ms, offline_ms, fullscreen_ms) and are drawn ending at the event that reported them.",
  mixed: null,
};

/** The whole drawing of one attempt: the review's figures and findings, and the events on lanes. */
export function buildTimeline(input: AnalyzeAttemptInput & { title?: string }): TimelineModel {
  const { review, events, submission } = reviewAttempt(input);
  const { rows, timeSource } = placeEvents(events);
  const { lanes, questionsLeftOut } = buildLanes(rows, MAX_QUESTION_LANES);
  const badges: TimelineBadge[] = review.findings.map((finding) => {
    const at = parse(finding.at);
    return { finding, ms: at ?? parse(finding.receivedAt), byReceived: at === null };
  });
  const moments = [
    parse(submission.started_at),
    parse(submission.finished_at),
    ...rows.map((row) => row.ms),
    ...lanes.flatMap((lane) => lane.spans.map((span) => span.startMs)),
    ...badges.map((badge) => badge.ms),
  ].filter((ms): ms is number => ms !== null);
  // reduce, not Math.min(...): a long log's moments would exceed the engine's argument limit.
  const startMs = moments.length > 0 ? moments.reduce((a, b) => Math.min(a, b)) : 0;
  // An axis of at least a second: a log of one moment still has somewhere to draw it.
  const endMs = moments.reduce((a, b) => Math.max(a, b), startMs + 1000);
  const untimed = rows.filter((row) => row.ms === null).length;
  const byReceived = rows.filter((row) => row.byReceived && row.ms !== null).length;
  const notes = [
    PLACEMENT[timeSource] ??
      (timeSource === 'mixed'
        ? `${String(byReceived)} event(s) without a client_timestamp (Canvas's server's own, such as submission_created, have none) are placed by created_at, when Canvas stored them, after they happened (their time reads ≤); the others by client_timestamp.`
        : null),
    untimed > 0
      ? `${String(untimed)} event(s) have neither client_timestamp nor created_at: listed below, not drawn.`
      : null,
    questionsLeftOut > 0
      ? `${String(questionsLeftOut)} more question(s) are not drawn (${String(MAX_QUESTION_LANES)} lanes at most, to fit one page); their events are listed below.`
      : null,
  ].filter((note): note is string => note !== null);
  return {
    title: input.title ?? defaultTitle(submission),
    startMs,
    endMs,
    timeSource,
    rows,
    lanes,
    badges,
    review,
    notes,
  };
}

function defaultTitle(submission: Record<string, unknown>): string {
  const id = submission.id;
  const attempt = submission.attempt;
  const name = typeof id === 'string' || typeof id === 'number' ? `Submission ${String(id)}` : 'Attempt';
  return typeof attempt === 'string' || typeof attempt === 'number'
    ? `${name}, attempt ${String(attempt)}`
    : name;
}
