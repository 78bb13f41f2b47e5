// A long attempt of any size, for the 10,000-event test and the bench (bench/timeline-run.js):
// three page loads of the SDK beside Canvas's logger (10,000 events span about 3 h 40 min), every
// kind the timeline draws, with client timestamps (the demo server's answer), deterministic.
import type { AnalyzeAttemptInput, RetrievedEvent } from '../../src/review/index.js';

const T0 = Date.parse('2030-01-15T10:00:00Z');
const QUESTIONS = 30;

// One cycle of the student's work, about 20 s of it: [seconds into the cycle, type, data].
const CYCLE: [number, string, (i: number) => unknown][] = [
  [0, 'question_viewed', (i) => [String(101 + (i % QUESTIONS)), String(101 + ((i + 1) % QUESTIONS))]],
  [
    1,
    'heartbeat',
    (i) => ({
      n: i + 1,
      reason: 'interval',
      sent: {},
      focused: true,
      visible: true,
      wall_ms: 20_000,
      mono_ms: 20_000,
      store: 'indexeddb',
    }),
  ],
  [3, 'text_copied', (i) => ({ question_id: String(101 + (i % QUESTIONS)), text_length: 40 })],
  [5, 'window_blurred', () => ({})],
  [6, 'page_hidden', () => ({})],
  [9, 'page_visible', () => ({ hidden_ms: 3000 })],
  [9.2, 'window_focused', (i) => ({ away_ms: 4200 + (i % 7) * 1000 })],
  [11, 'text_pasted', (i) => ({ question_id: String(101 + (i % QUESTIONS)), text_length: 40 })],
  [12, 'question_answered', (i) => [{ quiz_question_id: String(101 + (i % QUESTIONS)), answer: i }]],
  [13, 'shortcut_pressed', () => ({ shortcut: 'Ctrl+C', purpose: 'copy' })],
  [14, 'question_flagged', (i) => ({ flagged: i % 2 === 0, questionId: String(101 + (i % QUESTIONS)) })],
  [15, 'context_menu_opened', () => ({ question_id: null })],
  [16, 'network_disconnected', () => ({})],
  [18, 'network_reconnected', () => ({ offline_ms: 2000 })],
  [
    19,
    'window_resized',
    () => ({
      width_px: 1280,
      height_px: 720,
      outer_width_px: 1296,
      outer_height_px: 824,
      device_pixel_ratio: 1,
    }),
  ],
];
const CYCLE_SECONDS = 20;
const CANVAS_TYPES = new Set(['question_viewed', 'question_answered', 'question_flagged']);

/** `count` events (10,000 by default) of one attempt, in Canvas's order (created_at). */
export function largeAttempt(count = 10_000): AnalyzeAttemptInput {
  const events: RetrievedEvent[] = [];
  const tabs = ['l1a2r3g4', 'l5a6r7g8', 'l9a0r1g2'];
  const seqs = new Map<string, number>();
  for (let i = 0; events.length < count; i += 1) {
    for (const [offset, type, data] of CYCLE) {
      if (events.length >= count) break;
      const at = T0 + (i * CYCLE_SECONDS + offset) * 1000;
      const tab = tabs[Math.min(tabs.length - 1, Math.floor((i * 3 * CYCLE.length) / count))] ?? 'l1a2r3g4';
      const seq = (seqs.get(tab) ?? 0) + 1;
      const own = CANVAS_TYPES.has(type) ? data(i) : { ...(data(i) as object), seq, tab };
      if (!CANVAS_TYPES.has(type)) seqs.set(tab, seq);
      events.push({
        id: String(events.length + 1),
        event_type: type,
        event_data: own,
        created_at: new Date(at + 2000).toISOString(),
        client_timestamp: new Date(at).toISOString(),
      });
    }
  }
  const lastMs = Date.parse(events[events.length - 1]?.client_timestamp ?? '') || T0;
  return {
    events,
    submission: {
      id: 'large',
      attempt: 1,
      workflow_state: 'complete',
      started_at: new Date(T0).toISOString(),
      finished_at: new Date(lastMs + 5000).toISOString(),
    },
  };
}
