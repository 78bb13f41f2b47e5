import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  addFault,
  bySeq,
  byTab,
  clearFaults,
  createFixture,
  eventually,
  requestLog,
  serverEvents,
  startSubmission,
} from '../helpers/canvas.js';
import { NO_CAPTURE } from '../helpers/no-capture.js';
import { callTab, closeAllTabs, closeTab, openTab, reloadTab } from '../helpers/tabs.js';

describe('delivery: reloads, hidden pages and closed tabs', () => {
  afterEach(async () => {
    await clearFaults();
    await closeAllTabs();
  });

  it('a batch in flight when the page reloads arrives after the reload; copies are told apart by client_timestamp', async () => {
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    const path = `/submissions/${submission.id}/events`;
    const config = {
      courseId: fixture.courseId,
      quizId: fixture.quizId,
      auth: { type: 'bearer' as const, token: fixture.student.token },
      submission,
      flushIntervalMs: 3_600_000,
      // The lost answer's backoff outlasts the reload on any machine, so the only copy sent again
      // is the one the flush after the reload sends (a slow page would otherwise retry first).
      retryBaseDelayMs: 60_000,
      capture: NO_CAPTURE,
    };
    // The first send is handled by the server (stored) but its answer never comes back.
    await addFault({ path, method: 'POST', action: 'reset', afterHandler: true });
    const tab = await openTab(config);
    await callTab(tab, 'start');
    await callTab(tab, 'burst', 'before_reload', 5);
    void callTab(tab, 'flush');
    await eventually(
      async () => ((await requestLog(path)).some((r) => r.status === 'reset') ? true : undefined),
      'the lost answer',
    );
    await reloadTab(tab);
    await callTab(tab, 'start');
    await callTab(tab, 'burst', 'after_reload', 3);
    expect(await callTab(tab, 'flush')).to.equal('ok');

    const events = await serverEvents(fixture, submission.id, { withClientTimestamp: true });
    // Each page load numbers its own events: 1-5 before the reload, 1-3 after it.
    const [before, after] = [...byTab(events).values()];
    expect([...before!.keys()]).to.deep.equal([1, 2, 3, 4, 5]);
    expect([...after!.keys()]).to.deep.equal([1, 2, 3]);
    for (const [tab, least, most] of [
      [before!, 2, Infinity],
      [after!, 1, 1],
    ] as const) {
      for (const copies of tab.values()) {
        // Only the batch whose answer was lost is there more than once (twice, or more when a slow
        // page's reload also cut the acknowledgement of Chromium's own re-send of the reset request),
        // and every copy is the same event: same attempt, same client_timestamp, same data.
        expect(copies.length).to.be.within(least, most);
        expect(new Set(copies.map((c) => c.client_timestamp)).size).to.equal(1);
        expect(new Set(copies.map((c) => JSON.stringify(c.event_data))).size).to.equal(1);
      }
    }
    // No two distinct events share a client_timestamp, so (attempt, client_timestamp) names one event.
    const distinct = new Set(
      events.filter((e) => e.event_type !== 'submission_created').map((e) => e.client_timestamp),
    );
    expect(distinct.size).to.equal(8);
  });

  it('events captured just before the page goes hidden and closes arrive through the keepalive send', async () => {
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    const path = `/submissions/${submission.id}/events`;
    const tab = await openTab({
      courseId: fixture.courseId,
      quizId: fixture.quizId,
      auth: { type: 'bearer', token: fixture.student.token },
      submission,
      flushIntervalMs: 3_600_000,
      capture: NO_CAPTURE,
      maxBatchEvents: 1000,
    });
    await callTab(tab, 'start');
    await callTab(tab, 'burst', 'last_words', 4);
    // Closing runs the page's lifecycle: visibilitychange to hidden, then pagehide.
    await closeTab(tab);
    await executeServerCommand('page-focus', { away: false });
    const stored = await eventually(async () => {
      const seqs = bySeq(await serverEvents(fixture, submission.id));
      return seqs.size === 4 ? seqs : undefined;
    }, 'the keepalive batch');
    expect([...stored.keys()]).to.deep.equal([1, 2, 3, 4]);
    const posts = (await requestLog(path)).filter((r) => r.method === 'POST');
    expect(posts).to.have.length(1);
  });

  it('two tabs of one attempt share one store and one sender; closing the sender mid-send loses nothing', async function () {
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    const path = `/submissions/${submission.id}/events`;
    const config = {
      courseId: fixture.courseId,
      quizId: fixture.quizId,
      auth: { type: 'bearer' as const, token: fixture.student.token },
      submission,
      flushIntervalMs: 3_600_000,
      capture: NO_CAPTURE,
    };
    const first = await openTab(config);
    await callTab(first, 'start');
    const second = await openTab(config);
    await callTab(second, 'start');
    // The first tab leads; its send hangs until the tab is closed under it. Armed before the first
    // tab's own events, which its flush below waits for and sends, so the send held is the first
    // tab's. Armed later, the fault could find the first tab with nothing left to send (a follower's
    // few events wake no one, and a flush waits only for its own tab's writes), or its flush's POST
    // not yet on the wire when the tab closes (Firefox then drops it unsent), and hold the new
    // leader's first send instead, until the SDK's 30 s request timeout.
    await addFault({ path, method: 'POST', action: 'timeout', delayMs: 60_000 });
    await callTab(first, 'burst', 'from_first', 3);
    await callTab(second, 'burst', 'from_second', 3);
    // This flush never answers: the tab is closed under it.
    void callTab(first, 'flush').catch(() => undefined);
    // The held send itself: only then is the first tab mid-send.
    await eventually(
      async () =>
        (await requestLog(path)).some((r) => r.method === 'POST' && r.status === 'timeout')
          ? true
          : undefined,
      'the held send',
    );
    await closeTab(first);
    await callTab(second, 'burst', 'after_close', 2);
    // What this test asks is that nothing is lost, so it waits for the events at the server, not
    // for one runner command.
    await callTab(second, 'startFlush');
    const ours = async () =>
      [...byTab(await serverEvents(fixture, submission.id)).values()].reduce(
        (sum, seqs) => sum + seqs.size,
        0,
      );
    await eventually(async () => ((await ours()) >= 8 ? true : undefined), 'eight events at the server');
    expect(['ok', 'network_failed']).to.include(
      await eventually(async () => {
        const result = await callTab<string>(second, 'flushResult');
        return result === 'pending' ? undefined : result;
      }, "the second tab's flush"),
    );
    // With everything delivered, a flush has nothing to wait for.
    expect(await callTab(second, 'flush')).to.equal('ok');

    const tabs = byTab(await serverEvents(fixture, submission.id));
    const stored = [...tabs.values()].flatMap((seqs) => [...seqs.values()]);
    const seen = JSON.stringify([...tabs].map(([tab, seqs]) => [tab, [...seqs.keys()]]));
    // Eight of our events (Canvas's own page_blurred/page_focused, fired as tabs take the front, carry
    // no seq and are not counted here), each exactly once.
    expect(stored.length, seen).to.equal(8);
    expect(
      stored.every((copies) => copies.length === 1),
      seen,
    ).to.equal(true);
    const types = stored.map((copies) => copies[0]!.event_type);
    expect(types.filter((t) => t === 'from_first')).to.have.length(3);
    expect(types.filter((t) => t === 'from_second')).to.have.length(3);
    // Never two requests at once for the attempt.
    const posts = (await requestLog(path)).filter((r) => r.method === 'POST' && r.status !== 'timeout');
    posts
      .slice(1)
      .forEach((r, i) => expect(r.time).to.be.at.least(posts[i]!.time + (posts[i]!.durationMs ?? 0)));
  });
});
