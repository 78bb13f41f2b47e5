// DevTools' request blocking on the events endpoint for the whole attempt, then the quiz completed:
// nothing of ours reaches the log, and the review, told the attempt ran heartbeats, says so.
import { expect } from '@esm-bundle/chai';
import { createFixture, eventually, serverEvents, startSubmission } from '../helpers/canvas.js';
import { inFirefox } from '../helpers/engine.js';
import { alerts, proctorOptions, review } from '../helpers/review-attempt.js';
import { blockTabUrls, callTab, closeAllTabs, openTab } from '../helpers/tabs.js';

// Short, so the attempt spans several beats in a second or two of the test's time; the reviewer is
// told the same interval.
const HEARTBEAT_MS = 500;

describe('the events endpoint blocked for the whole attempt', () => {
  afterEach(closeAllTabs);

  it('leaves no event of ours, the quiz still completes, and the review raises heartbeat_gap', async function () {
    // DevTools' request blocking is driven through CDP, which Firefox does not have.
    if (await inFirefox()) this.skip();
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    const tab = await openTab(
      proctorOptions(fixture, submission, { heartbeatIntervalMs: HEARTBEAT_MS, completeFlushTimeoutMs: 500 }),
    );
    // As the student does it in the Network panel, before the quiz starts: "Block request URL".
    await blockTabUrls(tab, ['*/events*']);
    await callTab(tab, 'start');
    for (let i = 0; i < 3; i += 1) await callTab(tab, 'record', 'answer_saved', { i });
    // The page keeps trying: it beats every interval and its sends fail (each retried).
    await eventually(async () => {
      const stats = await callTab<{ retried: number; delivered: number } | null>(tab, 'stats');
      return stats && stats.retried >= 3 ? stats : undefined;
    }, 'three failed sends');
    // Completing goes through the session manager (not the events endpoint) and works.
    const completed = await callTab<{ unsentEvents: number; state: string }>(tab, 'complete');
    // (pending_review: the fixture's quiz has a question a teacher grades.)
    expect(['complete', 'pending_review']).to.include(completed.state);
    expect(completed.unsentEvents).to.be.greaterThan(4);
    // Nothing of ours arrived: only Canvas's server's own events, if any, carry no page load.
    const ours = (await serverEvents(fixture, submission.id)).filter(
      (event) => (event.event_data as { tab?: string } | null)?.tab !== undefined,
    );
    expect(ours).to.deep.equal([]);
    const result = await review(fixture, submission.id, HEARTBEAT_MS);
    expect(result.summary.pageLoads).to.equal(0);
    expect(alerts(result)).to.deep.equal(['heartbeat_gap']);
  });
});
