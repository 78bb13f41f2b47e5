// A false alert costs a student more than a missed one: everything normal in an attempt (departures,
// a reload, offline stretches, a slow network, copies of an ambiguous send, Canvas's logger beside
// ours, the SDK sending Canvas's types itself, losses the page reported) must raise no alert.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeAttempt } from '../../dist/review.js';
import { CANVAS_LOGGER_TYPES, NOTHING, assertReview, fixture, isNumbered } from './fixture.js';

const CLEAN_SUMMARY = {
  ...NOTHING,
  awayMs: 57510,
  departures: 3,
  longestDepartureMs: 30000,
  hiddenMs: 12490,
  hiddenCount: 1,
  offlineMs: 15000,
  fullscreenExits: 1,
  copies: 1,
  cuts: 1,
  pastes: 1,
  contextMenus: 1,
  prints: 1,
  shortcuts: 1,
  questionsViewed: 3,
  flags: 1,
  pageLoads: 2,
  duplicates: 2,
};

test("a clean attempt beside Canvas's logger, with a reload, offline and copies: every figure, no finding", () => {
  assertReview('clean-attempt', CLEAN_SUMMARY);
});

test('the order Canvas returns the events in does not change the review', () => {
  const { events, submission } = fixture('clean-attempt');
  const expected = analyzeAttempt({ events, submission });
  const reversed = [...events].reverse();
  const interleaved = [...events.filter((_, i) => i % 2 === 1), ...events.filter((_, i) => i % 2 === 0)];
  assert.deepEqual(analyzeAttempt({ events: reversed, submission }), expected);
  assert.deepEqual(analyzeAttempt({ events: interleaved, submission }), expected);
});

test('every send of ours arriving twice (exact copies, later, other ids) is counted once', () => {
  const { events, submission } = fixture('clean-attempt');
  const copies = events
    .filter(isNumbered)
    .map((event, i) => ({ ...event, id: String(9000 + i), created_at: '2030-01-15T10:25:00Z' }));
  const review = analyzeAttempt({ events: [...events, ...copies], submission });
  assert.deepEqual(review, { summary: { ...CLEAN_SUMMARY, duplicates: 2 + copies.length }, findings: [] });
});

test('ids as numbers or strings, in the events and the submission, make no difference', () => {
  const { events, submission } = fixture('clean-attempt');
  const numbered = events.map((event) => ({ ...event, id: Number(event.id) }));
  const stringIds = { ...submission, id: '7', quiz_id: '2', user_id: '3' };
  assert.deepEqual(analyzeAttempt({ events: numbered, submission: stringIds }), {
    summary: CLEAN_SUMMARY,
    findings: [],
  });
});

test("the same attempt where Canvas's logger did not run has no alert either", () => {
  const { events, submission } = fixture('clean-attempt');
  const ours = events.filter((event) => !CANVAS_LOGGER_TYPES.has(event.event_type));
  assert.deepEqual(analyzeAttempt({ events: ours, submission }), {
    summary: { ...CLEAN_SUMMARY, questionsViewed: 0, flags: 0 },
    findings: [],
  });
});

// The SDK sending Canvas's types itself, where the server gives client_timestamp (the demo server).
const SDK_SENDS_CANVAS_TYPES = {
  awayMs: 34510,
  departures: 2,
  longestDepartureMs: 30010,
  hiddenMs: 29990,
  hiddenCount: 1,
  copies: 1,
  questionsViewed: 3,
  flags: 1,
  pageLoads: 1,
};

test("the SDK sending Canvas's types itself skips seqs of ours without an alert; lengths from client_timestamp", () => {
  assertReview('sdk-sends-canvas-types', SDK_SENDS_CANVAS_TYPES);
});

test('the same log from real Canvas (no client_timestamp): no alert, departures counted, lengths null', () => {
  const { events, submission } = fixture('sdk-sends-canvas-types');
  const real = events.map((event) => {
    const copy = { ...event };
    delete copy.client_timestamp;
    delete copy.attempt;
    return copy;
  });
  const { summary, findings } = analyzeAttempt({ events: real, submission });
  assert.deepEqual(findings, []);
  assert.deepEqual(
    { ...summary, notes: summary.notes.length },
    {
      ...NOTHING,
      ...SDK_SENDS_CANVAS_TYPES,
      awayMs: null,
      unmeasuredDepartures: 2,
      longestDepartureMs: null,
      notes: 1,
    },
  );
  assert.match(
    summary.notes[0],
    /page_blurred \(2\).*no client_timestamp.*created_at is when a batch arrived/,
  );
});

test('holes the page reported as events_dropped (its store overflowed offline) are no alert', () => {
  assertReview('dropped-explained', {
    awayMs: 20000,
    departures: 1,
    longestDepartureMs: 20000,
    offlineMs: 900000,
    pageLoads: 1,
    droppedEvents: 6,
  });
});

test('holes another page load reported as events_dropped are no alert: the attempt has one store', () => {
  assertReview('dropped-by-another-tab', {
    awayMs: 6000,
    departures: 1,
    longestDepartureMs: 6000,
    offlineMs: 300000,
    pageLoads: 2,
    droppedEvents: 2,
  });
});

test('while the attempt is still being taken, numbers not arrived yet are a note, not an alert', () => {
  const { events, submission } = fixture('seq-holes');
  const { summary, findings } = analyzeAttempt({
    events,
    submission: { ...submission, workflow_state: 'untaken' },
  });
  assert.deepEqual(findings, []);
  assert.deepEqual(summary.notes, [
    'The attempt is still being taken: tab q1w2e3r4 has 4 numbered events not arrived yet (seq 4–6, 9); they may still be on their way, so events_missing is judged once the attempt is submitted.',
  ]);
});
