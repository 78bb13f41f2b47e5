import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  completeAttempt,
  createFixture,
  eventsPath,
  NOT_FOUND,
  startAttempt,
  startServer,
  T0,
  UNAUTHORIZED,
} from './helpers.js';

let server;
let api;

before(async () => {
  server = await startServer();
  api = server.api;
});
after(() => server.close());
beforeEach(() => {
  server.clock.ms = T0;
});

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const postEvents = (fx, qs, events) =>
  api('POST', eventsPath(fx, qs.id), { token: fx.student.token, json: { quiz_submission_events: events } });

/** A started attempt with `count` page_blurred events, one per second after the start. */
async function attemptWithEvents(count, options) {
  server.clock.ms = T0;
  const fx = await createFixture(api, options);
  const qs = await startAttempt(api, fx);
  for (let i = 1; i <= count; i += 1) {
    server.clock.ms = T0 + i * 1000;
    await postEvents(fx, qs, [{ event_type: `e${i}`, client_timestamp: `client-${i}` }]);
  }
  return { fx, qs };
}

describe('GET …/events', () => {
  test('teacher: 200, submission_created first, oldest first, string ids, never client_timestamp', async () => {
    const { fx, qs } = await attemptWithEvents(2);
    const r = await api('GET', eventsPath(fx, qs.id), { token: fx.teacher.token });
    assert.equal(r.status, 200);
    const events = r.json.quiz_submission_events;
    assert.deepEqual(Object.keys(r.json), ['quiz_submission_events']);
    assert.deepEqual(
      events.map((e) => e.event_type),
      ['submission_created', 'e1', 'e2'],
    );
    assert.deepEqual(
      events.map((e) => e.created_at),
      [iso(T0), iso(T0 + 1000), iso(T0 + 2000)],
    );
    for (const event of events) {
      assert.deepEqual(Object.keys(event), ['id', 'event_type', 'event_data', 'created_at']);
      assert.match(event.id, /^\d+$/);
    }
    assert.equal(events[1].event_data, null);
    assert.doesNotMatch(r.text, /client_timestamp|client-1/);
  });

  test('EXTENSION include_client_timestamp=true adds client_timestamp and attempt', async () => {
    const { fx, qs } = await attemptWithEvents(1);
    const r = await api('GET', `${eventsPath(fx, qs.id)}?include_client_timestamp=true`, {
      token: fx.ta.token,
    });
    assert.deepEqual(
      r.json.quiz_submission_events.map(({ event_type, client_timestamp, attempt }) => [
        event_type,
        client_timestamp,
        attempt,
      ]),
      [
        ['submission_created', null, 1],
        ['e1', 'client-1', 1],
      ],
    );
    const off = await api('GET', `${eventsPath(fx, qs.id)}?include_client_timestamp=false`, {
      token: fx.ta.token,
    });
    assert.equal(off.json.quiz_submission_events[1].client_timestamp, undefined);
  });

  test('students (the owner included) and observers are unauthorized', async () => {
    const { fx, qs } = await attemptWithEvents(0);
    for (const who of [fx.student, fx.student2, fx.observer]) {
      const r = await api('GET', eventsPath(fx, qs.id), { token: who.token });
      assert.equal(r.status, 401);
      assert.deepEqual(r.json, UNAUTHORIZED);
    }
  });

  test('400 when quiz_log_auditing is off (after the authorization check)', async () => {
    const { fx, qs } = await attemptWithEvents(1, { quizLogAuditing: false });
    const r = await api('GET', eventsPath(fx, qs.id), { token: fx.teacher.token });
    assert.equal(r.status, 400);
    assert.deepEqual(r.json, { status: 'bad_request', message: 'quiz log auditing must be enabled' });
    const student = await api('GET', eventsPath(fx, qs.id), { token: fx.student.token });
    assert.equal(student.status, 401);
    // capture still works without the feature; only reading needs it
    assert.equal((await postEvents(fx, qs, [{ event_type: 'x' }])).status, 204);
  });

  test('current attempt by default; ?attempt=N for an earlier one; unknown attempt 404', async () => {
    const { fx, qs } = await attemptWithEvents(1);
    await completeAttempt(api, fx, qs);
    server.clock.ms = T0 + 60_000;
    await startAttempt(api, fx);
    server.clock.ms = T0 + 61_000;
    await postEvents(fx, qs, [{ event_type: 'second-attempt' }]);
    const current = await api('GET', eventsPath(fx, qs.id), { token: fx.teacher.token });
    assert.deepEqual(
      current.json.quiz_submission_events.map((e) => e.event_type),
      ['submission_created', 'second-attempt'],
    );
    const first = await api('GET', `${eventsPath(fx, qs.id)}?attempt=1`, { token: fx.teacher.token });
    assert.deepEqual(
      first.json.quiz_submission_events.map((e) => e.event_type),
      ['submission_created', 'e1'],
    );
    const missing = await api('GET', `${eventsPath(fx, qs.id)}?attempt=9`, { token: fx.teacher.token });
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json, NOT_FOUND);
  });

  test('events created before the attempt started are not listed (created_at >= started_at)', async () => {
    const { fx, qs } = await attemptWithEvents(0);
    server.app.canvas.store.events.insertMany([
      {
        quiz_submission_id: qs.id,
        attempt: 1,
        event_type: 'before-start',
        event_data: null,
        client_timestamp: null,
        created_at: new Date(T0 - 1).toISOString(),
      },
    ]);
    const r = await api('GET', eventsPath(fx, qs.id), { token: fx.teacher.token });
    assert.deepEqual(
      r.json.quiz_submission_events.map((e) => e.event_type),
      ['submission_created'],
    );
  });

  test('ordered by created_at then id, whatever the insertion order of equal timestamps', async () => {
    const { fx, qs } = await attemptWithEvents(0);
    server.clock.ms = T0 + 5000;
    await postEvents(fx, qs, [{ event_type: 'late-1' }, { event_type: 'late-2' }]);
    server.clock.ms = T0 + 2000;
    await postEvents(fx, qs, [{ event_type: 'early' }]);
    const r = await api('GET', eventsPath(fx, qs.id), { token: fx.teacher.token });
    assert.deepEqual(
      r.json.quiz_submission_events.map((e) => e.event_type),
      ['submission_created', 'early', 'late-1', 'late-2'],
    );
  });
});

describe('pagination', () => {
  let fx;
  let qs;
  let route;
  before(async () => {
    ({ fx, qs } = await attemptWithEvents(24)); // 25 events with submission_created
    route = `${server.base}${eventsPath(fx, qs.id)}`;
  });

  const get = (query, headers) =>
    api('GET', `${eventsPath(fx, qs.id)}${query}`, { token: fx.teacher.token, headers });
  const link = (query, page, perPage, rel) =>
    `<${route}?${query}page=${page}&per_page=${perPage}>; rel="${rel}"`;

  test('10 per page by default with current, next, first, last', async () => {
    const r = await get('');
    assert.equal(r.json.quiz_submission_events.length, 10);
    assert.equal(
      r.headers.get('link'),
      [
        link('', 1, 10, 'current'),
        link('', 2, 10, 'next'),
        link('', 1, 10, 'first'),
        link('', 3, 10, 'last'),
      ].join(','),
    );
  });

  test('a middle page has prev and next; the last page has no next', async () => {
    const middle = await get('?page=2');
    assert.deepEqual(
      middle.json.quiz_submission_events.map((e) => e.event_type),
      ['e10', 'e11', 'e12', 'e13', 'e14', 'e15', 'e16', 'e17', 'e18', 'e19'],
    );
    assert.equal(
      middle.headers.get('link'),
      [
        link('', 2, 10, 'current'),
        link('', 3, 10, 'next'),
        link('', 1, 10, 'prev'),
        link('', 1, 10, 'first'),
        link('', 3, 10, 'last'),
      ].join(','),
    );
    const last = await get('?page=3');
    assert.equal(last.json.quiz_submission_events.length, 5);
    assert.equal(
      last.headers.get('link'),
      [
        link('', 3, 10, 'current'),
        link('', 2, 10, 'prev'),
        link('', 1, 10, 'first'),
        link('', 3, 10, 'last'),
      ].join(','),
    );
  });

  test('per_page is clamped to 1..100', async () => {
    assert.equal((await get('?per_page=0')).json.quiz_submission_events.length, 1);
    assert.equal((await get('?per_page=abc')).json.quiz_submission_events.length, 1);
    const big = await get('?per_page=500');
    assert.equal(big.json.quiz_submission_events.length, 25);
    assert.match(big.headers.get('link'), /per_page=100>; rel="current"/);
  });

  test('pages past the end are []; page 0 or non-integer pages are 404', async () => {
    const past = await get('?page=9');
    assert.deepEqual(past.json, { quiz_submission_events: [] });
    assert.equal(
      past.headers.get('link'),
      [link('', 9, 10, 'current'), link('', 8, 10, 'prev'), link('', 1, 10, 'first')].join(','),
    );
    for (const page of ['0', '-1', 'abc', '1.5']) {
      const r = await get(`?page=${page}`);
      assert.equal(r.status, 404, page);
      assert.deepEqual(r.json, NOT_FOUND);
    }
  });

  test('the query string is kept (Rails to_query order and escaping) minus page, per_page, access_token', async () => {
    const r = await api(
      'GET',
      `${eventsPath(fx, qs.id)}?access_token=${fx.teacher.token}&zeta=1&include_client_timestamp=true&tags[]=b&tags[]=a&per_page=5&page=2&api_key=k`,
    );
    assert.equal(r.status, 200);
    const query = 'include_client_timestamp=true&tags%5B%5D=a&tags%5B%5D=b&zeta=1&';
    assert.equal(
      r.headers.get('link'),
      [
        link(query, 2, 5, 'current'),
        link(query, 3, 5, 'next'),
        link(query, 1, 5, 'prev'),
        link(query, 1, 5, 'first'),
        link(query, 5, 5, 'last'),
      ].join(','),
    );
    assert.doesNotMatch(r.headers.get('link'), /access_token|api_key/);
  });

  test('string ids apply to the events answer as well', async () => {
    const r = await get('?per_page=1', { accept: 'application/json+canvas-string-ids' });
    assert.equal(typeof r.json.quiz_submission_events[0].event_data.quiz_data[0].id, 'string');
  });
});
