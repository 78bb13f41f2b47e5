// A log with Canvas's own events only (no SDK on the page): departures are counted from page_blurred;
// their lengths come from client_timestamp where the server gives it, and are never guessed from created_at.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeAttempt } from '../../dist/review.js';
import { assertReview, fixture } from './fixture.js';

const NO_SDK_NOTE =
  "The log holds no quiz-proctor events, only Canvas's own: page loads, hidden time, clipboard, fullscreen, printing, shortcuts, offline time, second tabs and losses are not recorded, and missing events cannot be judged.";

test('real Canvas (no client_timestamp): departures counted, lengths null and said why', () => {
  assertReview('canvas-only', {
    awayMs: null,
    departures: 4,
    unmeasuredDepartures: 4,
    longestDepartureMs: null,
    questionsViewed: 3,
    flags: 1,
    notes: [
      NO_SDK_NOTE,
      "Departures are counted from Canvas's page_blurred (4), but their lengths are unknown: these events have no client_timestamp (Canvas's API does not return it), and created_at is when a batch arrived, not when the window was left or came back.",
    ],
  });
});

test('with client_timestamp: lengths measured, a dropped focus and an open end unmeasured, a copy removed', () => {
  assertReview('canvas-only-timestamps', {
    awayMs: 65000,
    departures: 4,
    unmeasuredDepartures: 2,
    longestDepartureMs: 45000,
    questionsViewed: 3,
    flags: 1,
    duplicates: 1,
    notes: [
      NO_SDK_NOTE,
      "2 of Canvas's page_blurred have no page_focused after them (Canvas's logger drops a focus that does not directly follow its blur, and a departure still open at the end has none): their lengths are unknown and not in awayMs.",
    ],
  });
});

test('Canvas events without client_timestamp cannot be told from repeats, so repeats are counted', () => {
  const { events, submission } = fixture('canvas-only');
  const flag = events.find((event) => event.event_type === 'question_flagged');
  const { summary } = analyzeAttempt({ events: [...events, { ...flag, id: '9999' }], submission });
  assert.equal(summary.flags, 2);
  assert.equal(summary.duplicates, 0);
});
