import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { completeAttempt, createFixture, startAttempt, startServer, submissionsPath, T0 } from './helpers.js';

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
const complete = (fx, qs, who, body) =>
  api('POST', `${submissionsPath(fx)}/${qs.id}/complete`, { token: who.token, json: body });
const err = (status, message) => ({ status, message });

test('200: complete → pending_review (essay), finished_at, score, kept_score, result_url', async () => {
  const fx = await createFixture(api);
  const qs = await startAttempt(api, fx);
  server.clock.ms += 125_000;
  const r = await completeAttempt(api, fx, qs);
  assert.equal(r.status, 200);
  const [done] = r.json.quiz_submissions;
  assert.equal(done.id, qs.id);
  assert.equal(done.workflow_state, 'pending_review');
  assert.equal(done.finished_at, iso(T0 + 125_000));
  assert.equal(done.time_spent, 125);
  assert.equal(done.score, 0, 'graded from submission_data, which only the (future) questions API fills');
  assert.equal(done.kept_score, 0);
  assert.equal(done.has_seen_results, false);
  assert.equal(done.attempts_left, 1);
  assert.equal(done.overdue_and_needs_submission, false);
  assert.equal(
    done.result_url,
    `${server.base}/courses/${fx.courseId}/quizzes/${fx.quizId}/history?quiz_submission_id=${qs.id}&version=2`,
  );
});

test('200: without essay questions the state is complete', async () => {
  const fx = await createFixture(api, { withEssay: false });
  const qs = await startAttempt(api, fx);
  const r = await completeAttempt(api, fx, qs);
  assert.equal(r.json.quiz_submissions[0].workflow_state, 'complete');
});

test('finished_at up to 5 minutes past end_at is recorded as end_at (rectify_finished_at_drift)', async () => {
  const fx = await createFixture(api, { timeLimitMinutes: 1 });
  const qs = await startAttempt(api, fx);
  server.clock.ms += 3 * 60_000;
  const r = await completeAttempt(api, fx, qs);
  assert.equal(r.status, 200, 'completing an overdue attempt is allowed');
  assert.equal(r.json.quiz_submissions[0].finished_at, qs.end_at);
});

test('order of checks: :submit, access code, token, untaken, attempt', async () => {
  const fx = await createFixture(api);
  const qs = await startAttempt(api, fx);
  const good = { attempt: 1, validation_token: qs.validation_token, access_code: 'letmein' };

  // observers cannot :submit: 403 before anything else (even with every other field right)
  assert.deepEqual(
    (await complete(fx, qs, fx.observer, good)).json,
    err('forbidden', 'you are not allowed to complete this quiz submission'),
  );
  // takeability before the token
  const noCode = await complete(fx, qs, fx.student, { attempt: 1, validation_token: 'wrong' });
  assert.equal(noCode.status, 403);
  assert.deepEqual(noCode.json, err('forbidden', 'invalid access code'));
  // the token before the attempt
  for (const token of ['aaaooeeeee', undefined, '']) {
    const r = await complete(fx, qs, fx.student, {
      attempt: 'abc',
      validation_token: token,
      access_code: 'letmein',
    });
    assert.equal(r.status, 403);
    assert.deepEqual(r.json, err('forbidden', 'invalid token'));
  }
  // attempt: Ruby Integer() semantics
  for (const attempt of [undefined, '1.5', 'abc', '', null, true]) {
    const r = await complete(fx, qs, fx.student, { ...good, attempt });
    assert.equal(r.status, 400, JSON.stringify(attempt));
    assert.deepEqual(r.json, err('bad_request', 'invalid attempt'));
  }
  const wrongAttempt = await complete(fx, qs, fx.student, { ...good, attempt: 123123123 });
  assert.equal(wrongAttempt.status, 400);
  assert.deepEqual(wrongAttempt.json, err('bad_request', 'attempt 123123123 can not be modified'));
  assert.deepEqual(
    (await complete(fx, qs, fx.student, { ...good, attempt: '2' })).json,
    err('bad_request', 'attempt 2 can not be modified'),
  );
  // "1" (a string) is a valid Integer()
  const ok = await complete(fx, qs, fx.student, { ...good, attempt: '1' });
  assert.equal(ok.status, 200);
  // completed: the token is still checked first, then "already complete"
  assert.deepEqual(
    (await complete(fx, qs, fx.student, { ...good, validation_token: 'nope' })).json,
    err('forbidden', 'invalid token'),
  );
  const already = await complete(fx, qs, fx.student, good);
  assert.equal(already.status, 400);
  assert.deepEqual(already.json, err('bad_request', 'quiz submission is already complete'));
  const alreadyBadAttempt = await complete(fx, qs, fx.student, { ...good, attempt: 'abc' });
  assert.deepEqual(alreadyBadAttempt.json, err('bad_request', 'quiz submission is already complete'));
});

test("form-encoded complete; a wrong token for another student's submission is 403", async () => {
  const fx = await createFixture(api);
  const qs = await startAttempt(api, fx);
  const r = await api('POST', `${submissionsPath(fx)}/${qs.id}/complete`, {
    token: fx.student.token,
    form: `attempt=1&validation_token=${qs.validation_token}&access_code=letmein`,
  });
  assert.equal(r.status, 200);
  const other = await startAttempt(api, fx, fx.student2);
  const stranger = await complete(fx, other, fx.student, {
    attempt: 1,
    validation_token: qs.validation_token,
    access_code: 'letmein',
  });
  assert.deepEqual(stranger.json, err('forbidden', 'invalid token'));
});

test('the quiz checks apply on complete too: 501, IP, lock', async () => {
  const fx = await createFixture(api);
  const qs = await startAttempt(api, fx);
  const good = { attempt: 1, validation_token: qs.validation_token, access_code: 'letmein' };
  const quizzes = server.app.canvas.store.quizzes;
  const quiz = quizzes.find(fx.courseId, fx.quizId);
  quizzes.update(quiz, { cant_go_back: true });
  assert.deepEqual(
    (await complete(fx, qs, fx.student, good)).json,
    err('not_implemented', 'that type of quizzes is not supported yet'),
  );
  quizzes.update(quiz, { cant_go_back: false, ip_filter: '10.0.0.0/8' });
  assert.deepEqual((await complete(fx, qs, fx.student, good)).json, err('forbidden', 'IP address denied'));
  quizzes.update(quiz, { ip_filter: null, locked: true });
  assert.deepEqual((await complete(fx, qs, fx.student, good)).json, err('bad_request', 'quiz is locked'));
});

test('404 for an unknown submission; a preview can not be completed through the API', async () => {
  const fx = await createFixture(api);
  const missing = await api('POST', `${submissionsPath(fx)}/424242/complete`, {
    token: fx.student.token,
    json: {},
  });
  assert.equal(missing.status, 404);
  const preview = (await api('POST', submissionsPath(fx), { token: fx.teacher.token, form: 'preview=1' }))
    .json.quiz_submissions[0];
  const r = await complete(fx, preview, fx.teacher, {
    attempt: 1,
    validation_token: preview.validation_token,
    access_code: 'letmein',
  });
  assert.deepEqual(r.json, err('bad_request', 'quiz submission is already complete'));
});

test('kept_score follows keep_highest across attempts; ?attempt=N shows each version', async () => {
  const fx = await createFixture(api, { allowedAttempts: 2 });
  const qs = await startAttempt(api, fx);
  const store = server.app.canvas.store;
  // answer the multiple-choice question correctly in attempt 1 (what the questions API will do)
  const row = store.quizSubmissions.find(fx.quizId, qs.id);
  const correct = row.quiz_data[0].answers.find((a) => a.weight === 100).id;
  store.quizSubmissions.save({
    ...row,
    submission_data: { [`question_${fx.questionIds[0]}`]: String(correct) },
  });
  const first = (await completeAttempt(api, fx, qs)).json.quiz_submissions[0];
  assert.equal(first.score, 2);
  const second = await startAttempt(api, fx);
  const done = (await completeAttempt(api, fx, second)).json.quiz_submissions[0];
  assert.equal(done.score, 0);
  assert.equal(done.kept_score, 2);
  const v1 = await api('GET', `${submissionsPath(fx)}/${qs.id}?attempt=1`, { token: fx.teacher.token });
  assert.equal(v1.json.quiz_submissions[0].score, 2);
  assert.equal(v1.json.quiz_submissions[0].attempt, 1);
});
