import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { bySeq, createFixture, serverEvents, startSubmission } from '../helpers/canvas.js';
import { deliveredThrough, proctorFor } from '../helpers/proctor-for.js';

describe('delivery: offline for a stretch', () => {
  afterEach(() => executeServerCommand('network', {}));

  it('keeps every event captured offline and delivers all of them, once, in order, when back online', async () => {
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    const proctor = proctorFor(fixture, submission, { maxBatchEvents: 10 });
    await proctor.start();
    proctor.record('before_offline', { i: 0 });
    await proctor.flush();

    await executeServerCommand('network', { offline: true, urlPattern: '*://*:*/api/v1/*/events*' });
    for (let i = 1; i <= 40; i += 1) proctor.record('while_offline', { i });
    // Delivery is tried (batches of 10 trigger it) and fails; nothing is lost.
    const failed = await proctor.flush().then(
      () => 'delivered',
      (error: { code: string }) => error.code,
    );
    expect(failed).to.equal('network_failed');
    const offlineStats = await proctor.getStats();
    expect(offlineStats.pending).to.equal(40);
    expect(offlineStats.retried).to.be.greaterThan(0);

    // Back online: the `online` event alone (no flush) sends everything.
    const arrived = deliveredThrough(proctor, 41);
    await executeServerCommand('network', {});
    await arrived;
    const events = await serverEvents(fixture, submission.id, { withClientTimestamp: true });
    const seqs = bySeq(events);
    expect([...seqs.keys()]).to.deep.equal(Array.from({ length: 41 }, (_, i) => i + 1));
    expect([...seqs.values()].every((copies) => copies.length === 1)).to.equal(true);
    const stamps = events
      .filter((e) => e.event_type !== 'submission_created')
      .map((e) => Date.parse(e.client_timestamp!));
    expect(stamps).to.deep.equal([...stamps].sort((a, b) => a - b));
    expect(new Set(stamps).size).to.equal(stamps.length);
    expect((await proctor.getStats()).pending).to.equal(0);
    await proctor.stop();
  });
});
