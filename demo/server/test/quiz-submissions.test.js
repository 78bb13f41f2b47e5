import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  completeAttempt,
  createFixture,
  eventsPath,
  NOT_FOUND,
  startAttempt,
  startServer,
  submissionsPath,
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
const create = (fx, who, options) => api('POST', submissionsPath(fx), { token: who.token, ...options });

describe('POST …/submissions (start)', () => {
  test('200 with every QuizSubmission field, a 64-hex token and end_at from the time limit', async () => {
    const fx = await createFixture(api);
    const r = await create(fx, fx.student, { json: { access_code: 'letmein' } });
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(r.json), ['quiz_submissions']);
    const [qs] = r.json.quiz_submissions;
    assert.match(qs.validation_token, /^[0-9a-f]{64}$/);
    const base = server.base;
    assert.deepEqual(qs, {
      id: qs.id,
      user_id: fx.student.id,
      submission_id: null,
      quiz_id: fx.quizId,
      quiz_points_possible: 13,
      quiz_version: 1,
      attempt: 1,
      extra_attempts: null,
      extra_time: null,
      manually_unlocked: null,
      started_at: iso(T0),
      finished_at: null,
      end_at: iso(T0 + 30 * 60_000),
      fudge_points: null,
      kept_score: null,
      score: null,
      score_before_regrade: null,
      has_seen_results: null,
      validation_token: qs.validation_token,
      workflow_state: 'untaken',
      time_spent: null,
      attempts_left: 1,
      overdue_and_needs_submission: false,
      'excused?': null,
      html_url: `${base}/courses/${fx.courseId}/quizzes/${fx.quizId}/submissions/${qs.id}`,
    });
  });

  test('records a submission_created event with the quiz version and data', async () => {
    const fx = await createFixture(api);
    const qs = await startAttempt(api, fx);
    const r = await api('GET', eventsPath(fx, qs.id), { token: fx.teacher.token });
    assert.equal(r.status, 200);
    const [event] = r.json.quiz_submission_events;
    assert.equal(event.event_type, 'submission_created');
    assert.equal(event.created_at, iso(T0));
    assert.equal(event.event_data.quiz_version, 1);
    assert.deepEqual(
      event.event_data.quiz_data.map((q) => q.id),
      fx.questionIds,
    );
    assert.deepEqual(
      event.event_data.quiz_data.map((q) => q.question_type),
      [
        'multiple_choice_question',
        'true_false_question',
        'short_answer_question',
        'multiple_answers_question',
        'essay_question',
      ],
    );
    assert.ok(event.event_data.quiz_data[0].answers.every((a) => Number.isInteger(a.id)));
  });

  test('an untimed quiz has no end_at', async () => {
    const fx = await createFixture(api, { timeLimitMinutes: null, accessCode: null });
    const qs = await startAttempt(api, fx);
    assert.equal(qs.end_at, null);
  });

  test('409 while the attempt is untaken; retake reuses id and token; 409 with no attempts left', async () => {
    const fx = await createFixture(api);
    const first = await startAttempt(api, fx);
    const again = await create(fx, fx.student, { json: { access_code: 'letmein' } });
    assert.equal(again.status, 409);
    assert.deepEqual(again.json, { status: 'conflict', message: 'a quiz submission already exists' });
    assert.equal((await completeAttempt(api, fx, first)).status, 200);
    server.clock.ms += 60_000;
    const second = await startAttempt(api, fx);
    assert.equal(second.id, first.id);
    assert.equal(second.validation_token, first.validation_token);
    assert.equal(second.attempt, 2);
    assert.equal(second.workflow_state, 'untaken');
    assert.equal(second.finished_at, null);
    assert.equal(second.started_at, iso(server.clock.ms));
    assert.equal(second.attempts_left, 0);
    assert.equal(second.kept_score, 0, 'kept_score survives the retake');
    assert.equal((await completeAttempt(api, fx, second)).status, 200);
    const third = await create(fx, fx.student, { json: { access_code: 'letmein' } });
    assert.equal(third.status, 409);
    assert.deepEqual(third.json, { status: 'conflict', message: 'a quiz submission already exists' });
    // the previous attempt is kept: ?attempt=1 still shows it
    const old = await api('GET', `${submissionsPath(fx)}/${first.id}?attempt=1`, { token: fx.student.token });
    assert.equal(old.json.quiz_submissions[0].attempt, 1);
    assert.equal(old.json.quiz_submissions[0].started_at, first.started_at);
  });

  test('unlimited attempts (-1) can always be retaken; attempts_left is -1', async () => {
    const fx = await createFixture(api, { allowedAttempts: -1 });
    let qs = await startAttempt(api, fx);
    assert.equal(qs.attempts_left, -1);
    for (let i = 0; i < 3; i += 1) {
      await completeAttempt(api, fx, qs);
      qs = await startAttempt(api, fx);
    }
    assert.equal(qs.attempt, 4);
  });

  test('403 invalid access code: missing, wrong, or not a string', async () => {
    const fx = await createFixture(api, { accessCode: '1234' });
    for (const body of [{}, { access_code: 'nope' }, { access_code: 1234 }]) {
      const r = await create(fx, fx.student, { json: body });
      assert.equal(r.status, 403);
      assert.deepEqual(r.json, { status: 'forbidden', message: 'invalid access code' });
    }
    assert.equal((await create(fx, fx.student, { form: 'access_code=1234' })).status, 200);
  });

  test('403 IP address denied (X-Forwarded-For from a trusted proxy names the client)', async () => {
    const fx = await createFixture(api, { ipFilter: '203.0.113.0/24' });
    const denied = await create(fx, fx.student, {
      json: { access_code: 'letmein' },
      headers: { 'x-forwarded-for': '198.51.100.7' },
    });
    assert.equal(denied.status, 403);
    assert.deepEqual(denied.json, { status: 'forbidden', message: 'IP address denied' });
    const local = await create(fx, fx.student, { json: { access_code: 'letmein' } });
    assert.equal(local.status, 403, '127.0.0.1 is not in the filter');
    const allowed = await create(fx, fx.student, {
      json: { access_code: 'letmein' },
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    assert.equal(allowed.status, 200);
  });

  test('the access code is checked before the IP filter and the lock', async () => {
    const fx = await createFixture(api, { ipFilter: '203.0.113.0/24', locked: true });
    assert.deepEqual((await create(fx, fx.student, { json: {} })).json, {
      status: 'forbidden',
      message: 'invalid access code',
    });
    assert.deepEqual((await create(fx, fx.student, { json: { access_code: 'letmein' } })).json, {
      status: 'forbidden',
      message: 'IP address denied',
    });
  });

  test('400 quiz is locked (eligibility lock); teachers are never locked', async () => {
    const fx = await createFixture(api, { locked: true });
    const r = await create(fx, fx.student, { json: { access_code: 'letmein' } });
    assert.equal(r.status, 400);
    assert.deepEqual(r.json, { status: 'bad_request', message: 'quiz is locked' });
    assert.equal((await create(fx, fx.teacher, { json: { access_code: 'letmein' } })).status, 200);
  });

  test('400 you are not allowed to participate in this quiz (module lock, lock_at passed)', async () => {
    for (const options of [{ moduleLocked: true }, { lockAt: new Date(T0 - 1000).toISOString() }]) {
      const fx = await createFixture(api, options);
      const r = await create(fx, fx.student, { json: { access_code: 'letmein' } });
      assert.equal(r.status, 400);
      assert.deepEqual(r.json, {
        status: 'bad_request',
        message: 'you are not allowed to participate in this quiz',
      });
    }
  });

  test('end_at is capped by lock_at for students, not for graders', async () => {
    const lockAt = T0 + 10 * 60_000;
    const fx = await createFixture(api, { lockAt: new Date(lockAt).toISOString() });
    assert.equal((await startAttempt(api, fx)).end_at, iso(lockAt));
    assert.equal((await startAttempt(api, fx, fx.teacher)).end_at, iso(T0 + 30 * 60_000));
  });

  test('501 for cant_go_back quizzes', async () => {
    const fx = await createFixture(api, { cantGoBack: true, oneQuestionAtATime: true });
    const r = await create(fx, fx.student, { json: { access_code: 'letmein' } });
    assert.equal(r.status, 501);
    assert.deepEqual(r.json, {
      status: 'not_implemented',
      message: 'that type of quizzes is not supported yet',
    });
  });

  test('403 you are not allowed to participate: observers, outsiders, students of an unpublished quiz', async () => {
    const fx = await createFixture(api);
    const other = await createFixture(api);
    const unpublished = await createFixture(api, { published: false });
    for (const [f, who] of [
      [fx, fx.observer],
      [fx, other.student],
      [unpublished, unpublished.student],
    ]) {
      const r = await create(f, who, { json: { access_code: 'letmein' } });
      assert.equal(r.status, 403);
      assert.deepEqual(r.json, {
        status: 'forbidden',
        message: 'you are not allowed to participate in this quiz',
      });
    }
  });

  test('teachers hold :submit in Canvas, so a non-preview start creates a real submission', async () => {
    const fx = await createFixture(api);
    const qs = await startAttempt(api, fx, fx.teacher);
    assert.equal(qs.user_id, fx.teacher.id);
    assert.equal(qs.workflow_state, 'untaken');
  });

  test('preview quirk: any form value (even "false") previews; JSON false does not', async () => {
    const fx = await createFixture(api);
    const formFalse = await create(fx, fx.teacher, { form: 'preview=false' });
    assert.equal(formFalse.status, 200, 'previews skip the access code and every eligibility check');
    const preview = formFalse.json.quiz_submissions[0];
    assert.equal(preview.workflow_state, 'preview');
    assert.equal(preview.user_id, null);
    const previewEvents = await api('GET', eventsPath(fx, preview.id), { token: fx.teacher.token });
    assert.deepEqual(
      previewEvents.json,
      { quiz_submission_events: [] },
      'previews record no submission_created',
    );
    const again = await create(fx, fx.teacher, { form: 'preview=' });
    assert.equal(again.json.quiz_submissions[0].id, preview.id);
    assert.equal(again.json.quiz_submissions[0].attempt, 2, 'previews are always retriable');

    const studentForm = await create(fx, fx.student, { form: 'preview=false&access_code=letmein' });
    assert.equal(studentForm.status, 403);
    assert.deepEqual(studentForm.json, {
      status: 'forbidden',
      message: 'you are not allowed to preview this quiz',
    });
    const studentJson = await create(fx, fx.student, { json: { preview: false, access_code: 'letmein' } });
    assert.equal(studentJson.status, 200);
    assert.equal(studentJson.json.quiz_submissions[0].workflow_state, 'untaken');
  });
});

describe('reading submissions', () => {
  test('GET …/submissions: teachers see every student, paginated with a Link header', async () => {
    const fx = await createFixture(api);
    const a = await startAttempt(api, fx);
    const b = await startAttempt(api, fx, fx.student2);
    await startAttempt(api, fx, fx.teacher); // not a student: not listed
    const r = await api('GET', `${submissionsPath(fx)}?per_page=1`, { token: fx.teacher.token });
    assert.equal(r.status, 200);
    assert.deepEqual(
      r.json.quiz_submissions.map((q) => q.id),
      [a.id],
    );
    const route = `${server.base}${submissionsPath(fx)}`;
    assert.equal(
      r.headers.get('link'),
      `<${route}?page=1&per_page=1>; rel="current",<${route}?page=2&per_page=1>; rel="next",` +
        `<${route}?page=1&per_page=1>; rel="first",<${route}?page=2&per_page=1>; rel="last"`,
    );
    const page2 = await api('GET', `${submissionsPath(fx)}?per_page=1&page=2`, { token: fx.teacher.token });
    assert.deepEqual(
      page2.json.quiz_submissions.map((q) => q.id),
      [b.id],
    );
    const ta = await api('GET', submissionsPath(fx), { token: fx.ta.token });
    assert.equal(ta.json.quiz_submissions.length, 2);
  });

  test('GET …/submissions: a student sees the in-progress attempt only, else every finished attempt', async () => {
    const fx = await createFixture(api, { allowedAttempts: 3 });
    const none = await api('GET', submissionsPath(fx), { token: fx.student.token });
    assert.deepEqual(none.json, { quiz_submissions: [] });
    const first = await startAttempt(api, fx);
    await startAttempt(api, fx, fx.student2);
    const inProgress = await api('GET', submissionsPath(fx), { token: fx.student.token });
    assert.deepEqual(
      inProgress.json.quiz_submissions.map((q) => [q.id, q.attempt, q.workflow_state]),
      [[first.id, 1, 'untaken']],
    );
    await completeAttempt(api, fx, first);
    const second = await startAttempt(api, fx);
    await completeAttempt(api, fx, second);
    const history = await api('GET', submissionsPath(fx), { token: fx.student.token });
    assert.deepEqual(
      history.json.quiz_submissions.map((q) => [q.id, q.attempt, q.workflow_state]),
      [
        [first.id, 1, 'pending_review'],
        [first.id, 2, 'pending_review'],
      ],
    );
    const observer = await api('GET', submissionsPath(fx), { token: fx.observer.token });
    assert.equal(observer.status, 401);
    assert.deepEqual(observer.json, UNAUTHORIZED);
  });

  test("GET …/submission: the current user's own submission or []", async () => {
    const fx = await createFixture(api);
    const path = `/api/v1/courses/${fx.courseId}/quizzes/${fx.quizId}/submission`;
    assert.deepEqual((await api('GET', path, { token: fx.student.token })).json, { quiz_submissions: [] });
    const qs = await startAttempt(api, fx);
    assert.deepEqual(
      (await api('GET', path, { token: fx.student.token })).json.quiz_submissions.map((q) => q.id),
      [qs.id],
    );
    assert.deepEqual((await api('GET', path, { token: fx.teacher.token })).json, { quiz_submissions: [] });
    const observer = await api('GET', path, { token: fx.observer.token });
    assert.equal(observer.status, 401);
  });

  test('GET …/submissions/:id: owner, self, graders and the observer; not other students', async () => {
    const fx = await createFixture(api);
    const qs = await startAttempt(api, fx);
    for (const [who, path] of [
      [fx.student, qs.id],
      [fx.student, 'self'],
      [fx.teacher, qs.id],
      [fx.ta, qs.id],
      [fx.observer, qs.id],
    ]) {
      const r = await api('GET', `${submissionsPath(fx)}/${path}`, { token: who.token });
      assert.equal(r.status, 200);
      assert.equal(r.json.quiz_submissions[0].id, qs.id);
    }
    const other = await api('GET', `${submissionsPath(fx)}/${qs.id}`, { token: fx.student2.token });
    assert.equal(other.status, 401);
    assert.deepEqual(other.json, UNAUTHORIZED);
    const missingAttempt = await api('GET', `${submissionsPath(fx)}/${qs.id}?attempt=5`, {
      token: fx.student.token,
    });
    assert.equal(missingAttempt.status, 404);
    assert.deepEqual(missingAttempt.json, NOT_FOUND);
  });

  test('include[]=user&include[]=quiz adds users, quizzes and meta', async () => {
    const fx = await createFixture(api);
    const qs = await startAttempt(api, fx);
    const r = await api('GET', `${submissionsPath(fx)}/${qs.id}?include[]=user&include[]=quiz`, {
      token: fx.teacher.token,
    });
    assert.deepEqual(
      r.json.users.map((u) => u.id),
      [fx.student.id],
    );
    assert.equal(r.json.quizzes[0].id, fx.quizId);
    assert.equal(r.json.quizzes[0].access_code, undefined);
    assert.deepEqual(r.json.meta, { primaryCollection: 'quiz_submissions' });
  });
});

describe('GET …/submissions/:id/time', () => {
  test('owner: end_at and time_left in whole seconds; null without a time limit', async () => {
    const fx = await createFixture(api);
    const qs = await startAttempt(api, fx);
    server.clock.ms += 90_500;
    const r = await api('GET', `${submissionsPath(fx)}/${qs.id}/time`, { token: fx.student.token });
    assert.equal(r.status, 200);
    // 1800 - 90.5 = 1709.5 rounds away from zero, as Ruby does
    assert.deepEqual(r.json, { end_at: qs.end_at, time_left: 1710 });
    server.clock.ms -= 90_500;
    const untimed = await createFixture(api, { timeLimitMinutes: null });
    const u = await startAttempt(api, untimed);
    const ur = await api('GET', `${submissionsPath(untimed)}/${u.id}/time`, { token: untimed.student.token });
    assert.deepEqual(ur.json, { end_at: null, time_left: null });
  });

  test('teachers and other students: unauthorized; the owner too once the attempt is overdue', async () => {
    const fx = await createFixture(api);
    const qs = await startAttempt(api, fx);
    for (const who of [fx.teacher, fx.student2, fx.observer]) {
      const r = await api('GET', `${submissionsPath(fx)}/${qs.id}/time`, { token: who.token });
      assert.equal(r.status, 401);
      assert.deepEqual(r.json, UNAUTHORIZED);
    }
    server.clock.ms += 30 * 60_000 + 1000;
    try {
      const late = await api('GET', `${submissionsPath(fx)}/${qs.id}/time`, { token: fx.student.token });
      assert.equal(late.status, 401, ':record_events fails once end_at has passed');
      const shown = await api('GET', `${submissionsPath(fx)}/${qs.id}`, { token: fx.student.token });
      assert.equal(shown.json.quiz_submissions[0].overdue_and_needs_submission, true);
      assert.ok(
        shown.json.quiz_submissions[0].result_url,
        'an overdue attempt needs grading, so result_url appears',
      );
    } finally {
      server.clock.ms -= 30 * 60_000 + 1000;
    }
  });
});
