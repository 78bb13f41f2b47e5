import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createFixture,
  eventsPath,
  NOT_FOUND,
  startAttempt,
  startServer,
  submissionsPath,
  UNAUTHORIZED,
} from './helpers.js';

let server;
let api;
let fx;

before(async () => {
  server = await startServer();
  api = server.api;
  fx = await createFixture(api);
});
after(() => server.close());

const cookieValue = (headers, name) => {
  for (const line of headers.getSetCookie()) {
    const [pair] = line.split(';');
    const index = pair.indexOf('=');
    if (pair.slice(0, index) === name) return pair.slice(index + 1);
  }
  return null;
};

/** Logs in through POST /login and returns the cookie header and the current CSRF cookie. */
async function logIn(who) {
  const response = await api('POST', '/login', { json: { token: who.token } });
  assert.equal(response.status, 200);
  const session = cookieValue(response.headers, 'canvas_session');
  const csrf = cookieValue(response.headers, '_csrf_token');
  return { cookie: `canvas_session=${session}; _csrf_token=${csrf}`, csrf, response };
}

describe('tokens', () => {
  test('no credentials: 401 unauthenticated with WWW-Authenticate', async () => {
    const r = await api('GET', submissionsPath(fx));
    assert.equal(r.status, 401);
    assert.deepEqual(r.json, {
      status: 'unauthenticated',
      errors: [{ message: 'user authorization required' }],
    });
    assert.equal(r.headers.get('www-authenticate'), 'Bearer realm="canvas-lms"');
  });

  test('unknown Bearer token: 401 Invalid access token with WWW-Authenticate', async () => {
    const r = await api('GET', submissionsPath(fx), { headers: { authorization: 'Bearer nope' } });
    assert.equal(r.status, 401);
    assert.deepEqual(r.json, { errors: [{ message: 'Invalid access token.' }] });
    assert.equal(r.headers.get('www-authenticate'), 'Bearer realm="canvas-lms"');
  });

  test('the first word must be exactly "Bearer"; otherwise access_token (query or body) is used', async () => {
    const lower = await api('GET', submissionsPath(fx), {
      headers: { authorization: `bearer ${fx.teacher.token}` },
    });
    assert.equal(lower.status, 401);
    assert.deepEqual(lower.json.status, 'unauthenticated');
    const viaQuery = await api('GET', `${submissionsPath(fx)}?access_token=${fx.teacher.token}`, {
      headers: { authorization: `Basic abc` },
    });
    assert.equal(viaQuery.status, 200);
    const badQuery = await api('GET', `${submissionsPath(fx)}?access_token=wrong`);
    assert.deepEqual(badQuery.json, { errors: [{ message: 'Invalid access token.' }] });
    const viaBody = await api('POST', submissionsPath(fx), {
      form: { access_token: fx.student.token, access_code: fx.accessCode },
    });
    assert.equal(viaBody.status, 200);
    const bareBearer = await api('GET', submissionsPath(fx), { headers: { authorization: 'Bearer' } });
    assert.equal(bareBearer.json.status, 'unauthenticated');
  });

  test('token responses carry X-Request-Cost and X-Rate-Limit-Remaining and never while(1);', async () => {
    const r = await api('GET', submissionsPath(fx), { token: fx.teacher.token });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('x-request-cost'), /^\d+\.\d+$/);
    assert.match(r.headers.get('x-rate-limit-remaining'), /^\d+\.\d+$/);
    assert.ok(Number(r.headers.get('x-rate-limit-remaining')) <= 600);
    assert.ok(r.text.startsWith('{'));
  });

  test('authenticated but not permitted: 401 unauthorized envelope (no WWW-Authenticate)', async () => {
    const qs = await startAttempt(api, fx, fx.student2);
    const r = await api('GET', `${submissionsPath(fx)}/${qs.id}`, { token: fx.student.token });
    assert.equal(r.status, 401);
    assert.deepEqual(r.json, UNAUTHORIZED);
    assert.equal(r.headers.get('www-authenticate'), null);
  });

  test('apiAuthErrorUpdates turns "not authorized" into 403 (unauthenticated stays 401)', async () => {
    const strict = await startServer({ apiAuthErrorUpdates: true });
    try {
      const sfx = await createFixture(strict.api);
      const qs = await startAttempt(strict.api, sfx);
      const r = await strict.api('POST', eventsPath(sfx, qs.id), {
        token: sfx.teacher.token,
        json: { quiz_submission_events: [] },
      });
      assert.equal(r.status, 403);
      assert.deepEqual(r.json, UNAUTHORIZED);
      const anonymous = await strict.api('GET', submissionsPath(sfx));
      assert.equal(anonymous.status, 401);
    } finally {
      await strict.close();
    }
  });
});

describe('not found', () => {
  test('unknown course, quiz, submission, non-numeric ids and unknown routes: 404 envelope', async () => {
    const t = { token: fx.teacher.token };
    for (const path of [
      `/api/v1/courses/999999/quizzes/${fx.quizId}/submissions`,
      `/api/v1/courses/abc/quizzes/${fx.quizId}/submissions`,
      `/api/v1/courses/${fx.courseId}/quizzes/999999/submissions`,
      `${submissionsPath(fx)}/999999`,
      `${submissionsPath(fx)}/abc/events`,
      `${submissionsPath(fx)}/self`,
      '/api/v1/nope',
      '/api/v2/courses',
    ]) {
      const r = await api('GET', path, t);
      assert.equal(r.status, 404, path);
      assert.deepEqual(r.json, NOT_FOUND, path);
    }
    const wrongMethod = await api('PATCH', eventsPath(fx, 1), { ...t, json: {} });
    assert.equal(wrongMethod.status, 404);
    assert.deepEqual(wrongMethod.json, NOT_FOUND);
  });

  test('a quiz of another course is not found', async () => {
    const other = await createFixture(api);
    const r = await api('GET', `/api/v1/courses/${fx.courseId}/quizzes/${other.quizId}/submissions`, {
      token: fx.teacher.token,
    });
    assert.equal(r.status, 404);
  });
});

describe('string ids', () => {
  test('Accept: application/json+canvas-string-ids renders id and *_id as strings', async () => {
    const qs = await startAttempt(api, fx, fx.ta);
    const r = await api('GET', `${submissionsPath(fx)}/${qs.id}`, {
      token: fx.ta.token,
      headers: { accept: 'application/json+canvas-string-ids, application/json' },
    });
    const json = r.json.quiz_submissions[0];
    assert.equal(json.id, String(qs.id));
    assert.equal(json.user_id, String(fx.ta.id));
    assert.equal(json.quiz_id, String(fx.quizId));
    assert.equal(json.submission_id, null);
    assert.equal(json.attempt, 1);
    const events = await api('GET', eventsPath(fx, qs.id), {
      token: fx.ta.token,
      headers: { accept: 'application/json+canvas-string-ids' },
    });
    const created = events.json.quiz_submission_events[0];
    assert.equal(typeof created.event_data.quiz_data[0].id, 'string');
    const plain = await api('GET', `${submissionsPath(fx)}/${qs.id}`, { token: fx.ta.token });
    assert.equal(plain.json.quiz_submissions[0].id, qs.id);
  });
});

describe('cookie sessions', () => {
  test('POST /login (JSON token) sets an HttpOnly canvas_session and a readable _csrf_token', async () => {
    const r = await api('POST', '/login', { json: { token: fx.student.token } });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.user, { id: fx.student.id, name: fx.student.name, login_id: fx.student.login });
    const cookies = r.headers.getSetCookie();
    assert.ok(cookies.some((c) => /^canvas_session=[0-9a-f]{64};.*HttpOnly/i.test(c)));
    const csrf = cookies.find((c) => c.startsWith('_csrf_token='));
    assert.ok(csrf && !/HttpOnly/i.test(csrf));
    assert.match(csrf, /%3D/); // base64 padding, URL-encoded on the wire
  });

  test('POST /login with a form user_id, and unknown users', async () => {
    const r = await api('POST', '/login', { form: { user_id: String(fx.teacher.id) } });
    assert.equal(r.status, 200);
    assert.equal(r.json.user.id, fx.teacher.id);
    const bad = await api('POST', '/login', { json: { token: 'nope' } });
    assert.equal(bad.status, 401);
    assert.deepEqual(bad.json, { errors: [{ message: 'Unknown user, login or token.' }] });
  });

  test('GET /login?as=<login>&return_to= logs in and redirects (same-origin paths only)', async () => {
    const r = await api('GET', `/login?as=${fx.student.login}&return_to=/demo/quiz.html`);
    assert.equal(r.status, 302);
    assert.equal(r.headers.get('location'), '/demo/quiz.html');
    assert.ok(cookieValue(r.headers, 'canvas_session'));
    const offsite = await api('GET', `/login?as=${fx.student.id}&return_to=//evil.example`);
    assert.equal(offsite.headers.get('location'), '/');
    const page = await api('GET', '/login');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /text\/html/);
    assert.match(page.text, new RegExp(`login\\?as=${fx.student.login}`));
  });

  test('cookie-session GETs are prefixed with while(1); (errors too); Bearer ones never', async () => {
    const { cookie } = await logIn(fx.teacher);
    const r = await api('GET', submissionsPath(fx), { cookie });
    assert.equal(r.status, 200);
    assert.ok(r.text.startsWith('while(1);{"quiz_submissions":'));
    assert.match(r.headers.get('content-type'), /application\/json/);
    const missing = await api('GET', `${submissionsPath(fx)}/999999`, { cookie });
    assert.equal(missing.text, `while(1);${JSON.stringify(NOT_FOUND)}`);
    const bearer = await api('GET', submissionsPath(fx), { token: fx.teacher.token });
    assert.ok(bearer.text.startsWith('{'));
  });

  test('CSRF: a cookie-session POST needs X-CSRF-Token (URL-decoded cookie) or authenticity_token', async () => {
    const fresh = await createFixture(api);
    const { cookie, csrf } = await logIn(fresh.student);
    const missing = await api('POST', submissionsPath(fresh), {
      cookie,
      json: { access_code: fresh.accessCode },
    });
    assert.equal(missing.status, 422);
    assert.deepEqual(missing.json, {
      errors: [{ message: 'An error occurred.', error_code: 'unprocessable_entity' }],
    });
    const encoded = await api('POST', submissionsPath(fresh), {
      cookie,
      headers: { 'x-csrf-token': csrf },
      json: { access_code: fresh.accessCode },
    });
    assert.equal(encoded.status, 422, 'the raw (still URL-encoded) cookie value is not a valid token');
    const wrong = await api('POST', submissionsPath(fresh), {
      cookie,
      headers: { 'x-csrf-token': Buffer.alloc(64, 1).toString('base64') },
      json: { access_code: fresh.accessCode },
    });
    assert.equal(wrong.status, 422);
    const ok = await api('POST', submissionsPath(fresh), {
      cookie,
      headers: { 'x-csrf-token': decodeURIComponent(csrf) },
      json: { access_code: fresh.accessCode },
    });
    assert.equal(ok.status, 200);
    assert.ok(ok.text.startsWith('{'), 'POST answers are not prefixed');
    // every response rotates the cookie; the new value is valid too, as a param this time
    const rotated = cookieValue(ok.headers, '_csrf_token');
    assert.ok(rotated && rotated !== csrf);
    const qs = ok.json.quiz_submissions[0];
    const events = await api('POST', eventsPath(fresh, qs.id), {
      cookie,
      json: {
        authenticity_token: decodeURIComponent(rotated),
        quiz_submission_events: [{ event_type: 'page_blurred' }],
      },
    });
    assert.equal(events.status, 204);
    assert.equal(events.text, '');
  });

  test('a Bearer token wins over the session cookie (no CSRF needed)', async () => {
    const { cookie } = await logIn(fx.student);
    const r = await api('GET', submissionsPath(fx), { cookie, token: fx.teacher.token });
    assert.ok(r.text.startsWith('{'));
    assert.equal(r.status, 200);
  });

  test('DELETE /login ends the session', async () => {
    const { cookie, csrf } = await logIn(fx.teacher);
    const out = await api('DELETE', '/login', {
      cookie,
      headers: { 'x-csrf-token': decodeURIComponent(csrf) },
    });
    assert.equal(out.status, 204);
    const r = await api('GET', submissionsPath(fx), { cookie });
    assert.equal(r.status, 401);
    assert.equal(r.json.status, 'unauthenticated');
  });
});
