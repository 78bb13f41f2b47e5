// Departures found by sampling (`sampled: true`: no event reported them, see tamper_suspected) are
// recorded as ours in every mode, so they must not be read as the page's way of recording focus.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeAttempt } from '../../dist/review.js';

const submission = { attempt: 1, workflow_state: 'complete', started_at: '2030-01-15T10:00:00Z' };
const at = '2030-01-15T10:20:00Z';
const ours = (seq, type, data = {}) => ({
  id: `t1-${String(seq)}`,
  event_type: type,
  event_data: { ...data, seq, tab: 't1' },
  created_at: at,
});
// Canvas's shape: no tab or seq, even where the SDK numbered it ('always').
const canvas = (id, type) => ({ id, event_type: type, event_data: null, created_at: at });

test("a sampled departure adds to Canvas's departures where the SDK sends Canvas's types, with no false alert", () => {
  const events = [
    canvas('c1', 'session_started'), // our seq 1
    ours(2, 'heartbeat', { n: 1, reason: 'start', sent: { session_started: 1 } }),
    canvas('c3', 'page_blurred'), // our seq 3
    canvas('c4', 'page_focused'), // our seq 4
    ours(5, 'tamper_suspected', { reason: 'focus_unreported', since_ms: 10_000 }),
    ours(6, 'window_blurred', { sampled: true }),
    ours(7, 'window_focused', { away_ms: 14_000, sampled: true }),
  ];
  const { summary, findings } = analyzeAttempt({ events, submission });
  assert.equal(summary.departures, 2, "Canvas's one and the sampled one");
  assert.equal(summary.longestDepartureMs, 14_000);
  assert.deepEqual(
    findings.filter((finding) => finding.code === 'events_missing'),
    [],
    "the seqs Canvas's types used are not missing",
  );
});
