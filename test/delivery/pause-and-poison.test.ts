import { expect } from '@esm-bundle/chai';
import {
  addFault,
  bySeq,
  clearFaults,
  createFixture,
  serverEvents,
  startSubmission,
} from '../helpers/canvas.js';
import { deliveredThrough, proctorFor } from '../helpers/proctor-for.js';

describe('delivery: auth trouble and refused events', () => {
  afterEach(clearFaults);

  it('pauses on a 401 keeping every event, and resumes with new auth', async () => {
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    const proctor = proctorFor(fixture, submission, { auth: { type: 'bearer', token: 'expired-token' } });
    const errors: string[] = [];
    const states: string[] = [];
    proctor.on('error', (error) => errors.push(error.code));
    proctor.on('delivery', (state) => states.push(state));
    await proctor.start();
    for (let i = 1; i <= 5; i += 1) proctor.record('kept_event', { i });
    const code = await proctor.flush().then(
      () => 'delivered',
      (error: { code: string; status?: number }) => `${error.code} ${error.status}`,
    );
    expect(code).to.equal('unauthorized 401');
    expect(errors).to.include('unauthorized');
    expect(states).to.include('paused');
    const paused = await proctor.getStats();
    expect(paused.pending).to.equal(5);
    expect(paused.delivery).to.equal('paused');

    const arrived = deliveredThrough(proctor, 5);
    proctor.setAuth({ type: 'bearer', token: fixture.student.token });
    await arrived;
    const stored = bySeq(await serverEvents(fixture, submission.id));
    expect([...stored.keys()]).to.deep.equal([1, 2, 3, 4, 5]);
    await proctor.stop();
  });

  it('sets a poison event aside in the dead-letter store and delivers the others', async () => {
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    // The server refuses any request whose body carries the poison marker, as it would a bad event.
    await addFault({
      path: `/submissions/${submission.id}/events`,
      method: 'POST',
      times: 50,
      action: 'status',
      status: 400,
      bodyIncludes: 'POISON',
      body: { errors: [{ message: 'event_data is invalid' }] },
    });
    const proctor = proctorFor(fixture, submission);
    const dead: unknown[] = [];
    proctor.on('deadLettered', (letter) => dead.push(letter));
    await proctor.start();
    for (let i = 1; i <= 9; i += 1) proctor.record('evidence', i === 6 ? { i, marker: 'POISON' } : { i });
    const done = deliveredThrough(proctor, 9);
    await proctor.flush();
    await done;
    const stored = bySeq(await serverEvents(fixture, submission.id));
    expect([...stored.keys()]).to.deep.equal([1, 2, 3, 4, 5, 7, 8, 9]);
    expect(dead).to.have.length(1);
    expect(dead[0]).to.deep.include({
      status: 400,
      reason: '{"errors":[{"message":"event_data is invalid"}]}',
    });
    const stats = await proctor.getStats();
    expect(stats.deadLettered).to.equal(1);
    expect(stats.pending).to.equal(0);
    await proctor.stop();
  });
});
