// The take page's requests: the final submit, backup and record_answer (Canvas's
// Quizzes::QuizSubmissionsController), and the quiz page handing in an attempt left past end_at.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createFixture, startServer } from './helpers.js';
import { createPageSession, inputValue, quizPath, startFromQuizPage } from './page-helpers.js';

let server;

before(async () => {
  server = await startServer();
});
after(() => server.close());

const store = () => server.app.canvas.store;

/** A fresh fixture whose student has started from the quiz page. */
async function started(options = {}) {
  const fx = await createFixture(server.api, options);
  const session = createPageSession(server.base);
  await session.logIn(fx.student);
  const { take } = await startFromQuizPage(session, fx);
  const qs = store().quizSubmissions.findForUser(fx.quizId, fx.student.id);
  const answerIds = (index) => qs.quiz_data[index].answers.map((a) => a.id);
  return { fx, session, take, qs, answerIds, base: quizPath(fx) };
}

const xhr = { 'x-requested-with': 'XMLHttpRequest', accept: 'application/json' };

describe('the final submit (POST …/submissions)', () => {
  test("completes the attempt with the form's answers, then redirects to the quiz page", async () => {
    const { fx, session, take, qs, answerIds, base } = await started();
    const [choice, , shortAnswer] = fx.questionIds;
    const r = await session.post(`${base}/submissions?user_id=${fx.student.id}`, {
      authenticity_token: inputValue(take.text, 'authenticity_token'),
      attempt: inputValue(take.text, 'attempt'),
      validation_token: inputValue(take.text, 'validation_token'),
      [`question_${choice}`]: String(answerIds(0)[2]),
      [`question_${shortAnswer}`]: 'QLA_EVENTS',
    });
    assert.equal(r.status, 302);
    assert.equal(r.location, `${server.base}${base}`);
    const done = store().quizSubmissions.find(fx.quizId, qs.id);
    assert.equal(done.workflow_state, 'pending_review', 'the essay waits for a human');
    assert.equal(done.score, 4, 'the right choice and the short answer');
    assert.equal(done.finished_at, '2030-01-15T10:00:00.000Z');
    const answered = store()
      .events.allFor(qs.id)
      .filter((e) => e.event_type === 'question_answered');
    assert.equal(answered.length, 1);

    const again = await startFromQuizPage(session, fx, { accessCode: null });
    assert.match(again.start.text, /id="quiz_access_code_form"/, 'the final submit forgets the access code');
  });

  test('a wrong validation token or another attempt completes nothing', async () => {
    const { fx, session, qs, base } = await started();
    for (const form of [
      { attempt: '1', validation_token: 'wrong' },
      { attempt: '2', validation_token: qs.validation_token },
    ]) {
      const r = await session.post(`${base}/submissions?user_id=${fx.student.id}`, form);
      assert.equal(r.status, 302);
      assert.equal(store().quizSubmissions.find(fx.quizId, qs.id).workflow_state, 'untaken');
    }
  });

  test('a preview completes and goes back to the quiz page with ?preview=1', async () => {
    const fx = await createFixture(server.api, { accessCode: null });
    const teacher = createPageSession(server.base);
    await teacher.logIn(fx.teacher);
    const { take } = await startFromQuizPage(teacher, fx, { preview: true });
    const r = await teacher.post(`${quizPath(fx)}/submissions?user_id=${fx.teacher.id}&preview=1`, {
      attempt: inputValue(take.text, 'attempt'),
      validation_token: inputValue(take.text, 'validation_token'),
      preview: '1',
    });
    assert.equal(r.location, `${server.base}${quizPath(fx)}?preview=1`);
    const qs = store().quizSubmissions.findByTemporaryUserCode(fx.quizId, `user_${fx.teacher.id}`);
    assert.equal(qs.workflow_state, 'pending_review');
    assert.equal(store().events.allFor(qs.id).length, 0, 'a preview records no events');
  });
});

describe('backup (PUT|POST …/submissions/backup)', () => {
  test('saves the answers and flags, records question_answered, answers {backup, end_at, time_left}', async () => {
    const { fx, session, qs, answerIds, base } = await started();
    const [choice, trueFalse] = fx.questionIds;
    const form = {
      _method: 'PUT',
      attempt: '1',
      validation_token: qs.validation_token,
      [`question_${choice}`]: String(answerIds(0)[1]),
      [`question_${trueFalse}_marked`]: '1',
      [`question_${choice}_marked`]: '',
      unrelated: 'dropped',
    };
    server.clock.ms += 60_000;
    const r = await session.post(`${base}/submissions/backup?user_id=${fx.student.id}`, form, {
      headers: xhr,
    });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /application\/json/);
    assert.deepEqual(r.json, { backup: true, end_at: '2030-01-15T10:30:00Z', time_left: 1740 });
    const saved = store().quizSubmissions.find(fx.quizId, qs.id).submission_data;
    assert.equal(saved[`question_${choice}`], String(answerIds(0)[1]));
    assert.equal(saved[`question_${trueFalse}_marked`], '1');
    assert.equal(saved.unrelated, undefined);
    const answered = store()
      .events.allFor(qs.id)
      .filter((e) => e.event_type === 'question_answered');
    assert.deepEqual(
      answered.map((e) => e.event_data),
      [[{ quiz_question_id: String(choice), answer: String(answerIds(0)[1]) }]],
    );

    // An extension moves end_at; the next backup says so (the take page rewrites .end_at).
    store().quizSubmissions.save({
      ...store().quizSubmissions.find(fx.quizId, qs.id),
      end_at: '2030-01-15T10:40:00.000Z',
    });
    const put = await session.request('PUT', `${base}/submissions/backup?user_id=${fx.student.id}`, {
      form: { validation_token: qs.validation_token },
      headers: xhr,
    });
    assert.deepEqual(put.json, { backup: true, end_at: '2030-01-15T10:40:00Z', time_left: 2340 });
    server.clock.ms -= 60_000;
  });

  test('refusals: no session 401 JSON, wrong token 401, overdue or completed backup:false', async () => {
    const { fx, session, qs, base } = await started();
    const url = `${base}/submissions/backup?user_id=${fx.student.id}`;
    const anonymous = createPageSession(server.base);
    const none = await anonymous.post(url, { validation_token: qs.validation_token }, { headers: xhr });
    assert.equal(none.status, 401);
    assert.equal(none.json.status, 'unauthenticated');
    const wrong = await session.post(url, { validation_token: 'nope' }, { headers: xhr });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.json.status, 'unauthorized');

    server.clock.ms += 36 * 60_000;
    const late = await session.post(url, { validation_token: qs.validation_token }, { headers: xhr });
    assert.deepEqual(late.json, { backup: false, end_at: '2030-01-15T10:30:00Z', time_left: -360 });
    server.clock.ms -= 36 * 60_000;

    server.app.canvas.service.completeFromForm(qs, store().quizzes.find(fx.courseId, fx.quizId), {
      attempt: 1,
      record: {},
    });
    const done = await session.post(url, { validation_token: qs.validation_token }, { headers: xhr });
    assert.equal(done.json.backup, false);
  });
});

describe('record_answer (one question at a time)', () => {
  test('saves the page, marks the last question read, redirects to next_question_path', async () => {
    const { fx, session, qs, answerIds, base } = await started({ oneQuestionAtATime: true });
    const [first, second] = fx.questionIds;
    const next = `${base}/take/questions/${second}`;
    const r = await session.post(
      `${base}/submissions/${qs.id}/record_answer?next_question_path=${encodeURIComponent(next)}&user_id=${fx.student.id}`,
      {
        attempt: '1',
        validation_token: qs.validation_token,
        last_question_id: String(first),
        [`question_${first}`]: String(answerIds(0)[0]),
      },
    );
    assert.equal(r.status, 302);
    assert.equal(r.location, next);
    const saved = store().quizSubmissions.find(fx.quizId, qs.id).submission_data;
    assert.equal(saved[`question_${first}`], String(answerIds(0)[0]));
    assert.equal(saved[`_question_${first}_read`], true);
    const page = await session.get(next);
    assert.match(
      page.text,
      new RegExp(`<li id="list_question_${first}" class="list_question answered seen">`),
    );
    const back = await session.get(`${base}/take/questions/${first}`);
    assert.match(
      back.text,
      new RegExp(
        `<input type="radio" checked class="question_input" name="question_${first}" value="${answerIds(0)[0]}"`,
      ),
    );
  });

  test('a wrong token goes back to the quiz page; a foreign next_question_path to the take page', async () => {
    const { fx, session, qs, base } = await started({ oneQuestionAtATime: true });
    const url = `${base}/submissions/${qs.id}/record_answer`;
    const wrong = await session.post(`${url}?next_question_path=%2Fx`, { validation_token: 'nope' });
    assert.equal(wrong.location, base);
    const foreign = await session.post(
      `${url}?next_question_path=${encodeURIComponent('https://elsewhere.test/')}`,
      {
        validation_token: qs.validation_token,
      },
    );
    assert.equal(foreign.location, `${base}/take`);
    const reloaded = await session.get(url);
    assert.equal(reloaded.location, `${server.base}${base}/take?user_id=${fx.student.id}`);
  });
});

describe('an attempt left past end_at', () => {
  test('the quiz page hands it in at end_at before anything else', async () => {
    const { fx, session, qs, base } = await started();
    server.clock.ms += 31 * 60_000;
    const page = await session.get(base);
    server.clock.ms -= 31 * 60_000;
    assert.equal(page.status, 200);
    const graded = store().quizSubmissions.find(fx.quizId, qs.id);
    assert.equal(graded.workflow_state, 'pending_review');
    assert.equal(graded.finished_at, graded.end_at);
    assert.match(page.text, /Take the Quiz Again/);
  });
});
