// The edge: a wrong input is the caller's bug and throws at once, naming the field; a malformed event
// inside a good log never throws, it is left out and said.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReviewInputError, analyzeAttempt } from '../../dist/review.js';
import { NOTHING, assertReview, fixture } from './fixture.js';

const submission = fixture('clean-attempt').submission;

const throwsFor = (field, input, message) =>
  assert.throws(
    () => analyzeAttempt(input),
    (error) => {
      assert.ok(error instanceof ReviewInputError);
      assert.ok(error instanceof TypeError);
      assert.equal(error.name, 'ReviewInputError');
      assert.equal(error.field, field);
      assert.match(error.message, message);
      return true;
    },
  );

test('events that are not an array throw a TypeError naming events', () => {
  throwsFor('events', { submission }, /^events must be the array of events Canvas returned, got undefined$/);
  throwsFor('events', { events: 'x', submission }, /got string$/);
  throwsFor('events', { events: null, submission }, /got null$/);
  throwsFor('events', { events: { quiz_submission_events: [] }, submission }, /quiz_submission_events array/);
});

test('a missing submission throws a TypeError naming submission', () => {
  throwsFor(
    'submission',
    { events: [] },
    /^submission must be Canvas's quiz submission object, got undefined$/,
  );
  throwsFor('submission', { events: [], submission: [] }, /got an array$/);
  throwsFor('submission', { events: [], submission: { quiz_submissions: [submission] } }, /not Canvas's/);
});

test('no input, or a bad heartbeatIntervalMs, throws naming it', () => {
  throwsFor('input', undefined, /expects \{ events, submission \}, got undefined/);
  for (const heartbeatIntervalMs of [0, -1, Number.NaN, '30000'])
    throwsFor('heartbeatIntervalMs', { events: [], submission, heartbeatIntervalMs }, /heartbeatIntervalMs/);
});

test('a heartbeat interval says heartbeats are expected: a page load that sent none is a heartbeat_gap', () => {
  const { findings } = analyzeAttempt({ ...fixture('clean-attempt'), heartbeatIntervalMs: 30000 });
  assert.ok(findings.length > 0);
  for (const finding of findings)
    assert.deepEqual([finding.code, finding.severity], ['heartbeat_gap', 'alert']);
});

test('malformed events are left out and said; the rest is counted and their numbers are no gap', () => {
  assertReview('malformed', {
    departures: 1,
    unmeasuredDepartures: 1,
    copies: 1,
    pastes: 1,
    pageLoads: 1,
    notes: [
      '8 malformed events were left out: event 4004 (window_focused): away_ms is not a duration in ms; event 4006 (events_dropped): count is not a whole number; event 4007 (page_visible): no tab and seq; event 4008 (question_viewed): not an array of question ids; event 4009 (lti_launch): tab or seq is unreadable; item 11: not an object; event 4012: no event_type; event 4013 (text_cut): client_timestamp is not a time.',
      "Tab e1r2t3y4: the window was away from seq 2 (window_blurred) with no return recorded in that page load (closed or reloaded while away, or its window_focused is missing or unreadable); that departure's length is unknown and not in awayMs.",
    ],
  });
});

test('an empty log is reviewed, and said to be empty', () => {
  assert.deepEqual(analyzeAttempt({ events: [], submission }), {
    summary: { ...NOTHING, notes: ['The log holds no events.'] },
    findings: [],
  });
});

test('two events given one number with different data: counted once, and said', () => {
  const { events } = fixture('storage-degraded');
  const copy = events.find((event) => event.event_type === 'text_copied');
  const other = { ...copy, id: '9999', event_data: { ...copy.event_data, text_length: 6 } };
  const { summary } = analyzeAttempt({ events: [...events, other], submission });
  assert.equal(summary.copies, 1);
  assert.equal(summary.duplicates, 1);
  assert.deepEqual(summary.notes, [
    'event 9999 has the number of event 4004 (text_copied, tab w3e4r5t6, seq 3) with other event_data; only event 4004 is counted.',
  ]);
});
