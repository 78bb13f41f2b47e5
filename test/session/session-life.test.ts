import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  createProctor,
  isProctorError,
  type Proctor,
  type ProctorError,
  type ProctorOptions,
  type SessionError,
} from '../../src/index.js';
import {
  addFault,
  clearFaults,
  createFixture,
  requestLog,
  serverEvents,
  startSubmission,
  type Fixture,
} from '../helpers/canvas.js';
import { NO_CAPTURE } from '../helpers/no-capture.js';
import { callTab, closeAllTabs, openTab, reloadTab } from '../helpers/tabs.js';

function proctorFor(fixture: Fixture, extra: Partial<ProctorOptions> = {}): Proctor {
  return createProctor({
    courseId: fixture.courseId,
    quizId: fixture.quizId,
    accessCode: 'letmein',
    auth: { type: 'bearer', token: fixture.student.token },
    flushIntervalMs: 3_600_000,
    capture: NO_CAPTURE,
    ...extra,
  });
}

async function control(path: string, method: string, json?: unknown) {
  const response = await fetch(`/__control/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: json === undefined ? null : JSON.stringify(json),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
}

describe('the session manager', () => {
  afterEach(async () => {
    await executeServerCommand('network', {});
    await clearFaults();
    await control('clock', 'DELETE');
  });

  it('starts an attempt, and a reload resumes the same attempt without starting another', async () => {
    const fixture = await createFixture();
    const states: string[] = [];
    const first = proctorFor(fixture);
    first.on('state', (state) => states.push(state));
    const started = await first.start();
    expect(states).to.deep.equal(['starting', 'active']);
    await first.stop();
    // A reload: a new proctor on the same page origin, nothing passed but the quiz.
    const second = proctorFor(fixture);
    const resumed = await second.start();
    expect(resumed).to.deep.include({ id: started.id, attempt: 1, validationToken: started.validationToken });
    const starts = (await requestLog(`/quizzes/${fixture.quizId}/submissions`)).filter(
      (r) => r.method === 'POST' && r.path.endsWith('/submissions'),
    );
    expect(starts).to.have.length(1);
    await second.stop();
  });

  it('adopts the attempt in progress when Canvas answers 409', async () => {
    const fixture = await createFixture();
    const existing = await startSubmission(fixture);
    const proctor = proctorFor(fixture);
    const adopted = await proctor.start();
    expect(adopted).to.deep.include({
      id: existing.id,
      attempt: 1,
      validationToken: existing.validationToken,
    });
    await proctor.stop();
  });

  it("turns a wrong access code into a typed error with Canvas's message", async () => {
    const fixture = await createFixture();
    const proctor = proctorFor(fixture, { accessCode: 'wrong' });
    const error = await proctor.start().then(
      () => undefined,
      (e: unknown) => e as { name: string; code: string; status: number; canvasMessage: string },
    );
    expect(error).to.deep.include({
      name: 'SessionError',
      code: 'invalid_access_code',
      status: 403,
      canvasMessage: 'invalid access code',
    });
    expect(proctor.state).to.equal('failed');
  });

  for (const [label, fixtureOptions, user, code, status, canvasMessage] of [
    [
      "an IP outside the quiz's filter",
      { ipFilter: '10.9.9.9' },
      'student',
      'ip_denied',
      403,
      'IP address denied',
    ],
    ['a locked quiz', { locked: true }, 'student', 'quiz_locked', 400, 'quiz is locked'],
    [
      'a one-question-at-a-time quiz that cannot go back',
      { cantGoBack: true },
      'student',
      'unsupported_quiz',
      501,
      'that type of quizzes is not supported yet',
    ],
    ['an observer', {}, 'observer', 'not_allowed', 403, 'you are not allowed to participate in this quiz'],
  ] as const) {
    it(`refuses ${label} with a typed error carrying Canvas's message`, async () => {
      const fixture = await createFixture(fixtureOptions);
      const proctor = proctorFor(fixture, { auth: { type: 'bearer', token: fixture[user].token } });
      const error = await proctor.start().then(
        () => undefined,
        (e: unknown) => e as { name: string; code: string; status: number; canvasMessage: string },
      );
      expect(error).to.deep.include({ name: 'SessionError', code, status, canvasMessage });
      expect(proctor.state).to.equal('failed');
    });
  }

  it('resumes the same attempt after a real page reload, without starting another', async () => {
    const fixture = await createFixture();
    const config = {
      courseId: fixture.courseId,
      quizId: fixture.quizId,
      accessCode: 'letmein',
      auth: { type: 'bearer' as const, token: fixture.student.token },
      capture: NO_CAPTURE,
    };
    const tab = await openTab(config);
    const first = await callTab<{ id: string; attempt: number }>(tab, 'start');
    await reloadTab(tab);
    const again = await callTab<{ id: string; attempt: number }>(tab, 'start');
    expect(again).to.deep.equal(first);
    const starts = (await requestLog(`/quizzes/${fixture.quizId}/submissions`)).filter(
      (r) => r.method === 'POST' && r.path.endsWith('/submissions'),
    );
    expect(starts).to.have.length(1);
    await closeAllTabs();
  });

  it('completes after flushing, and counts "already complete" after a lost answer as success', async () => {
    const fixture = await createFixture({ withEssay: false });
    const proctor = proctorFor(fixture);
    const submission = await proctor.start();
    for (let i = 1; i <= 3; i += 1) proctor.record('before_submit', { i });
    // Canvas completes the attempt but the answer never comes back; the retry gets a 400.
    await addFault({
      path: `/submissions/${submission.id}/complete`,
      method: 'POST',
      action: 'reset',
      afterHandler: true,
    });
    const result = await proctor.complete();
    expect(result.unsentEvents).to.equal(0);
    expect(result.submission?.workflow_state).to.equal('complete');
    expect(proctor.state).to.equal('completed');
    const completes = (await requestLog(`/submissions/${submission.id}/complete`)).map((r) => r.status);
    expect(completes).to.deep.equal(['reset', 400]);
    const events = await serverEvents(fixture, String(submission.id));
    expect(events.filter((e) => e.event_type === 'before_submit')).to.have.length(3);
    // The attempt's store is gone once its events were acknowledged.
    const names = (await indexedDB.databases()).map((db) => db.name ?? '');
    expect(names.some((name) => name.endsWith(`:${fixture.quizId}:${String(submission.id)}:1`))).to.equal(
      false,
    );
  });

  it('warns, says time is up and completes by itself when the time runs out', async () => {
    const fixture = await createFixture({ timeLimitMinutes: 1 });
    const proctor = proctorFor(fixture, { autoComplete: true, timeWarningsSec: [2] });
    const seen: string[] = [];
    proctor.on('timeWarning', ({ secondsLeft }) => seen.push(`warning ${secondsLeft}`));
    // The deprecated snake_case names still fire for one release.
    proctor.on('time_warning', ({ secondsLeft }) => seen.push(`time_warning ${secondsLeft}`));
    proctor.on('time_up', () => seen.push('time_up'));
    const up = new Promise<void>((resolve) =>
      proctor.on('timeUp', () => {
        resolve();
      }),
    );
    const completed = new Promise<void>((resolve) =>
      proctor.on('state', (state) => {
        if (state === 'completed') resolve();
      }),
    );
    await proctor.start();
    // Canvas's clock moves 55 s on: 5 s are left (less the real time the test took so far, which a
    // loaded machine stretches: with 3 s left, a Canvas count rounded down to 2 s came after the
    // 2 s warning), and the proctor learns it from the time endpoint.
    await control('clock', 'POST', { advanceMs: 55_000 });
    const left = await proctor.timeLeft();
    expect(left.secondsLeft).to.be.within(3, 5);
    await up;
    await completed;
    expect(seen).to.deep.equal(['warning 2', 'time_warning 2', 'time_up']);
  });

  it('rejects timeLeft() before start() with a typed error', async () => {
    const fixture = await createFixture();
    const error = await proctorFor(fixture)
      .timeLeft()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isProctorError(error), String(error)).to.equal(true);
    expect((error as ProctorError).code).to.equal('not_started');
  });

  it('keeps the saved attempt when a reload cannot reach Canvas, and resumes it on the next start()', async () => {
    const fixture = await createFixture();
    const first = proctorFor(fixture);
    const started = await first.start();
    await first.stop();
    // The reload is offline: reading the saved attempt back gets no answer. (A fault's reset would
    // not do: the browser retries a GET whose connection was reset.)
    await executeServerCommand('network', { offline: true, urlPattern: '*://*:*/api/v1/*' });
    const second = proctorFor(fixture);
    const error = await second.start().then(
      () => undefined,
      (e: unknown) => e as SessionError,
    );
    await executeServerCommand('network', {});
    expect(error).to.deep.include({ name: 'SessionError', code: 'network_failed' });
    expect(second.state).to.equal('failed');
    // Back online: the same proctor resumes the saved attempt, with no start and no 409.
    const resumed = await second.start();
    expect(resumed).to.deep.include({ id: started.id, attempt: 1, validationToken: started.validationToken });
    expect(second.state).to.equal('active');
    const posts = (await requestLog(`/quizzes/${fixture.quizId}/submissions`)).filter(
      (r) => r.method === 'POST' && r.path.endsWith('/submissions'),
    );
    expect(posts).to.have.length(1);
    await second.stop();
  });

  it('lets complete() be asked again after the start it needed got no answer', async () => {
    const fixture = await createFixture({ withEssay: false });
    const proctor = proctorFor(fixture);
    await executeServerCommand('network', { offline: true, urlPattern: '*://*:*/api/v1/*' });
    const error = await proctor.complete().then(
      () => undefined,
      (e: unknown) => e as SessionError,
    );
    await executeServerCommand('network', {});
    expect(error).to.deep.include({ name: 'SessionError', code: 'network_failed' });
    const result = await proctor.complete();
    expect(result.submission?.workflow_state).to.equal('complete');
    expect(proctor.state).to.equal('completed');
  });

  it('forgets the saved attempt once Canvas says it is gone, and starts again', async () => {
    const fixture = await createFixture({ withEssay: false });
    const first = proctorFor(fixture);
    const started = await first.start();
    await first.complete();
    // complete() forgot it; a page that saved it and died before completing is the same as this:
    const stale = proctorFor(fixture, { submission: { ...started, attempt: started.attempt } });
    await stale.start();
    await stale.stop();
    const next = proctorFor(fixture);
    const again = await next.start();
    expect(again.attempt).to.equal(2);
    await next.stop();
  });
});
