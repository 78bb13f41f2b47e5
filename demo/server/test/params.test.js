import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createFixture, eventsPath, startAttempt, startServer, submissionsPath } from './helpers.js';

let server;
let api;
let fx;

before(async () => {
  server = await startServer();
  api = server.api;
  fx = await createFixture(api, { allowedAttempts: -1 });
});
after(() => server.close());

const stored = (qsId) => server.app.canvas.store.events.allFor(qsId);

test('params = body merged with query (query wins) merged with route segments (they win)', async () => {
  const r = await api('POST', `${submissionsPath(fx)}?access_code=letmein`, {
    token: fx.student.token,
    json: { access_code: 'wrong', course_id: 999999, quiz_id: 'nope' },
  });
  assert.equal(r.status, 200);
});

test('Rails nested form params: include[] arrays reach the controller', async () => {
  const fresh = await createFixture(api);
  const r = await api('POST', submissionsPath(fresh), {
    token: fresh.student.token,
    form: 'access_code=letmein&include[]=user&include[]=quiz',
  });
  assert.equal(r.status, 200);
  assert.deepEqual(
    r.json.users.map((u) => u.id),
    [fresh.student.id],
  );
  assert.deepEqual(
    r.json.quizzes.map((q) => q.id),
    [fresh.quizId],
  );
});

test('JSON with a charset, and application/vnd.api+json, are parsed as JSON', async () => {
  const fixture = await createFixture(api);
  const mine = await startAttempt(api, fixture);
  for (const contentType of ['application/json; charset=UTF-8', 'application/vnd.api+json']) {
    const r = await api('POST', eventsPath(fixture, mine.id), {
      token: fixture.student.token,
      contentType,
      body: JSON.stringify({ quiz_submission_events: [{ event_type: contentType }] }),
    });
    assert.equal(r.status, 204, contentType);
  }
  assert.deepEqual(
    stored(mine.id)
      .slice(1)
      .map((e) => e.event_type),
    ['application/json; charset=UTF-8', 'application/vnd.api+json'],
  );
});

test('a top-level JSON array lands under _json (so quiz_submission_events is missing)', async () => {
  const fixture = await createFixture(api);
  const qs = await startAttempt(api, fixture);
  const r = await api('POST', eventsPath(fixture, qs.id), {
    token: fixture.student.token,
    json: [{ event_type: 'page_blurred' }],
  });
  assert.equal(r.status, 400);
  assert.deepEqual(r.json, { errors: [{ message: 'quiz_submission_events is missing' }] });
});

test('bodies of unknown types are ignored, as Rails ignores them', async () => {
  const fixture = await createFixture(api);
  const qs = await startAttempt(api, fixture);
  const r = await api('POST', eventsPath(fixture, qs.id), {
    token: fixture.student.token,
    contentType: 'text/plain',
    body: JSON.stringify({ quiz_submission_events: [{ event_type: 'x' }] }),
  });
  assert.equal(r.status, 400);
  assert.deepEqual(r.json, { errors: [{ message: 'quiz_submission_events is missing' }] });
});

test('malformed bodies are 400s with the generic envelope: bad JSON, bad %-escapes, type clashes', async () => {
  const fixture = await createFixture(api);
  const qs = await startAttempt(api, fixture);
  const envelope = { errors: [{ message: 'An error occurred.', error_code: 'bad_request' }] };
  for (const [contentType, body] of [
    ['application/json', '{"quiz_submission_events": [{]}'],
    ['application/json', 'nul'],
    ['application/x-www-form-urlencoded', 'quiz_submission_events[][event_type]=%zz'],
    ['application/x-www-form-urlencoded', 'a=1&a[b]=2'],
  ]) {
    const r = await api('POST', eventsPath(fixture, qs.id), {
      token: fixture.student.token,
      contentType,
      body,
    });
    assert.equal(r.status, 400, body);
    assert.deepEqual(r.json, envelope, body);
  }
  const badQuery = await api('GET', `${submissionsPath(fixture)}?x=%zz`, { token: fixture.teacher.token });
  assert.equal(badQuery.status, 400);
});
