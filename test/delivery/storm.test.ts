import { expect } from '@esm-bundle/chai';
import {
  addFault,
  bySeq,
  clearFaults,
  createFixture,
  requestLog,
  serverEvents,
  startSubmission,
  type LoggedRequest,
} from '../helpers/canvas.js';
import { deliveredThrough, proctorFor } from '../helpers/proctor-for.js';

describe('delivery: a storm of server failures', () => {
  afterEach(clearFaults);

  it('backs off through 503s, resets, a 429 with Retry-After and the rate-limit 403, and delivers everything', async () => {
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    const events = `/submissions/${submission.id}/events`;
    await addFault({ path: events, method: 'POST', times: 3, action: 'status', status: 503 });
    await addFault({ path: events, method: 'POST', times: 2, action: 'reset' });
    await addFault({
      path: events,
      method: 'POST',
      action: 'status',
      status: 429,
      headers: { 'Retry-After': '1' },
    });
    await addFault({ path: events, method: 'POST', preset: 'rate-limit' });
    const proctor = proctorFor(fixture, submission, { retryBaseDelayMs: 100, retryMaxDelayMs: 800 });
    await proctor.start();
    for (let i = 1; i <= 25; i += 1) proctor.record('storm_event', { i });
    const done = deliveredThrough(proctor, 25);
    void proctor.flush().catch(() => undefined);
    await done;

    const posts = (await requestLog(events)).filter((r) => r.method === 'POST');
    // Every armed fault was hit, then the one success: eight requests reached the server.
    expect(posts.map((r) => r.status)).to.deep.equal([503, 503, 503, 'reset', 'reset', 429, 403, 204]);
    // Chromium itself re-sends, within milliseconds, a request whose reused keep-alive socket was reset;
    // those re-sends belong to the client attempt before them.
    const attempts: LoggedRequest[][] = [];
    for (const request of posts) {
      const last = attempts[attempts.length - 1];
      const previous = last?.[last.length - 1];
      if (last && previous?.status === 'reset' && request.time - previous.time < 30) last.push(request);
      else attempts.push([request]);
    }
    const outcome = (attempt: LoggedRequest[]) => attempt[attempt.length - 1]!;
    const gaps = attempts.slice(1).map((attempt, i) => attempt[0]!.time - outcome(attempts[i]!).time);
    const label = `client attempts ${JSON.stringify(attempts.map((a) => a.map((r) => r.status)))}, gaps ${gaps.join(', ')} ms`;
    // Backoff is visible: 100 ms, then 200 ms, then 400 ms (each ± 20 %) after the 503s; never a storm.
    expect(gaps[0], label).to.be.at.least(80);
    expect(gaps[1], label).to.be.at.least(160);
    expect(gaps[2], label).to.be.at.least(320);
    gaps.forEach((gap) => expect(gap, label).to.be.at.least(80));
    // Retry-After: 1 is honoured after the 429.
    const after429 = attempts.findIndex((attempt) => outcome(attempt).status === 429);
    expect(gaps[after429], label).to.be.at.least(1000);
    // One request at a time: each attempt started after the previous one was answered.
    attempts.slice(1).forEach((attempt, i) => {
      const before = outcome(attempts[i]!);
      expect(attempt[0]!.time, label).to.be.at.least(before.time + (before.durationMs ?? 0));
    });

    const stored = bySeq(await serverEvents(fixture, submission.id));
    expect([...stored.keys()]).to.deep.equal(Array.from({ length: 25 }, (_, i) => i + 1));
    expect([...stored.values()].every((copies) => copies.length === 1)).to.equal(true);
    const stats = await proctor.getStats();
    // Seven failures reached the server; Chromium's own re-sends make some of them one client attempt.
    expect(stats.retried, label).to.be.within(5, 7);
    expect(stats.pending).to.equal(0);
    await proctor.stop();
  });
});
