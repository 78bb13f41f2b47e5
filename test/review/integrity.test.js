// What the heartbeats and the page's sampling say: tamper_suspected, heartbeat_gap, clock_jump, and
// no finding at all for a clean page with a hidden stretch and a reload.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeAttempt } from '../../dist/review.js';

const submission = { attempt: 1, workflow_state: 'complete', started_at: '2030-01-15T10:00:00Z' };
const at = '2030-01-15T10:20:00Z';
function pageLoad(tab) {
  let seq = 0;
  let n = 0;
  const next = (type, data = {}) => ({
    id: `${tab}-${String((seq += 1))}`,
    event_type: type,
    event_data: { ...data, seq, tab },
    created_at: at,
  });
  const beat = (reason, extra = {}) =>
    next('heartbeat', {
      n: (n += 1),
      reason,
      sent: {},
      focused: true,
      visible: true,
      wall_ms: n === 1 ? null : 15_000,
      mono_ms: n === 1 ? null : 15_000,
      store: 'indexeddb',
      ...extra,
    });
  return { next, beat };
}
const codes = (events, extra = {}) =>
  analyzeAttempt({ events, submission, ...extra }).findings.map((f) => `${f.code} ${f.severity}`);

test('a clean page with heartbeats, a hidden stretch and a reload has no finding', () => {
  const a = pageLoad('a');
  const b = pageLoad('b');
  const events = [
    a.beat('start'),
    a.next('window_blurred'),
    a.next('page_hidden'),
    a.beat('hidden', { visible: false, focused: false }),
    // Hidden for two minutes: timers are throttled, so the next beat is late, and that is normal.
    a.beat('visible', { wall_ms: 120_000, mono_ms: 120_000 }),
    a.next('page_visible', { hidden_ms: 120_000 }),
    a.next('window_focused', { away_ms: 121_000 }),
    a.beat('interval'),
    b.beat('start'),
    b.beat('interval'),
    b.beat('complete', { wall_ms: 3000, mono_ms: 3000 }),
  ];
  assert.deepEqual(codes(events, { heartbeatIntervalMs: 15_000 }), []);
});

test('a departure the page sampled but no event reported is a tamper_suspected alert', () => {
  const a = pageLoad('a');
  const events = [
    a.beat('start'),
    a.next('tamper_suspected', { reason: 'focus_unreported', since_ms: 10_000 }),
    a.next('window_blurred', { sampled: true }),
    a.next('window_focused', { away_ms: 42_000, sampled: true }),
    a.beat('interval'),
  ];
  assert.deepEqual(codes(events), ['tamper_suspected alert']);
  assert.equal(analyzeAttempt({ events, submission }).summary.awayMs, 42_000);
});

test('a page load without heartbeats beside one with them is a heartbeat_gap alert', () => {
  const a = pageLoad('a');
  const b = pageLoad('b');
  const events = [
    a.beat('start'),
    a.beat('interval'),
    b.next('text_copied', { question_id: null, text_length: 3 }),
  ];
  assert.deepEqual(codes(events), ['heartbeat_gap alert']);
});

test('no event of ours at all, where heartbeats are expected, is a heartbeat_gap alert', () => {
  const canvasOnly = [
    { id: 'c1', event_type: 'session_started', event_data: { user_agent: 'x' }, created_at: at },
  ];
  assert.deepEqual(codes(canvasOnly, { heartbeatIntervalMs: 15_000 }), ['heartbeat_gap alert']);
  // Without the expectation, Canvas's log alone is not silent on purpose.
  assert.deepEqual(codes(canvasOnly), []);
});

test('a clock set forward, and a visible page whose timers stopped, are clock_jump notices', () => {
  const a = pageLoad('a');
  const events = [
    a.beat('start'),
    a.beat('interval', { wall_ms: 75_000, mono_ms: 15_000 }), // the clock moved a minute
    a.beat('interval', { wall_ms: 23_000, mono_ms: 23_000 }), // paused 8 s in a debugger
    a.beat('interval'),
  ];
  assert.deepEqual(codes(events), ['clock_jump notice', 'clock_jump notice']);
});

test("the page's own page_stalled is one clock_jump notice, not two with the late beat it caused", () => {
  const a = pageLoad('a');
  const events = [
    a.beat('start'),
    a.next('page_stalled', { stalled_ms: 8000 }),
    a.beat('interval', { wall_ms: 23_000, mono_ms: 23_000 }),
  ];
  assert.deepEqual(codes(events), ['clock_jump notice']);
});

test("a heartbeat's counts catch a type stripped from every batch, and excuse what the store dropped", () => {
  const a = pageLoad('a');
  const stripped = [a.beat('start'), a.next('text_copied', { question_id: null, text_length: 3 })];
  // Two text_pasted were queued and stripped before they left: their seqs are gone too.
  a.next('text_pasted', { question_id: null, text_length: 4 });
  a.next('text_pasted', { question_id: null, text_length: 5 });
  stripped.push(a.beat('hidden', { sent: { text_copied: 1, text_pasted: 2 } }));
  assert.deepEqual(codes(stripped), ['events_missing alert', 'events_missing alert']);
  const b = pageLoad('b');
  const dropped = [
    b.beat('start'),
    b.next('text_copied', { question_id: null, text_length: 3 }),
    b.next('events_dropped', { count: 2, by_type: { text_pasted: 2 } }),
    b.beat('hidden', { sent: { text_copied: 1, text_pasted: 2, events_dropped: 1 } }),
  ];
  assert.deepEqual(codes(dropped), []);
});
