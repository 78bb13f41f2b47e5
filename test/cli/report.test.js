// `npx quiz-proctor report` against our Canvas-compatible server: the built command (dist/cli.js,
// built by `npm test` first), run as a person runs it, in its own process.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import {
  completeAttempt,
  createFixture,
  eventsPath,
  startAttempt,
  startServer,
} from '../../demo/server/test/helpers.js';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const run = promisify(execFile);

/** Runs the command; resolves with its exit code and output, whatever the code. */
async function report(args, env = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

let server;
let dir;
/** A port nothing listens on: taken from the system, then let go. */
let closedPort;
let fx;
before(async () => {
  server = await startServer();
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = probe.address().port;
  await new Promise((resolve) => probe.close(resolve));
  dir = await mkdtemp(join(tmpdir(), 'qp-report-'));
  fx = await createFixture(server.api);
  // Two attempts of one quiz: a student who left the window for 90 s, copied and had a second tab;
  // another who has started and done nothing.
  const qs = await startAttempt(server.api, fx);
  const ours = (seq, type, data) => ({
    event_type: type,
    event_data: { ...data, tab: 'tab1', seq },
    client_timestamp: new Date(server.clock.ms + seq * 1000).toISOString(),
  });
  const events = [
    ours(1, 'heartbeat', {
      n: 1,
      reason: 'start',
      sent: {},
      focused: true,
      visible: true,
      wall_ms: 0,
      mono_ms: 0,
      store: 'indexeddb',
    }),
    ours(2, 'window_blurred', {}),
    ours(3, 'window_focused', { away_ms: 90_000 }),
    ours(4, 'text_copied', { length: 12 }),
    ours(5, 'second_tab_opened', { tab_id: 'tab2' }),
    // Hostile text: must come out as text in the HTML, and as text in the CSV.
    ours(6, '<script>alert(1)</script>', { note: '=HYPERLINK("x")' }),
  ];
  const posted = await server.api('POST', eventsPath(fx, qs.id), {
    token: fx.student.token,
    json: { quiz_submission_events: events },
  });
  assert.equal(posted.status, 204, posted.text);
  assert.equal((await completeAttempt(server.api, fx, qs)).status, 200);
  await startAttempt(server.api, fx, fx.student2);
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
  await server.close();
});

const common = () => [
  '--base-url',
  server.base,
  '--course',
  String(fx.courseId),
  '--quiz',
  String(fx.quizId),
];

describe('quiz-proctor report', () => {
  test('json: analyzeAttempt per attempt, with the student and the submission', async () => {
    const out = join(dir, 'report.json');
    const result = await report(['report', ...common(), '--token', fx.teacher.token, '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Wrote .*report\.json: 2 attempts, 0 with alerts\.\n$/);
    const body = JSON.parse(await readFile(out, 'utf8'));
    assert.equal(body.attempts.length, 2);
    const left = body.attempts.find((a) => a.summary.departures === 1);
    assert.ok(left, 'the attempt with a departure');
    assert.match(left.studentName, /^Student /);
    assert.equal(left.summary.awayMs, 90_000);
    assert.equal(left.summary.copies, 1);
    assert.deepEqual(
      left.findings.map((f) => f.code),
      ['second_tab'],
    );
    assert.equal(result.stderr, '', 'no progress bar where stderr is not a terminal');
  });

  test('csv: one row per attempt, totals and finding codes; formulas kept as text', async () => {
    const out = join(dir, 'report.csv');
    const result = await report(['report', ...common(), '--out', out], { CANVAS_TOKEN: fx.teacher.token });
    assert.equal(result.code, 0, result.stderr);
    const lines = (await readFile(out, 'utf8')).trimEnd().split('\r\n');
    assert.equal(lines.length, 3);
    const header = lines[0].split(',');
    const row = lines.find((line) => line.includes('90000'))?.split(',');
    assert.ok(row, 'the row of the attempt with a departure');
    assert.equal(row[header.indexOf('departures')], '1');
    assert.equal(row[header.indexOf('copies')], '1');
    assert.equal(row[header.indexOf('notices')], 'second_tab');
    assert.equal(row[header.indexOf('alerts')], '');
  });

  test('html: a summary table first, then each attempt; event text escaped', async () => {
    const out = join(dir, 'report.html');
    const result = await report(['report', ...common(), '--token', fx.teacher.token, '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    const html = await readFile(out, 'utf8');
    assert.ok(html.indexOf('<table>') < html.indexOf('<section class="attempt">'));
    assert.equal((html.match(/<section class="attempt">/g) ?? []).length, 2);
    // One timeline per attempt, drawn by quiz-proctor/review's renderTimeline.
    assert.equal((html.match(/<section class="qp-review" data-quiz-proctor-review/g) ?? []).length, 2);
    assert.match(html, /data-lane="focus"/);
    assert.doesNotMatch(html, /<script>alert/);
  });

  test("waits out Canvas's rate limit and finishes", async () => {
    const faults = await server.api('POST', '/__control/faults', {
      json: { preset: 'rate-limit', path: '*/events', times: 2 },
    });
    assert.equal(faults.status, 201, faults.text);
    const out = join(dir, 'throttled.json');
    const result = await report(['report', ...common(), '--token', fx.teacher.token, '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(await readFile(out, 'utf8')).attempts.length, 2);
    assert.equal(
      (await server.api('GET', '/__control/faults')).json.faults.length,
      0,
      'both throttled answers were met',
    );
  });

  const failures = [
    ['a bad token', () => ['--token', 'nope'], /Canvas refused the token \(Canvas answered 401/],
    [
      'a course that does not exist',
      () => ['--token', fx.teacher.token, '--course', '999999'],
      /no quiz .* in course 999999/,
    ],
    [
      'a quiz that does not exist',
      () => ['--token', fx.teacher.token, '--quiz', '999999'],
      /no quiz 999999 in course/,
    ],
    [
      'a network failure',
      () => ['--token', 'x', '--base-url', `http://127.0.0.1:${String(closedPort)}`],
      /could not reach Canvas at http:\/\/127\.0\.0\.1:\d+ \(connect ECONNREFUSED/,
    ],
    ['a missing option', () => ['--token', 'x', '--quiz', ''], /--quiz is required/],
    [
      'an unknown format',
      () => ['--token', 'x', '--format', 'pdf'],
      /--format must be html, csv or json, not pdf/,
    ],
  ];
  for (const [what, extra, message] of failures) {
    test(`${what}: one line and a non-zero exit`, async () => {
      const result = await report(['report', ...common(), ...extra(), '--out', join(dir, 'never.json')]);
      assert.notEqual(result.code, 0);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    });
  }

  test('the quiz log turned off: says which feature to turn on', async () => {
    const off = await createFixture(server.api, { quizLogAuditing: false });
    const qs = await startAttempt(server.api, off);
    assert.ok(qs.id);
    const result = await report([
      'report',
      '--base-url',
      server.base,
      '--course',
      String(off.courseId),
      '--quiz',
      String(off.quizId),
      '--token',
      off.teacher.token,
      '--out',
      join(dir, 'never.json'),
    ]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^quiz-proctor: the quiz log is off in course \d+: turn on the course feature "Quiz Log Auditing"/,
    );
  });
});
