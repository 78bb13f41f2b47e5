// renderTimeline in Node (a class report written to files): pure, one section, every text of the
// log escaped; and the fixtures the browser tests draw each raise the finding they are named for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeAttempt, renderTimeline } from '../../dist/review.js';
import { fixture } from './fixture.js';

test('renderTimeline runs in Node and gives one section with its own style, the same for the same input', () => {
  const input = fixture('clean-attempt');
  const html = renderTimeline({ ...input, title: 'Quiz 2 — Ada' });
  assert.match(html, /^<section class="qp-review" data-quiz-proctor-review[ >]/);
  assert.ok(html.endsWith('</section>'));
  assert.equal(html.match(/<section/g).length, 1);
  assert.match(html, /<style>[^<]*@media print\{\s*@page\{size:A4/);
  assert.match(html, /<h2>Quiz 2 — Ada<\/h2>/);
  assert.match(html, /placed by created_at/);
  assert.equal(renderTimeline({ ...input, title: 'Quiz 2 — Ada' }), html);
});

test('hostile text in a log comes out as text', () => {
  const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
  const html = renderTimeline({
    submission: { id: hostile, attempt: 1, workflow_state: 'complete' },
    title: hostile,
    events: [
      {
        id: hostile,
        event_type: hostile,
        event_data: { tab: hostile, seq: 1, note: hostile },
        created_at: '2030-01-15T10:00:00Z',
      },
      { id: 2, event_type: 'question_viewed', event_data: [hostile], created_at: '2030-01-15T10:01:00Z' },
      {
        id: 3,
        event_type: 'storage_degraded',
        event_data: { reason: hostile, tab: hostile, seq: 2 },
        created_at: '2030-01-15T10:02:00Z',
        client_timestamp: '2030-01-15T10:01:59Z',
      },
    ],
  });
  assert.doesNotMatch(html, /<script|<img|onerror=alert\(2\)>/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  // In attributes too: a quote cannot end one.
  assert.match(
    html,
    /data-type="&lt;script&gt;alert\(1\)&lt;\/script&gt;&lt;img src=x onerror=alert\(2\)&gt;&quot;&#39;&amp;"/,
  );
});

test('the integrity fixtures each raise their finding, and the clean one none', () => {
  const codes = (name) => analyzeAttempt(fixture(name)).findings.map((finding) => finding.code);
  assert.deepEqual(codes('tamper-suspected'), ['tamper_suspected']);
  assert.deepEqual(codes('heartbeat-gap'), ['heartbeat_gap']);
  assert.deepEqual(codes('clock-jump'), ['clock_jump', 'clock_jump']);
  assert.deepEqual(codes('clean-attempt'), []);
});
