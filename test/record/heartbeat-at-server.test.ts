// Heartbeats through the real write and delivery path to the real server.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { createFixture, eventually, serverEvents, startSubmission } from '../helpers/canvas.js';
import { NO_CAPTURE } from '../helpers/no-capture.js';
import { proctorFor } from '../helpers/proctor-for.js';

interface Beat {
  n: number;
  reason: string;
  sent: Record<string, number>;
  focused: boolean;
  seq: number;
}

describe('heartbeats at the server', () => {
  afterEach(async () => {
    await executeServerCommand('page-focus', { away: false });
  });

  it('says at start and before complete what was sent, read through getters a page script cannot fake', async () => {
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    const proctor = proctorFor(fixture, submission, {
      capture: { ...NO_CAPTURE, captureHeartbeat: true },
      accessCode: 'letmein',
    });
    // The page has lost the focus, and a script claims otherwise, as public scripts that silence
    // Canvas's logger do.
    await executeServerCommand('page-focus', { away: true });
    Object.defineProperty(document, 'hasFocus', { value: () => true, configurable: true });
    const framesBefore = window.length;
    try {
      await proctor.start();
      // The fresh realm's frame is gone at once: the page's frame count, which focus capture reads
      // on every blur, is the page's own.
      expect(window.length).to.equal(framesBefore);
      for (let i = 0; i < 3; i += 1) proctor.record('answer_saved', { i });
      await proctor.complete();
    } finally {
      delete (document as unknown as Record<string, unknown>).hasFocus;
    }
    const events = await serverEvents(fixture, submission.id);
    const beats = events
      .filter((event) => event.event_type === 'heartbeat')
      .map((event) => event.event_data as Beat);
    expect(beats.map(({ n, reason, sent, focused }) => ({ n, reason, sent, focused }))).to.deep.equal([
      { n: 1, reason: 'start', sent: { apis_patched: 1 }, focused: false },
      { n: 2, reason: 'complete', sent: { apis_patched: 1, answer_saved: 3 }, focused: false },
    ]);
    // The override is information for the reviewer, recorded before the first heartbeat.
    const patched = events.filter((event) => event.event_type === 'apis_patched');
    expect(patched).to.have.length(1);
    expect((patched[0]!.event_data as { apis: string[] }).apis).to.include('document.hasFocus');
    const seqs = events
      .map((event) => (event.event_data as { seq?: number } | null)?.seq)
      .filter((seq) => seq !== undefined);
    // The last heartbeat's seq is the highest: everything below it was numbered before it.
    expect(Math.max(...seqs)).to.equal(beats[1]!.seq);
    expect(seqs.length).to.equal(beats[1]!.seq);
  });

  it('shows a departure a page script hid from every listener as tamper_suspected, with its length', async function () {
    // The page must stay away past the 10 s that tell a hidden departure from a throttled one.
    this.timeout(90_000);
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    // The public scripts' way: stop blur and focus in the capture phase before any logger sees them.
    const swallow = (event: Event) => {
      event.stopImmediatePropagation();
    };
    window.addEventListener('blur', swallow, true);
    window.addEventListener('focus', swallow, true);
    // Long waits: the page stays away 10 s before it counts.
    const arrived = (type: string) =>
      eventually(
        async () => {
          const got = (await serverEvents(fixture, submission.id)).filter(
            (event) => event.event_type === type,
          );
          return got.length > 0 ? got : undefined;
        },
        `${type} at the server`,
        30_000,
      );
    const proctor = proctorFor(fixture, submission, {
      capture: { ...NO_CAPTURE, captureHeartbeat: true, captureFocus: true },
      flushIntervalMs: 500,
    });
    try {
      await proctor.start();
      await executeServerCommand('page-focus', { away: true });
      const suspected = await arrived('tamper_suspected');
      expect(suspected[0]!.event_data).to.deep.include({ reason: 'focus_unreported' });
      await executeServerCommand('page-focus', { away: false });
      const back = await arrived('window_focused');
      const data = back[0]!.event_data as { away_ms: number; sampled: boolean };
      expect(data.sampled).to.equal(true);
      expect(data.away_ms).to.be.at.least(10_000);
      // Our focus source never heard a thing: the departure is in the log only because it was sampled.
      const types = (await serverEvents(fixture, submission.id)).map((event) => event.event_type);
      expect(types.filter((type) => type === 'window_blurred' || type === 'page_blurred')).to.have.length(1);
    } finally {
      window.removeEventListener('blur', swallow, true);
      window.removeEventListener('focus', swallow, true);
      await proctor.stop();
    }
  });
});
