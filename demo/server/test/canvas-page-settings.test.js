// The pages' settings and their surroundings: the brand config's theme file tag, the QLA
// delivery interval, Canvas's optional CSP, the teacher's quiz log page, the page scripts, and
// the request log's requestedWith / eventTypes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createFixture, eventsPath, startAttempt, startServer } from './helpers.js';
import { createPageSession, envOf, quizPath } from './page-helpers.js';

const THEME = 'https://cdn.school.test/brand/custom.js';

let server;
let fx;
let session;

before(async () => {
  server = await startServer({ themeJsUrl: THEME });
  fx = await createFixture(server.api);
  session = createPageSession(server.base);
  await session.logIn(fx.student);
});
after(() => server.close());

const control = (method, path, json) => server.api(method, path, json === undefined ? {} : { json });
const themeTags = (html) =>
  [...html.matchAll(/<script src="([^"]+)" defer="defer"><\/script>/g)].map((m) => m[1]);

describe('the theme file (brand config js_overrides)', () => {
  test('the last tag of every page: src, defer="defer", nothing else', async () => {
    for (const path of [`/courses/${fx.courseId}`, quizPath(fx)]) {
      const { text } = await session.get(path);
      assert.deepEqual(themeTags(text), [THEME], path);
      assert.match(
        text,
        /<script src="https:\/\/cdn\.school\.test\/brand\/custom\.js" defer="defer"><\/script>\s*<\/body>/,
      );
    }
  });

  test('?global_includes=0 leaves it out', async () => {
    const { text } = await session.get(`${quizPath(fx)}?global_includes=0`);
    assert.deepEqual(themeTags(text), []);
  });

  test('POST /__control/theme replaces it, null removes it, DELETE goes back to the option', async () => {
    assert.deepEqual((await control('GET', '/__control/theme')).json, { url: THEME, overridden: false });
    const other = 'http://127.0.0.1:9/other.js';
    assert.deepEqual((await control('POST', '/__control/theme', { url: other })).json, {
      url: other,
      overridden: true,
    });
    assert.deepEqual(themeTags((await session.get(quizPath(fx))).text), [other]);
    assert.deepEqual((await control('POST', '/__control/theme', { url: null })).json, {
      url: null,
      overridden: true,
    });
    assert.deepEqual(themeTags((await session.get(quizPath(fx))).text), []);
    assert.equal((await control('POST', '/__control/theme', { url: 42 })).status, 400);
    assert.equal((await control('POST', '/__control/theme', {})).status, 400);
    assert.deepEqual((await control('DELETE', '/__control/theme')).json, { url: THEME, overridden: false });
    assert.deepEqual(themeTags((await session.get(quizPath(fx))).text), [THEME]);
  });

  test('a function option sees the request (the host name the browser used), and no URL means no tag', async () => {
    const own = await startServer({
      themeJsUrl: (request) => `http://${request.headers.host.split(':')[0]}:9999/t.js`,
    });
    const ownFx = await createFixture(own.api);
    const page = createPageSession(own.base);
    await page.logIn(ownFx.student);
    assert.deepEqual(themeTags((await page.get(quizPath(ownFx))).text), ['http://127.0.0.1:9999/t.js']);
    await own.close();

    const bare = await startServer();
    const bareFx = await createFixture(bare.api);
    const plain = createPageSession(bare.base);
    await plain.logIn(bareFx.student);
    const { text, headers } = await plain.get(quizPath(bareFx));
    assert.deepEqual(themeTags(text), []);
    assert.equal(headers.get('content-security-policy'), null, 'no CSP unless asked for');
    await bare.close();
  });
});

describe('the QLA delivery interval and the CSP', () => {
  test("the boot script carries data-qla-delivery-ms: 15000, the option's, or /__control/qla's", async () => {
    const interval = async () =>
      /<script src="\/javascripts\/canvas-boot\.js" defer="defer" crossorigin="anonymous" data-qla-delivery-ms="(\d+)">/.exec(
        (await session.get(quizPath(fx))).text,
      )[1];
    assert.equal(await interval(), '15000');
    assert.deepEqual((await control('POST', '/__control/qla', { qlaDeliveryMs: 250 })).json, {
      qlaDeliveryMs: 250,
    });
    assert.equal(await interval(), '250');
    assert.equal((await control('POST', '/__control/qla', { qlaDeliveryMs: 0 })).status, 400);
    assert.deepEqual((await control('POST', '/__control/qla', { qlaDeliveryMs: null })).json, {
      qlaDeliveryMs: 15000,
    });
    assert.equal(await interval(), '15000');

    const own = await startServer({ qlaDeliveryMs: 500, javascriptCsp: true });
    const ownFx = await createFixture(own.api);
    const page = createPageSession(own.base);
    await page.logIn(ownFx.student);
    const r = await page.get(quizPath(ownFx));
    assert.match(r.text, /data-qla-delivery-ms="500"/);
    assert.equal(r.headers.get('content-security-policy'), "frame-src 'self' blob:");
    await own.close();
  });
});

describe("the teacher's quiz log page", () => {
  let qs;
  const logPath = () => `${quizPath(fx)}/submissions/${qs.id}/log`;

  before(async () => {
    qs = await startAttempt(server.api, fx);
  });

  test('a teacher gets the lowercase, absolute ENV URLs and the log app bundle', async () => {
    const teacher = createPageSession(server.base);
    await teacher.logIn(fx.teacher);
    const r = await teacher.get(logPath());
    assert.equal(r.status, 200);
    const env = envOf(r.text);
    const api = `${server.base}/api/v1/courses/${fx.courseId}/quizzes/${fx.quizId}`;
    assert.equal(env.quiz_url, api);
    assert.equal(env.questions_url, `${api}/questions?quiz_submission_id=${qs.id}&quiz_submission_attempt=1`);
    assert.equal(env.submission_url, `${api}/submissions/${qs.id}`);
    assert.equal(env.events_url, `${api}/submissions/${qs.id}/events`);
    assert.equal(env.can_view_answer_audits, true);
    assert.equal(env.attempt, undefined);
    assert.match(r.text, /<div id="content" class="ic-Layout-contentMain" role="main">\s*<\/div>/);
    assert.match(r.text, /\.push\("quiz_log_auditing"\)/);
    assert.equal((await teacher.get(`${logPath()}/questions/1`)).status, 200, "the app's own routes");
  });

  test('another student is refused (401 page); the owner holds :read, as in Canvas', async () => {
    const other = createPageSession(server.base);
    await other.logIn(fx.student2);
    assert.equal((await other.get(logPath())).status, 401);
    assert.equal((await session.get(logPath())).status, 200);
    const anonymous = createPageSession(server.base);
    assert.equal((await anonymous.get(logPath())).status, 302);
    const teacher = createPageSession(server.base);
    await teacher.logIn(fx.teacher);
    assert.equal((await teacher.get(`${quizPath(fx)}/submissions/999999/log`)).status, 404);
  });

  test('with the course feature off it redirects to the quiz history', async () => {
    const off = await createFixture(server.api, { quizLogAuditing: false });
    const offQs = await startAttempt(server.api, off);
    const teacher = createPageSession(server.base);
    await teacher.logIn(off.teacher);
    const r = await teacher.get(`${quizPath(off)}/submissions/${offQs.id}/log`);
    assert.equal(r.status, 302);
    assert.equal(r.location, `${server.base}${quizPath(off)}/history?user_id=${off.student.id}`);
  });
});

describe('the page scripts', () => {
  test('the boot script and every bundle the pages push are served as JavaScript', async () => {
    for (const path of [
      '/javascripts/canvas-boot.js',
      '/javascripts/bundles/take_quiz.js',
      '/javascripts/bundles/quiz_show.js',
      '/javascripts/bundles/quiz_log_auditing.js',
      '/javascripts/quiz-log-auditing/event-manager.js',
    ]) {
      const r = await fetch(`${server.base}${path}`);
      assert.equal(r.status, 200, path);
      assert.match(r.headers.get('content-type'), /javascript/, path);
    }
  });
});

describe('the request log', () => {
  test('requestedWith is the X-Requested-With header; eventTypes lists an events POST in order', async () => {
    const own = await createFixture(server.api);
    const qs = await startAttempt(server.api, own);
    await server.api('DELETE', '/__control/requests');
    const path = eventsPath(own, qs.id);
    const events = [
      { event_type: 'page_blurred', client_timestamp: '2030-01-15T10:00:01.000Z' },
      { event_type: 'page_focused', client_timestamp: '2030-01-15T10:00:02.000Z' },
    ];
    await server.api('POST', path, {
      token: own.student.token,
      json: { quiz_submission_events: events },
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    // A refused POST (the teacher may not record events) is logged with its types too.
    await server.api('POST', path, {
      token: own.teacher.token,
      json: { quiz_submission_events: [events[0]] },
    });
    await server.api('GET', path, { token: own.teacher.token });
    const { requests } = (await server.api('GET', '/__control/requests')).json;
    assert.deepEqual(
      requests.map((entry) => [entry.method, entry.status, entry.requestedWith, entry.eventTypes]),
      [
        ['POST', 204, 'XMLHttpRequest', ['page_blurred', 'page_focused']],
        ['POST', 401, null, ['page_blurred']],
        ['GET', 200, null, null],
      ],
    );
  });
});
