import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { createProctor } from '../../src/index.js';
import type { Proctor } from '../../src/index.js';
import { createIdbEventStore } from '../../src/store/create-idb-event-store.js';
import { storeName } from '../../src/store/store-name.js';
import {
  addFault,
  clearFaults,
  createFixture,
  eventually,
  requestLog,
  serverEvents,
} from '../helpers/canvas.js';
import { NO_CAPTURE } from '../helpers/no-capture.js';

/** Resolves when `predicate` holds for a proctor event, without timers of our own. */
function nextState(proctor: Proctor, wanted: string): Promise<void> {
  return new Promise((resolve) => {
    const off = proctor.on('state', (state) => {
      if (state === wanted) {
        off();
        resolve();
      }
    });
  });
}

describe('the first events, from a real page to the server', () => {
  it('delivers a real blur and focus with Canvas shapes', async () => {
    const fixture = await createFixture();
    const proctor = createProctor({
      courseId: fixture.courseId,
      quizId: fixture.quizId,
      accessCode: 'letmein',
      auth: { type: 'bearer', token: fixture.student.token },
    });
    const submission = await proctor.start();
    expect(submission.attempt).to.equal(1);
    expect(submission.validationToken).to.match(/^[0-9a-f]{64}$/);

    await executeServerCommand('page-focus', { away: true });
    await executeServerCommand('page-focus', { away: false });
    await proctor.flush();

    const events = await serverEvents(fixture, String(submission.id), { withClientTimestamp: true });
    expect(events[0]!.event_type).to.equal('submission_created');
    const sessionStarted = events.filter((event) => event.event_type === 'session_started');
    expect(sessionStarted.map((event) => event.event_data)).to.deep.equal([
      { user_agent: navigator.userAgent },
    ]);
    // Capture also records visibility, screen and so on; the Canvas types in order are blur then focus.
    const focus = events.filter(
      (event) => event.event_type === 'page_blurred' || event.event_type === 'page_focused',
    );
    expect(focus.map((event) => event.event_type)).to.deep.equal(['page_blurred', 'page_focused']);
    for (const event of focus) {
      // Canvas's page sends no event_data for these, and the server stores NULL.
      expect(event.event_data).to.equal(null);
      expect(event.client_timestamp).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    const [blurAt, focusAt] = focus.map((event) => Date.parse(event.client_timestamp!));
    expect(focusAt).to.be.greaterThan(blurAt!);
    expect((await proctor.getStats()).pending).to.equal(0);
    await proctor.stop();
    expect(proctor.state).to.equal('stopped');
  });

  it('adopts an existing submission and keeps each event in IndexedDB until Canvas acknowledges it', async () => {
    const fixture = await createFixture();
    const started = await fetch(`/api/v1/courses/${fixture.courseId}/quizzes/${fixture.quizId}/submissions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${fixture.student.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ access_code: 'letmein' }),
    });
    const qs = (
      (await started.json()) as {
        quiz_submissions: { id: number; attempt: number; validation_token: string; quiz_version: number }[];
      }
    ).quiz_submissions[0]!;
    const path = `/submissions/${qs.id}/events`;
    const proctor = createProctor({
      courseId: fixture.courseId,
      quizId: fixture.quizId,
      auth: { type: 'bearer', token: fixture.student.token },
      submission: { id: qs.id, attempt: qs.attempt, validationToken: qs.validation_token },
      flushIntervalMs: 3_600_000,
      capture: NO_CAPTURE,
    });
    const active = nextState(proctor, 'active');
    await proctor.start();
    await active;
    // The attempt's own database, read beside the proctor through a second connection.
    const attemptDb = createIdbEventStore(
      storeName({
        baseUrl: location.origin,
        courseId: fixture.courseId,
        quizId: fixture.quizId,
        submissionId: String(qs.id),
        attempt: qs.attempt,
      }),
      { maxEvents: 1000, maxBytes: 1e6 },
    );
    try {
      // The first send is held at the server for a while, then refused.
      await addFault({ path, method: 'POST', action: 'status', status: 503, delayMs: 3000 });
      const before = Date.now();
      proctor.record('custom_marker', { note: 'kept' });
      const after = Date.now();
      const refused = proctor.flush().then(
        () => 'ok',
        (error: unknown) => (error as { code: string }).code,
      );
      const held = await eventually(async () => {
        const sent = (await requestLog(path)).filter((r) => r.method === 'POST');
        return sent.length > 0 ? sent : undefined;
      }, 'the POST at the server');
      expect(
        held.map((r) => r.status),
        'the POST is unanswered',
      ).to.deep.equal([null]);
      // While Canvas has not answered, the event is in IndexedDB, as numbered by this page load.
      const waiting = await attemptDb.peek(10);
      expect(waiting).to.have.length(1);
      const stored = waiting[0]!;
      expect(stored).to.deep.include({ seq: 1, type: 'custom_marker', data: { note: 'kept' } });
      expect(stored.tab).to.match(/^[0-9a-z]{1,4}$/);
      expect(stored.at).to.be.within(before, after);
      expect(
        (await requestLog(path)).filter((r) => r.method === 'POST').map((r) => r.status),
        'read before the POST was answered',
      ).to.deep.equal([null]);
      // Refused: the event stays where it was.
      expect(await refused).to.equal('http_error');
      expect(await attemptDb.peek(10)).to.deep.equal([stored]);

      // Accepted: Canvas has the event as stored, and only then it leaves IndexedDB.
      await proctor.flush();
      expect(await attemptDb.peek(10)).to.deep.equal([]);
      const events = await serverEvents(fixture, String(qs.id), { withClientTimestamp: true });
      const questions = (await (
        await fetch(`/api/v1/quiz_submissions/${qs.id}/questions`, {
          headers: { Authorization: `Bearer ${fixture.student.token}` },
        })
      ).json()) as { quiz_submission_questions: { id: number }[] };
      expect(events.map((e) => [e.event_type, e.client_timestamp])).to.deep.equal([
        ['submission_created', null],
        ['custom_marker', new Date(stored.at).toISOString()],
      ]);
      // Canvas's own record of the attempt's start: the quiz version and its questions.
      const created = events[0]!.event_data as { quiz_version: number; quiz_data: { id: number }[] };
      expect(created.quiz_version).to.equal(qs.quiz_version);
      expect(created.quiz_data.map((q) => q.id)).to.deep.equal(
        questions.quiz_submission_questions.map((q) => q.id),
      );
      expect(events[1]!.event_data).to.deep.equal({ note: 'kept', seq: 1, tab: stored.tab });
    } finally {
      await clearFaults();
      await proctor.stop();
    }
  });
});
