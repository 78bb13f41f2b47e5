// The alerts and notices: each raised by what it names, with the tab, the numbers and the reason.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeAttempt } from '../../dist/review.js';
import { CANVAS_LOGGER_TYPES, assertReview, fixture } from './fixture.js';

/** Each finding as one line, `code severity: detail`, for the tests that look at findings only. */
const findingLines = (events, submission) =>
  analyzeAttempt({ events, submission }).findings.map(
    ({ code, severity, detail }) => `${code} ${severity}: ${detail}`,
  );

const ours = (tab, seq, type, data = {}, createdAt = '2030-01-15T10:20:00Z') => ({
  id: `${tab}-${String(seq)}`,
  event_type: type,
  event_data: { ...data, seq, tab },
  created_at: createdAt,
});

test('seq holes nothing explains: one events_missing alert naming the tab and the missing seqs', () => {
  // Canvas's logger sent more events than are missing: they explain nothing in a page that recorded
  // focus as ours, since such a page sends none of Canvas's types.
  const { events } = fixture('seq-holes');
  assert.ok(events.filter((event) => CANVAS_LOGGER_TYPES.has(event.event_type)).length > 4);
  assertReview(
    'seq-holes',
    {
      awayMs: 125000,
      departures: 3,
      longestDepartureMs: 90000,
      pastes: 1,
      questionsViewed: 2,
      pageLoads: 2,
    },
    [
      {
        code: 'events_missing',
        severity: 'alert',
        at: null,
        receivedAt: null,
        detail:
          "Tab q1w2e3r4: 4 numbered events never reached Canvas (seq 4–6, 9; its highest is 10). Nothing in the log accounts for them: no other page load reported drops beyond its own gaps, and this page sent none of Canvas's types (it recorded focus as window_blurred/window_focused).",
      },
    ],
  );
});

test("holes beyond what the page's own events_dropped reported: an alert for the rest", () => {
  const { events, submission } = fixture('dropped-explained');
  const drop = events.find((event) => event.event_type === 'events_dropped');
  drop.event_data.count = 4;
  assert.deepEqual(findingLines(events, submission), [
    "events_missing alert: Tab d4f5g6h7: 6 numbered events never reached Canvas (seq 3–8; its highest is 13), 4 of which its own events_dropped account for. Nothing in the log accounts for the rest: no other page load reported drops beyond its own gaps, and this page sent none of Canvas's types (it recorded focus as window_blurred/window_focused).",
  ]);
  assert.equal(analyzeAttempt({ events, submission }).summary.droppedEvents, 4);
});

test("another page load's drops fewer than the gap: an alert saying how many it reported", () => {
  const { events, submission } = fixture('dropped-by-another-tab');
  events.find((event) => event.event_type === 'events_dropped').event_data.count = 1;
  const [finding, ...rest] = analyzeAttempt({ events, submission }).findings;
  assert.deepEqual(rest, []);
  assert.equal(finding.code, 'events_missing');
  assert.match(
    finding.detail,
    /^Tab z9x8c7v6: 2 numbered events never reached Canvas \(seq 4–5; its highest is 7\)\./,
  );
  assert.match(finding.detail, /other page loads reported only 1 drop beyond their own gaps/);
});

test("where the SDK sent Canvas's types, losses beyond the Canvas-type events in the log alert", () => {
  const { events, submission } = fixture('sdk-sends-canvas-types');
  const lost = new Set([6, 8]); // page_visible and text_copied never arrived: 10 holes, 9 Canvas-type events
  const kept = events.filter((event) => !lost.has(event.event_data?.seq));
  assert.deepEqual(findingLines(kept, submission), [
    "events_missing alert: Tab p0a8c2dd: 10 numbered events never reached Canvas (seq 1, 3–4, 6–12; its highest is 13). Nothing in the log accounts for them: no other page load reported drops beyond its own gaps, and the log holds only 9 events of Canvas's types, which a page sending them numbers without writing the number.",
  ]);
  // One loss fewer is within what the Canvas-type events could explain: counted, not guessed, so no alert.
  const oneLost = events.filter((event) => event.event_data?.seq !== 8);
  assert.deepEqual(findingLines(oneLost, submission), []);
});

test('a page whose storage failed: storage_reset with the reason, and said beside its holes', () => {
  const { events, submission } = fixture('seq-holes');
  events.push(
    ours('q1w2e3r4', 11, 'storage_degraded', { reason: 'connection_lost' }, '2030-01-15T10:07:05Z'),
  );
  const { findings } = analyzeAttempt({ events, submission });
  assert.deepEqual(
    findings.map(({ code, severity }) => `${code} ${severity}`),
    ['events_missing alert', 'storage_reset notice'],
  );
  assert.match(findings[0].detail, /Its storage had failed \(storage_reset\), which can lose events\.$/);
  assert.deepEqual(findings[1], {
    code: 'storage_reset',
    severity: 'notice',
    at: null,
    receivedAt: '2030-01-15T10:07:05Z',
    detail:
      "Tab q1w2e3r4: the browser's storage failed (connection_lost), so that page kept its events in memory from then on; what it had not sent when it closed may be lost.",
  });
});

test('storage degraded: a storage_reset notice with the reason; at is null without client_timestamp', () => {
  assertReview(
    'storage-degraded',
    {
      copies: 1,
      pageLoads: 1,
    },
    [
      {
        code: 'storage_reset',
        severity: 'notice',
        at: null,
        receivedAt: '2030-01-15T10:01:02Z',
        detail:
          "Tab w3e4r5t6: the browser's storage failed (quota_exceeded), so that page kept its events in memory from then on; what it had not sent when it closed may be lost.",
      },
    ],
  );
});

test('a store deleted, reopened at another version or closed under the page: a storage_reset notice saying which', () => {
  const { events, submission } = fixture('storage-degraded');
  const at = '2030-01-15T10:01:02Z';
  const tab = 'w3e4r5t6';
  const withReason = (reason) =>
    events.map((event) =>
      event.event_type === 'storage_degraded'
        ? { ...event, event_data: { ...event.event_data, reason } }
        : event,
    );
  const detailFor = (reason) => {
    const { findings } = analyzeAttempt({ events: withReason(reason), submission });
    assert.deepEqual(
      findings.map(({ code, severity, receivedAt }) => `${code} ${severity} ${receivedAt}`),
      [`storage_reset notice ${at}`],
    );
    return findings[0].detail;
  };
  assert.equal(
    detailFor('deleted'),
    `Tab ${tab}: a script on the page deleted its IndexedDB database; the page wrote back what it held and went on.`,
  );
  assert.match(detailFor('upgraded'), /reopened its IndexedDB database at another version/);
  assert.match(detailFor('closed'), /the browser closed its IndexedDB database .*may be lost\.$/);
});

test('a second tab: a second_tab notice, at from client_timestamp, receivedAt from created_at', () => {
  assertReview(
    'second-tab',
    {
      awayMs: 30600,
      departures: 1,
      longestDepartureMs: 30600,
      hiddenMs: 30500,
      hiddenCount: 1,
      copies: 1,
      pageLoads: 2,
      secondTabs: 1,
    },
    [
      {
        code: 'second_tab',
        severity: 'notice',
        at: '2030-01-15T10:05:01.600Z',
        receivedAt: '2030-01-15T10:05:03Z',
        detail:
          'Another page of this attempt (tab h5j6k7l8) started while tab s1d2f3g4 was open: a duplicated tab or a second window.',
      },
    ],
  );
});

test('a newcomer heard by two open tabs is one second tab, naming both', () => {
  const { events, submission } = fixture('second-tab');
  events.push(
    ours('x0x0x0x0', 1, 'screen_changed', {
      width_px: 1,
      height_px: 1,
      device_pixel_ratio: 1,
      initial: true,
    }),
  );
  events.push(ours('x0x0x0x0', 2, 'second_tab_opened', { tab_id: 'h5j6k7l8' }));
  const { summary, findings } = analyzeAttempt({ events, submission });
  assert.equal(summary.secondTabs, 1);
  assert.equal(summary.pageLoads, 3);
  assert.deepEqual(
    findings.map((finding) => finding.detail),
    [
      'Another page of this attempt (tab h5j6k7l8) started while tabs s1d2f3g4, x0x0x0x0 were open: a duplicated tab or a second window.',
    ],
  );
});

test('a host event numbered near the largest safe integer is judged at once, its gap counted', () => {
  const { events, submission } = fixture('storage-degraded');
  events.push(ours('w3e4r5t6', Number.MAX_SAFE_INTEGER, 'host_event'));
  const [finding] = analyzeAttempt({ events, submission }).findings;
  assert.equal(finding.code, 'events_missing');
  assert.match(finding.detail, new RegExp(`${String(Number.MAX_SAFE_INTEGER - 5)} numbered events`));
});
