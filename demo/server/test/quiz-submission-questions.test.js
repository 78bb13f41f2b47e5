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

const questionsPath = (qs) => `/api/v1/quiz_submissions/${qs.id}/questions`;
const err = (status, message) => ({ status, message });

async function setup(options) {
  const fx = await createFixture(api, options);
  const qs = await startAttempt(api, fx);
  const auth = { attempt: qs.attempt, validation_token: qs.validation_token, access_code: fx.accessCode };
  const answer = (quiz_questions, who = fx.student, extra = {}) =>
    api('POST', questionsPath(qs), { token: who.token, json: { ...auth, quiz_questions, ...extra } });
  const mc = fx.questionIds[0];
  const questions = (
    await api('GET', `${questionsPath(qs)}?include[]=quiz_question`, { token: fx.student.token })
  ).json;
  return { fx, qs, auth, answer, mc, questions };
}
const answeredEvents = async (fx, qs) => {
  const r = await api('GET', `${submissionsPath(fx)}/${qs.id}/events?per_page=100`, {
    token: fx.teacher.token,
  });
  return r.json.quiz_submission_events.filter((e) => e.event_type === 'question_answered');
};

test('index: every question of the attempt, censored, with flagged/answer; include[]=quiz_question', async () => {
  const { questions, fx } = await setup();
  assert.equal(questions.quiz_submission_questions.length, fx.questionIds.length);
  const [first] = questions.quiz_submission_questions;
  assert.equal(first.flagged, false);
  assert.equal(first.answer, null);
  assert.ok(
    first.answers.every((a) => !('weight' in a)),
    'censored for the taker',
  );
  assert.equal(questions.quiz_questions.length, fx.questionIds.length);
});

test('index: another student is unauthorized; OQAAT quizzes are refused to takers', async () => {
  const { fx, qs } = await setup();
  assert.equal((await api('GET', questionsPath(qs), { token: fx.student2.token })).status, 401);
  const o = await setup({ oneQuestionAtATime: true });
  const r = await api('GET', questionsPath(o.qs), { token: o.fx.student.token });
  assert.equal(r.status, 401);
  assert.deepEqual(r.json, err('unauthorized', 'Cannot receive one question at a time questions in the API'));
});

test('answer (acceptance 17): 200, one question_answered event, none for an unchanged answer', async () => {
  const { fx, qs, answer, mc, questions } = await setup();
  const answerId = questions.quiz_submission_questions[0].answers[2].id;
  const r = await answer([{ id: mc, answer: answerId }]);
  assert.equal(r.status, 200);
  assert.equal(r.json.quiz_submission_questions.length, 1);
  assert.equal(r.json.quiz_submission_questions[0].id, mc);
  assert.equal(r.json.quiz_submission_questions[0].answer, String(answerId));
  assert.equal(r.json.quiz_submission_questions[0].flagged, false);
  let events = await answeredEvents(fx, qs);
  assert.equal(events.length, 1);
  assert.deepEqual(events[0].event_data, [{ quiz_question_id: String(mc), answer: String(answerId) }]);
  assert.equal((await answer([{ id: mc, answer: answerId }])).status, 200);
  assert.equal((await answeredEvents(fx, qs)).length, 1, 'identical answer: no event');
  // a batch with one changed and one unchanged answer records only the changed one
  const short = fx.questionIds[2];
  await answer([
    { id: mc, answer: answerId },
    { id: short, answer: '  QLA_events ' },
  ]);
  events = await answeredEvents(fx, qs);
  assert.equal(events.length, 2);
  assert.deepEqual(events[1].event_data, [{ quiz_question_id: String(short), answer: 'qla_events' }]);
});

test('answer formats: multiple answers, true/false, essay; the grader scores them at completion', async () => {
  const { fx, qs, answer, questions } = await setup();
  const byId = new Map(questions.quiz_submission_questions.map((q) => [q.id, q]));
  const [mc, tf, short, multi, essay] = fx.questionIds;
  const pick = (id, i) => byId.get(id).answers[i].id;
  const r = await answer([
    { id: mc, answer: pick(mc, 2) },
    { id: tf, answer: String(pick(tf, 0)) },
    { id: short, answer: 'qla_events' },
    { id: multi, answer: [pick(multi, 0), pick(multi, 1), pick(multi, 3)] },
    { id: essay, answer: '<p>hi</p><script>x()</script>' },
  ]);
  assert.equal(r.status, 200);
  const rows = new Map(r.json.quiz_submission_questions.map((q) => [q.id, q.answer]));
  assert.deepEqual(rows.get(multi), [pick(multi, 0), pick(multi, 1), pick(multi, 3)].map(String));
  assert.equal(rows.get(essay), '<p>hi</p>');
  const done = await completeAttempt(api, fx, qs);
  assert.equal(done.json.quiz_submissions[0].score, 8);
});

test('serializer errors: unknown answer, wrong type, too long (400, RequestError envelope)', async () => {
  const { fx, answer, mc } = await setup();
  let r = await answer([{ id: mc, answer: 123 }]);
  assert.equal(r.status, 400);
  assert.deepEqual(r.json, err('bad_request', "Unknown answer '123'"));
  r = await answer([{ id: mc, answer: 'asdf' }]);
  assert.deepEqual(r.json, err('bad_request', 'answer must be of type Integer'));
  r = await answer([{ id: fx.questionIds[3], answer: 5 }]);
  assert.deepEqual(r.json, err('bad_request', 'answer must be of type Array'));
  r = await answer([{ id: fx.questionIds[2], answer: 'x'.repeat(16 * 1024) }]);
  assert.deepEqual(r.json, err('bad_request', 'Text is too long.'));
  r = await answer([{ id: mc }]);
  assert.deepEqual(r.json, err('bad_request', 'answer must be of type Integer'), 'missing answer is []');
});

test('order of checks: 403 not allowed, overdue, takeability, token, attempt', async () => {
  const { fx, answer, mc, auth } = await setup();
  assert.deepEqual(
    (await answer([], fx.student2)).json,
    err('forbidden', 'you are not allowed to update questions for this quiz submission'),
  );
  assert.deepEqual(
    (await answer([], fx.student, { access_code: 'nope' })).json,
    err('forbidden', 'invalid access code'),
  );
  assert.deepEqual(
    (await answer([], fx.student, { validation_token: 'bad' })).json,
    err('forbidden', 'invalid token'),
  );
  assert.deepEqual(
    (await answer([], fx.student, { attempt: 'x' })).json,
    err('bad_request', 'invalid attempt'),
  );
  assert.deepEqual(
    (await answer([], fx.student, { attempt: 7 })).json,
    err('bad_request', 'attempt 7 can not be modified'),
  );
  // serializer errors come before the service checks
  assert.deepEqual(
    (await answer([{ id: mc, answer: 1 }], fx.student, { validation_token: 'bad' })).json.message,
    "Unknown answer '1'",
  );
  // overdue: more than 5 minutes past end_at (30-minute quiz)
  server.clock.ms = T0 + 35 * 60_000;
  assert.equal((await answer([])).status, 200, 'exactly end_at + 5 min is not overdue yet');
  server.clock.ms = T0 + 35 * 60_000 + 1000;
  const r = await answer([]);
  assert.equal(r.status, 400);
  assert.deepEqual(r.json, err('bad_request', 'quiz submission is overdue'));
  assert.ok(auth);
});

test('completed submission: Canvas refuses with 403 (its :update policy needs untaken), not 400', async () => {
  const { fx, qs, answer } = await setup();
  await completeAttempt(api, fx, qs);
  const r = await answer([]);
  assert.equal(r.status, 403);
  assert.deepEqual(
    r.json,
    err('forbidden', 'you are not allowed to update questions for this quiz submission'),
  );
});

test('flag / unflag (acceptance 19): flagged true/false, no server-side event; 404 unknown question', async () => {
  const { fx, qs, mc, auth } = await setup();
  const flag = (action, id = mc, who = fx.student) =>
    api('PUT', `${questionsPath(qs)}/${id}/${action}`, { token: who.token, json: auth });
  let r = await flag('flag');
  assert.equal(r.status, 200);
  assert.equal(r.json.quiz_submission_questions[0].flagged, true);
  const listed = await api('GET', questionsPath(qs), { token: fx.student.token });
  assert.equal(listed.json.quiz_submission_questions.find((q) => q.id === mc).flagged, true);
  r = await flag('unflag');
  assert.equal(r.json.quiz_submission_questions[0].flagged, false);
  const events = await api('GET', `${submissionsPath(fx)}/${qs.id}/events`, { token: fx.teacher.token });
  assert.deepEqual(
    events.json.quiz_submission_events.map((e) => e.event_type),
    ['submission_created'],
  );
  assert.equal((await flag('flag', 999999)).status, 404);
  assert.equal((await flag('flag', mc, fx.student2)).status, 403);
  assert.equal(
    (await api('GET', '/api/v1/quiz_submissions/999999/questions', { token: fx.student.token })).status,
    404,
  );
});

test('formatted_answer: 422 without answer, unchanged for non-numerical questions', async () => {
  const { qs, fx, mc } = await setup();
  let r = await api('GET', `${questionsPath(qs)}/${mc}/formatted_answer`, { token: fx.student.token });
  assert.equal(r.status, 422);
  assert.deepEqual(r.json, err('unprocessable_entity', 'answer param is required'));
  r = await api('GET', `${questionsPath(qs)}/${mc}/formatted_answer?answer=99.9000`, {
    token: fx.student.token,
  });
  assert.deepEqual(r.json, { formatted_answer: '99.9000' });
});

test('teacher scoring: PUT submissions/:id with fudge_points and per-question score/comment', async () => {
  const { fx, qs } = await setup();
  const essay = fx.questionIds[4];
  const put = (who, body) => api('PUT', `${submissionsPath(fx)}/${qs.id}`, { token: who.token, json: body });
  assert.deepEqual(
    (await put(fx.teacher, { quiz_submissions: [{ attempt: 1 }] })).json,
    err('bad_request', 'quiz submission attempt must be complete'),
  );
  await completeAttempt(api, fx, qs);
  assert.equal((await put(fx.student, { quiz_submissions: [{ attempt: 1 }] })).status, 401);
  assert.deepEqual(
    (await put(fx.teacher, { quiz_submissions: [{}] })).json,
    err('bad_request', 'invalid attempt'),
  );
  assert.deepEqual(
    (await put(fx.teacher, { quiz_submissions: [{ attempt: 5 }] })).json,
    err('bad_request', 'invalid attempt'),
  );
  const r = await put(fx.teacher, {
    quiz_submissions: [
      { attempt: 1, fudge_points: '1.5', questions: { [essay]: { score: 4, comment: 'ok' } } },
    ],
  });
  assert.equal(r.status, 200);
  const [scored] = r.json.quiz_submissions;
  assert.equal(scored.score, 5.5);
  assert.equal(scored.fudge_points, 1.5);
  assert.equal(scored.kept_score, 5.5);
  assert.equal(scored.workflow_state, 'complete', 'no question awaits a human any more');
});

test('quiz submission file preflight (self/files): upload_url + upload_params; observers refused', async () => {
  const { fx } = await setup();
  const r = await api('POST', `${submissionsPath(fx)}/self/files`, {
    token: fx.student.token,
    json: { name: 'a.txt' },
  });
  assert.equal(r.status, 200);
  assert.match(r.json.upload_url, /\/files_api\/uploads\/[0-9a-f]+$/);
  assert.equal(r.json.upload_params.filename, 'a.txt');
  assert.equal(
    (
      await api('POST', `${submissionsPath(fx)}/self/files`, {
        token: fx.observer.token,
        json: { name: 'a' },
      })
    ).status,
    401,
  );
});
