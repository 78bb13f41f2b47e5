import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createApp } from '../app.js';
import {
  createClient,
  createFixture,
  eventsPath,
  NOT_FOUND,
  startAttempt,
  startServer,
  T0,
} from './helpers.js';

let server;
let api;
let fx;
let qs;

before(async () => {
  server = await startServer();
  api = server.api;
  fx = await createFixture(api, { timeLimitMinutes: null });
  qs = await startAttempt(api, fx);
});
after(() => server.close());
beforeEach(async () => {
  await api('DELETE', '/__control/faults');
  await api('DELETE', '/__control/requests');
});

const stored = () => server.app.canvas.store.events.allFor(qs.id).length;
const arm = async (fault) => {
  const r = await api('POST', '/__control/faults', { json: fault });
  assert.equal(r.status, 201, r.text);
  return r.json.fault;
};
const send = (type = 'page_blurred') =>
  api('POST', eventsPath(fx, qs.id), {
    token: fx.student.token,
    json: { quiz_submission_events: [{ event_type: type }] },
  });
const log = async (query = '') => (await api('GET', `/__control/requests${query}`)).json.requests;

describe('status faults', () => {
  test('a status fault with delayMs answers only after that delay', async () => {
    await arm({ method: 'POST', path: '/events', action: 'status', status: 429, delayMs: 300 });
    const before = stored();
    const started = performance.now();
    const r = await send();
    assert.equal(r.status, 429);
    assert.ok(performance.now() - started >= 290, `answered after ${performance.now() - started} ms`);
    assert.equal(stored(), before, 'the refused request never reached the handler');
  });

  test('custom status, headers and JSON body for the next N matching requests, then normal answers', async () => {
    const fault = await arm({
      method: 'post',
      path: '/events',
      times: 2,
      action: 'status',
      status: 503,
      headers: { 'Retry-After': '3' },
      body: { errors: [{ message: 'down for maintenance' }] },
    });
    assert.deepEqual(fault, {
      id: fault.id,
      method: 'POST',
      path: '/events',
      times: 2,
      remaining: 2,
      action: 'status',
      status: 503,
      headers: { 'Retry-After': '3' },
      body: { errors: [{ message: 'down for maintenance' }] },
      contentType: null,
      delayMs: 0,
      afterHandler: false,
      bodyIncludes: null,
      preset: null,
    });
    const before = stored();
    const get = await api('GET', eventsPath(fx, qs.id), { token: fx.teacher.token });
    assert.equal(get.status, 200, 'the method filter spares GETs');
    for (let i = 0; i < 2; i += 1) {
      const r = await send();
      assert.equal(r.status, 503);
      assert.equal(r.headers.get('retry-after'), '3');
      assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.deepEqual(r.json, { errors: [{ message: 'down for maintenance' }] });
      assert.equal(r.headers.get('x-request-cost'), null);
    }
    assert.equal((await send()).status, 204);
    assert.equal(stored(), before + 1, 'faulted requests never reached the handler');
    assert.deepEqual(
      (await log('?path=/events')).map((e) => [e.method, e.status, e.fault]),
      [
        ['GET', 200, null],
        ['POST', 503, 'status'],
        ['POST', 503, 'status'],
        ['POST', 204, null],
      ],
    );
  });

  test("preset rate-limit: Canvas's plain-text 403", async () => {
    const fault = await arm({ preset: 'rate-limit', path: '/events' });
    assert.equal(fault.preset, 'rate-limit');
    const r = await send();
    assert.equal(r.status, 403);
    assert.equal(r.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(r.text, '403 Forbidden (Rate Limit Exceeded)\n');
    assert.equal(r.headers.get('x-rate-limit-remaining'), '0.0');
    assert.equal(r.headers.get('x-request-cost'), null);
  });

  test('preset too-many-requests: 429 with Retry-After; preset unavailable: 503 HTML', async () => {
    await arm({ preset: 'too-many-requests', path: '/events' });
    const tooMany = await send();
    assert.equal(tooMany.status, 429);
    assert.equal(tooMany.headers.get('retry-after'), '2');
    await arm({ preset: 'unavailable', path: '/events', headers: { 'Retry-After': '7' } });
    const down = await send();
    assert.equal(down.status, 503);
    assert.match(down.headers.get('content-type'), /^text\/html/);
    assert.match(down.text, /503 Service Unavailable/);
    assert.equal(down.headers.get('retry-after'), '7', 'explicit fields override the preset');
  });

  test('afterHandler status: the events ARE stored, the client still sees the failure', async () => {
    await arm({ preset: 'internal-error', path: '/events', afterHandler: true });
    const before = stored();
    const r = await send();
    assert.equal(r.status, 500);
    assert.deepEqual(r.json, {
      errors: [{ message: 'An error occurred.', error_code: 'internal_server_error' }],
    });
    assert.equal(stored(), before + 1);
  });
});

describe('body-matched faults', () => {
  test('bodyIncludes: only a request whose body carries the text fails; the others go through', async () => {
    await arm({
      path: '/events',
      times: 5,
      action: 'status',
      status: 400,
      bodyIncludes: 'POISON',
      body: { errors: [{ message: 'refused' }] },
    });
    const before = stored();
    const clean = await send('page_blurred');
    assert.equal(clean.status, 204, clean.text);
    const poisoned = await send('POISON_event');
    assert.equal(poisoned.status, 400);
    assert.deepEqual(poisoned.json, { errors: [{ message: 'refused' }] });
    assert.equal(stored(), before + 1);
    const [fault] = (await api('GET', '/__control/faults')).json.faults;
    assert.equal(fault.remaining, 4);
    assert.equal(fault.bodyIncludes, 'POISON');
  });
});

describe('connection faults', () => {
  test('reset: the socket is destroyed without an answer and nothing is stored', async () => {
    await arm({ preset: 'reset', path: '/events' });
    const before = stored();
    await assert.rejects(send(), TypeError);
    assert.equal(stored(), before);
    assert.equal((await send()).status, 204, 'the next request is answered normally');
    assert.deepEqual(
      (await log('?path=/events')).map((e) => e.status),
      ['reset', 204],
    );
  });

  test('afterHandler reset ("lost-response"): stored, but the answer is lost', async () => {
    await arm({ preset: 'lost-response', path: '/events' });
    const before = stored();
    await assert.rejects(send('lost'), TypeError);
    assert.equal(stored(), before + 1);
    const [entry] = await log('?path=/events');
    assert.equal(entry.status, 'reset');
    assert.equal(entry.fault, 'reset');
  });

  test('delay: the answer comes after delayMs (before or after the handler)', async () => {
    await arm({ action: 'delay', delayMs: 250, path: '/events' });
    let started = Date.now();
    assert.equal((await send()).status, 204);
    assert.ok(Date.now() - started >= 240);
    await arm({ action: 'delay', delayMs: 250, path: '/events', afterHandler: true });
    const before = stored();
    started = Date.now();
    const pending = send();
    await new Promise((resolve) => setTimeout(resolve, 120));
    assert.equal(stored(), before + 1, 'stored while the answer is still held back');
    assert.equal((await pending).status, 204);
    assert.ok(Date.now() - started >= 240);
  });

  test('timeout: no answer; the client gives up; the server drops the socket after delayMs', async () => {
    await arm({ action: 'timeout', path: '/events', delayMs: 5000 });
    const aborted = fetch(`${server.base}${eventsPath(fx, qs.id)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fx.student.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ quiz_submission_events: [{ event_type: 'x' }] }),
      signal: AbortSignal.timeout(200),
    });
    await assert.rejects(aborted, (error) => error.name === 'TimeoutError');
    await arm({ action: 'timeout', path: '/events', delayMs: 150, afterHandler: true });
    const before = stored();
    const started = Date.now();
    await assert.rejects(send(), TypeError);
    assert.ok(Date.now() - started >= 140);
    assert.equal(stored(), before + 1);
    assert.deepEqual(
      (await log('?path=/events')).map((e) => e.status),
      ['timeout', 'timeout'],
    );
  });
});

describe('fault matching and management', () => {
  test('glob and re: patterns match the path; substrings too; the first armed fault wins', async () => {
    await arm({ path: '/api/v1/courses/*/submissions/*/events', action: 'status', status: 502 });
    assert.equal((await send()).status, 502);
    await arm({ path: 're:/submissions/\\d+/events$', action: 'status', status: 504 });
    await arm({ path: '/events', action: 'status', status: 500 });
    assert.equal((await send()).status, 504);
    assert.equal((await send()).status, 500);
    await arm({ path: '/nothing-like-this', action: 'status', status: 500 });
    assert.equal((await send()).status, 204);
  });

  test('GET lists armed faults with what remains; DELETE clears them', async () => {
    await arm({ path: '/events', action: 'status', status: 500, times: 3 });
    await send();
    const list = (await api('GET', '/__control/faults')).json.faults;
    assert.deepEqual(
      list.map((f) => [f.remaining, f.times]),
      [[2, 3]],
    );
    assert.deepEqual((await api('DELETE', '/__control/faults')).json, { cleared: 1 });
    assert.equal((await send()).status, 204);
  });

  test('invalid faults are 400s', async () => {
    for (const [fault, message] of [
      [{}, 'action must be one of status, delay, reset, timeout'],
      [{ action: 'explode' }, 'action must be one of status, delay, reset, timeout'],
      [{ action: 'status', times: 0 }, 'times must be an integer >= 1'],
      [{ action: 'status', status: 99 }, 'status must be an HTTP status code (200-599)'],
      [{ action: 'delay', delayMs: -1 }, 'delayMs must be 0..600000'],
      [
        { preset: 'nope' },
        'unknown preset "nope"; known: rate-limit, too-many-requests, unavailable, internal-error, reset, lost-response, delay, timeout',
      ],
      [{ action: 'reset', path: 're:(' }, 'path is not a valid regular expression: ('],
    ]) {
      const r = await api('POST', '/__control/faults', { json: fault });
      assert.equal(r.status, 400);
      assert.deepEqual(r.json, { errors: [{ message }] });
    }
  });
});

describe('request log', () => {
  test('every /api request: method, path, query, status, times, body size; path and since filters', async () => {
    const body = JSON.stringify({ quiz_submission_events: [{ event_type: 'sized' }] });
    await api('POST', eventsPath(fx, qs.id), {
      token: fx.student.token,
      body,
      contentType: 'application/json',
    });
    await api('GET', `${eventsPath(fx, qs.id)}?per_page=2`, { token: fx.teacher.token });
    await api('GET', '/__control/faults');
    const entries = await log();
    assert.equal(entries.length, 2, 'control requests are not logged');
    const [postEntry, getEntry] = entries;
    assert.deepEqual(
      {
        method: postEntry.method,
        path: postEntry.path,
        status: postEntry.status,
        bodySize: postEntry.bodySize,
        fault: postEntry.fault,
      },
      {
        method: 'POST',
        path: eventsPath(fx, qs.id),
        status: 204,
        bodySize: Buffer.byteLength(body),
        fault: null,
      },
    );
    assert.equal(getEntry.query, 'per_page=2');
    assert.ok(Number.isInteger(postEntry.id) && getEntry.id > postEntry.id);
    assert.ok(postEntry.time <= getEntry.time && typeof postEntry.durationMs === 'number');
    assert.equal(postEntry.clock, T0, 'the server clock at arrival');
    assert.deepEqual(
      (await log(`?since=${postEntry.id}`)).map((e) => e.id),
      [getEntry.id],
    );
    assert.deepEqual(await log('?path=/nope'), []);
    assert.deepEqual((await api('DELETE', '/__control/requests')).json, { cleared: 2 });
    assert.deepEqual(await log(), []);
  });
});

describe('clock', () => {
  test('offsetMs, nowIso and advanceMs move the server clock (end_at, time_left, overdue)', async () => {
    const timed = await createFixture(api, { timeLimitMinutes: 10 });
    let r = await api('POST', '/__control/clock', { json: { offsetMs: 60_000 } });
    assert.deepEqual(r.json, { now: new Date(T0 + 60_000).toISOString(), offsetMs: 60_000 });
    const attempt = await startAttempt(api, timed);
    assert.equal(attempt.started_at, new Date(T0 + 60_000).toISOString().replace('.000', ''));
    r = await api('POST', '/__control/clock', { json: { advanceMs: 30_000 } });
    assert.equal(r.json.offsetMs, 90_000);
    const time = await api(
      'GET',
      `/api/v1/courses/${timed.courseId}/quizzes/${timed.quizId}/submissions/${attempt.id}/time`,
      { token: timed.student.token },
    );
    assert.equal(time.json.time_left, 570);
    r = await api('POST', '/__control/clock', {
      json: { nowIso: new Date(T0 + 11 * 60_000 + 60_000).toISOString() },
    });
    assert.equal(r.json.offsetMs, 12 * 60_000);
    const late = await api(
      'POST',
      `/api/v1/courses/${timed.courseId}/quizzes/${timed.quizId}/submissions/${attempt.id}/events`,
      {
        token: timed.student.token,
        json: { quiz_submission_events: [{ event_type: 'too_late' }] },
      },
    );
    assert.equal(late.status, 401);
    assert.deepEqual((await api('DELETE', '/__control/clock')).json, {
      now: new Date(T0).toISOString(),
      offsetMs: 0,
    });
    assert.equal((await api('POST', '/__control/clock', { json: { nowIso: 'soon' } })).status, 400);
  });
});

describe('control surface', () => {
  test('fixtures return every id and token; bad options are 400s; seed info is served', async () => {
    const f = await createFixture(api, {
      timeLimitMinutes: 5,
      accessCode: null,
      allowedAttempts: 1,
      quizLogAuditing: false,
    });
    assert.equal(f.timeLimitMinutes, 5);
    assert.equal(f.accessCode, null);
    assert.equal(f.allowedAttempts, 1);
    assert.equal(f.quizLogAuditing, false);
    assert.equal(f.questionIds.length, 5);
    for (const role of ['student', 'student2', 'teacher', 'ta', 'observer']) {
      assert.ok(
        Number.isInteger(f[role].id) &&
          f[role].token.startsWith(`fx-${role}-`) &&
          f[role].name &&
          f[role].login,
        role,
      );
    }
    const bad = await api('POST', '/__control/fixtures', { json: { allowedAttempts: 0 } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.json, { errors: [{ message: 'allowedAttempts must be a positive integer or -1' }] });
    assert.deepEqual((await api('GET', '/__control/seed')).json, server.app.seedInfo);
  });

  test('without faults: true the control routes do not exist', async () => {
    const plain = await createApp({ faults: false });
    await plain.listen({ port: 0, host: '127.0.0.1' });
    try {
      const client = createClient(`http://127.0.0.1:${plain.server.address().port}`);
      for (const [method, path] of [
        ['POST', '/__control/fixtures'],
        ['POST', '/__control/faults'],
        ['GET', '/__control/requests'],
        ['POST', '/__control/clock'],
      ]) {
        const r = await client(method, path, method === 'GET' ? {} : { json: {} });
        assert.equal(r.status, 404, path);
        assert.deepEqual(r.json, NOT_FOUND);
      }
    } finally {
      await plain.close();
    }
  });
});
