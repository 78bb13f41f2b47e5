import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  completeAttempt,
  createFixture,
  eventsPath,
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

const stored = (qsId) => server.app.canvas.store.events.allFor(qsId);
const post = (fx, qs, who, json) => api('POST', eventsPath(fx, qs.id), { token: who.token, json });

describe('POST …/events', () => {
  test("204 with an empty body; attempt is the server's, created_at the server clock, client_timestamp as sent", async () => {
    const fx = await createFixture(api);
    const qs = await startAttempt(api, fx);
    server.clock.ms += 5_000;
    const r = await post(fx, qs, fx.student, {
      quiz_submission_events: [
        {
          event_type: 'page_blurred',
          client_timestamp: '2024-03-01T12:34:56.789Z',
          attempt: 99,
          created_at: '1999-01-01T00:00:00Z',
        },
        {
          event_type: 'totally_custom',
          event_data: { nested: [1, { deep: true }], s: 'x' },
          client_timestamp: '2024-03-01T12:34:57.000Z',
        },
        { event_type: 'question_viewed', event_data: ['101', '102'] },
      ],
    });
    assert.equal(r.status, 204);
    assert.equal(r.text, '');
    assert.equal(r.headers.get('content-type'), null);
    const rows = stored(qs.id).filter((e) => e.event_type !== 'submission_created');
    assert.deepEqual(
      rows.map(({ attempt, event_type, event_data, client_timestamp, created_at }) => ({
        attempt,
        event_type,
        event_data,
        client_timestamp,
        created_at,
      })),
      [
        {
          attempt: 1,
          event_type: 'page_blurred',
          event_data: null,
          client_timestamp: '2024-03-01T12:34:56.789Z',
          created_at: new Date(T0 + 5000).toISOString(),
        },
        {
          attempt: 1,
          event_type: 'totally_custom',
          event_data: { nested: [1, { deep: true }], s: 'x' },
          client_timestamp: '2024-03-01T12:34:57.000Z',
          created_at: new Date(T0 + 5000).toISOString(),
        },
        {
          attempt: 1,
          event_type: 'question_viewed',
          event_data: ['101', '102'],
          client_timestamp: null,
          created_at: new Date(T0 + 5000).toISOString(),
        },
      ],
    );
  });

  test('event types are stored verbatim, numbers as text; the id may be "self"', async () => {
    const fx = await createFixture(api);
    const qs = await startAttempt(api, fx);
    const r = await api('POST', eventsPath(fx, 'self'), {
      token: fx.student.token,
      json: {
        quiz_submission_events: [{ event_type: 'Weird Type ✓' }, { event_type: 42 }, { event_type: '' }],
      },
    });
    assert.equal(r.status, 204);
    assert.deepEqual(
      stored(qs.id)
        .slice(1)
        .map((e) => e.event_type),
      ['Weird Type ✓', '42', ''],
    );
  });

  test('events go to the current attempt after a retake', async () => {
    const fx = await createFixture(api);
    const qs = await startAttempt(api, fx);
    await completeAttempt(api, fx, qs);
    await startAttempt(api, fx);
    await post(fx, qs, fx.student, { quiz_submission_events: [{ event_type: 'page_blurred', attempt: 1 }] });
    assert.deepEqual(
      stored(qs.id).map((e) => [e.event_type, e.attempt]),
      [
        ['submission_created', 1],
        ['submission_created', 2],
        ['page_blurred', 2],
      ],
    );
  });

  test('refused (unauthorized) for teachers, TAs, observers and other students', async () => {
    const fx = await createFixture(api);
    const qs = await startAttempt(api, fx);
    for (const who of [fx.teacher, fx.ta, fx.observer, fx.student2]) {
      const r = await post(fx, qs, who, { quiz_submission_events: [{ event_type: 'page_blurred' }] });
      assert.equal(r.status, 401);
      assert.deepEqual(r.json, UNAUTHORIZED);
    }
    assert.equal(stored(qs.id).length, 1);
  });

  test('the owner is refused once the untaken attempt is past end_at (not at end_at)', async () => {
    const fx = await createFixture(api, { timeLimitMinutes: 1 });
    const qs = await startAttempt(api, fx);
    server.clock.ms = T0 + 60_000;
    assert.equal(
      (await post(fx, qs, fx.student, { quiz_submission_events: [{ event_type: 'at_end' }] })).status,
      204,
    );
    server.clock.ms = T0 + 60_001;
    const late = await post(fx, qs, fx.student, { quiz_submission_events: [{ event_type: 'late' }] });
    assert.equal(late.status, 401);
    assert.deepEqual(late.json, UNAUTHORIZED);
    assert.deepEqual(
      stored(qs.id).map((e) => e.event_type),
      ['submission_created', 'at_end'],
    );
  });

  test("the rule is owner && end_date_is_valid: a completed submission's owner may still post", async () => {
    const fx = await createFixture(api, { timeLimitMinutes: 1 });
    const qs = await startAttempt(api, fx);
    await completeAttempt(api, fx, qs);
    server.clock.ms = T0 + 10 * 60_000; // long past end_at, but no longer untaken
    const r = await post(fx, qs, fx.student, { quiz_submission_events: [{ event_type: 'page_focused' }] });
    assert.equal(r.status, 204);
  });

  test('an untimed attempt never expires; a quiz that gained a time limit refuses (end date needs recalculating)', async () => {
    const fx = await createFixture(api, { timeLimitMinutes: null });
    const qs = await startAttempt(api, fx);
    server.clock.ms = T0 + 365 * 86_400_000;
    assert.equal((await post(fx, qs, fx.student, { quiz_submission_events: [] })).status, 204);
    const quizzes = server.app.canvas.store.quizzes;
    quizzes.update(quizzes.find(fx.courseId, fx.quizId), { time_limit: 10 });
    assert.equal((await post(fx, qs, fx.student, { quiz_submission_events: [] })).status, 401);
  });

  test('missing quiz_submission_events: 400 "quiz_submission_events is missing" (Canvas would 500)', async () => {
    const fx = await createFixture(api);
    const qs = await startAttempt(api, fx);
    for (const json of [{}, { quiz_submission_events: null }, { other: 1 }]) {
      const r = await post(fx, qs, fx.student, json);
      assert.equal(r.status, 400);
      assert.deepEqual(r.json, { errors: [{ message: 'quiz_submission_events is missing' }] });
    }
    const emptyBody = await api('POST', eventsPath(fx, qs.id), { token: fx.student.token });
    assert.deepEqual(emptyBody.json, { errors: [{ message: 'quiz_submission_events is missing' }] });
  });

  test('not an array, or an element that is not an event object: the whole batch is refused (400)', async () => {
    const fx = await createFixture(api);
    const qs = await startAttempt(api, fx);
    const cases = [
      [
        { quiz_submission_events: 'page_blurred' },
        'quiz_submission_events must be an array of event objects',
      ],
      [
        { quiz_submission_events: { 0: { event_type: 'a' } } },
        'quiz_submission_events must be an array of event objects',
      ],
      [{ quiz_submission_events: [{ event_type: 'a' }, 'b'] }, 'quiz_submission_events[1] must be an object'],
      [{ quiz_submission_events: [{ event_type: 'a' }, [1]] }, 'quiz_submission_events[1] must be an object'],
      [
        { quiz_submission_events: [{ event_type: 'a' }, { event_data: 1 }] },
        'quiz_submission_events[1] has no event_type',
      ],
      [{ quiz_submission_events: [{ event_type: { x: 1 } }] }, 'quiz_submission_events[0] has no event_type'],
    ];
    for (const [json, message] of cases) {
      const r = await post(fx, qs, fx.student, json);
      assert.equal(r.status, 400);
      assert.deepEqual(r.json, { errors: [{ message }] });
    }
    assert.equal(stored(qs.id).length, 1, 'nothing stored');
  });

  test('null elements are dropped (Rails deep_munge); an empty array is a no-op', async () => {
    const fx = await createFixture(api);
    const qs = await startAttempt(api, fx);
    assert.equal(
      (
        await post(fx, qs, fx.student, {
          quiz_submission_events: [null, { event_type: 'kept', event_data: [1, null, 2] }, null],
        })
      ).status,
      204,
    );
    assert.equal((await post(fx, qs, fx.student, { quiz_submission_events: [] })).status, 204);
    const rows = stored(qs.id).slice(1);
    assert.deepEqual(
      rows.map((e) => [e.event_type, e.event_data]),
      [['kept', [1, 2]]],
    );
  });

  test('form-encoded events, Rack style: a repeated key starts a new event', async () => {
    const fx = await createFixture(api);
    const qs = await startAttempt(api, fx);
    const form = [
      'quiz_submission_events[][event_type]=page_blurred',
      'quiz_submission_events[][client_timestamp]=2024-03-01T12:00:00.000Z',
      'quiz_submission_events[][event_type]=question_flagged',
      'quiz_submission_events[][event_data][flagged]=true',
      'quiz_submission_events[][event_data][questionId]=7',
      'quiz_submission_events[][client_timestamp]=2024-03-01T12:00:01.000Z',
    ].join('&');
    const r = await api('POST', eventsPath(fx, qs.id), { token: fx.student.token, form });
    assert.equal(r.status, 204);
    assert.deepEqual(
      stored(qs.id)
        .slice(1)
        .map((e) => [e.event_type, e.event_data, e.client_timestamp]),
      [
        ['page_blurred', null, '2024-03-01T12:00:00.000Z'],
        ['question_flagged', { flagged: 'true', questionId: '7' }, '2024-03-01T12:00:01.000Z'],
      ],
    );
  });

  test('a batch of 10,000 events is accepted (204) and stored', async () => {
    const fx = await createFixture(api);
    const qs = await startAttempt(api, fx);
    const events = Array.from({ length: 10_000 }, (_, i) => ({
      event_type: i % 2 ? 'page_focused' : 'page_blurred',
      client_timestamp: new Date(T0 + i).toISOString(),
      ...(i % 3 === 0
        ? {
            event_data: {
              user_agent:
                'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
            },
          }
        : {}),
    }));
    const r = await post(fx, qs, fx.student, { quiz_submission_events: events });
    assert.equal(r.status, 204);
    assert.equal(stored(qs.id).length, 10_001);
  });

  test('a 10 MB body gets a 413 JSON error naming the limit', async () => {
    const fx = await createFixture(api);
    const qs = await startAttempt(api, fx);
    const body = JSON.stringify({
      quiz_submission_events: [{ event_type: 'x', event_data: 'a'.repeat(10 * 1024 * 1024) }],
    });
    const r = await api('POST', eventsPath(fx, qs.id), {
      token: fx.student.token,
      body,
      contentType: 'application/json',
    });
    assert.equal(r.status, 413);
    assert.deepEqual(r.json, {
      errors: [{ message: 'Request entity too large: the request body exceeds the limit of 8388608 bytes.' }],
    });
    assert.equal(stored(qs.id).length, 1);
  });

  test('malformed JSON: 400 with the generic Canvas envelope, and the server keeps serving', async () => {
    const fx = await createFixture(api);
    const qs = await startAttempt(api, fx);
    const r = await api('POST', eventsPath(fx, qs.id), {
      token: fx.student.token,
      body: '{"quiz_submission_events": [',
      contentType: 'application/json',
    });
    assert.equal(r.status, 400);
    assert.deepEqual(r.json, { errors: [{ message: 'An error occurred.', error_code: 'bad_request' }] });
    assert.equal((await post(fx, qs, fx.student, { quiz_submission_events: [] })).status, 204);
  });

  test('unknown submission: 404', async () => {
    const fx = await createFixture(api);
    const r = await api('POST', eventsPath(fx, 987654), {
      token: fx.student.token,
      json: { quiz_submission_events: [] },
    });
    assert.equal(r.status, 404);
    const self = await api('POST', eventsPath(fx, 'self'), {
      token: fx.student.token,
      json: { quiz_submission_events: [] },
    });
    assert.equal(self.status, 404, 'no submission yet for self');
  });
});
