import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { createProctor } from '../../src/index.js';
import type { Proctor } from '../../src/index.js';
import { createFixture, serverEvents } from '../helpers/canvas.js';
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

  it('adopts an existing submission and writes each event to IndexedDB before sending', async () => {
    const fixture = await createFixture();
    const started = await fetch(`/api/v1/courses/${fixture.courseId}/quizzes/${fixture.quizId}/submissions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${fixture.student.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ access_code: 'letmein' }),
    });
    const qs = (
      (await started.json()) as {
        quiz_submissions: { id: number; attempt: number; validation_token: string }[];
      }
    ).quiz_submissions[0]!;
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
    // Offline for the events API only: the event must wait in IndexedDB, not in memory.
    await executeServerCommand('network', { offline: true, urlPattern: '*://*:*/api/v1/*/events*' });
    try {
      proctor.record('custom_marker', { note: 'kept' });
      await proctor.flush().then(
        () => expect.fail('flush should fail while offline'),
        (error: unknown) => expect((error as { code: string }).code).to.equal('network_failed'),
      );
      expect((await proctor.getStats()).pending).to.equal(1);
    } finally {
      await executeServerCommand('network', {});
    }
    await proctor.flush();
    const events = await serverEvents(fixture, String(qs.id));
    expect(events.map((e) => [e.event_type, e.event_data])).to.deep.equal([
      ['submission_created', events[0]!.event_data],
      ['custom_marker', { note: 'kept', seq: 1, tab: (events[1]!.event_data as { tab: string }).tab }],
    ]);
    expect((events[1]!.event_data as { tab: string }).tab).to.match(/^[0-9a-z]{1,4}$/);
    await proctor.stop();
  });
});
