import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { createApp } from '../app.js';
import {
  assertNoServerErrors,
  createClient,
  createFixture,
  errorCollector,
  eventsPath,
  startAttempt,
  submissionsPath,
} from './helpers.js';

// The browser tests forward requests from @web/test-runner's Koa server into the emulator with
// `await app.ready(); app.routing(req, res)`. This does exactly that with a bare http.Server
// (which, like Koa, has already set res.statusCode = 404).
let app;
let foreign;
let api;
let fx;
const errors = [];

before(async () => {
  app = await createApp({ faults: true, logger: errorCollector(errors) });
  await app.ready();
  foreign = http.createServer((req, res) => {
    // What Koa does before any middleware runs (and what @web/test-runner's server hands over).
    res.statusCode = 404;
    app.routing(req, res);
  });
  await new Promise((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  api = createClient(`http://127.0.0.1:${foreign.address().port}`);
  fx = await createFixture(api);
});
after(async () => {
  foreign.closeAllConnections();
  await new Promise((resolve) => foreign.close(resolve));
  await app.close();
  assertNoServerErrors(errors);
});

const stored = (qsId) => app.canvas.store.events.allFor(qsId);

test('JSON bodies, Bearer auth and 204s work through app.routing', async () => {
  assert.equal(app.server.listening, false, 'the emulator itself is not listening');
  const qs = await startAttempt(api, fx);
  const r = await api('POST', eventsPath(fx, qs.id), {
    token: fx.student.token,
    json: {
      quiz_submission_events: [{ event_type: 'page_blurred', client_timestamp: '2024-03-01T00:00:00.000Z' }],
    },
  });
  assert.equal(r.status, 204);
  assert.equal(r.text, '');
  assert.deepEqual(
    stored(qs.id).map((e) => e.event_type),
    ['submission_created', 'page_blurred'],
  );
  const list = await api('GET', eventsPath(fx, qs.id), { token: fx.teacher.token });
  assert.equal(list.status, 200);
  assert.match(
    list.headers.get('link'),
    new RegExp(`^<http://127\\.0\\.0\\.1:${foreign.address().port}/api/v1/`),
  );
});

test('form bodies (Rack nested params) work through app.routing', async () => {
  const qs = await startAttempt(api, fx, fx.student2);
  const r = await api('POST', eventsPath(fx, qs.id), {
    token: fx.student2.token,
    form: 'quiz_submission_events[][event_type]=a&quiz_submission_events[][event_type]=b',
  });
  assert.equal(r.status, 204);
  assert.deepEqual(
    stored(qs.id)
      .slice(1)
      .map((e) => e.event_type),
    ['a', 'b'],
  );
  const done = await api('POST', `${submissionsPath(fx)}/${qs.id}/complete`, {
    token: fx.student2.token,
    form: `attempt=1&validation_token=${qs.validation_token}&access_code=letmein`,
  });
  assert.equal(done.status, 200);
});

test('cookie sessions, CSRF and while(1); work through app.routing', async () => {
  const login = await api('GET', `/login?as=${fx.teacher.login}&return_to=/x`);
  assert.equal(login.status, 302);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const r = await api('GET', submissionsPath(fx), { cookie });
  assert.ok(r.text.startsWith('while(1);'));
});

test('connection-reset faults (before and after the handler) work through app.routing', async () => {
  const qs = await startAttempt(api, fx, fx.ta);
  await api('POST', '/__control/faults', { json: { preset: 'reset', path: '/events' } });
  const send = () =>
    api('POST', eventsPath(fx, qs.id), {
      token: fx.ta.token,
      json: { quiz_submission_events: [{ event_type: 'x' }] },
    });
  await assert.rejects(send(), TypeError);
  assert.equal(stored(qs.id).length, 1);
  await api('POST', '/__control/faults', { json: { preset: 'lost-response', path: '/events' } });
  await assert.rejects(send(), TypeError);
  assert.equal(stored(qs.id).length, 2);
  assert.equal((await send()).status, 204);
  const log = (await api('GET', '/__control/requests?path=/events')).json.requests;
  assert.deepEqual(
    log.slice(-3).map((e) => e.status),
    ['reset', 'reset', 204],
  );
});
