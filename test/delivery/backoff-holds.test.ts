import { expect } from '@esm-bundle/chai';
import {
  addFault,
  byTab,
  clearFaults,
  eventually,
  requestLog,
  serverEvents,
  type LoggedRequest,
} from '../helpers/canvas.js';
import { newTabAttempt } from '../helpers/tab-attempt.js';
import { callTab, closeAllTabs, closeTab, openTab } from '../helpers/tabs.js';

// A backoff holds for every path: under load a write completing, a flush waiting for pending
// writes, the other tab's flush and the network's answer arrive in any order (run these with
// QP_CPU_THROTTLE=6 too). A flush lifts only a backoff that was in force when it was asked for.

const posts = async (path: string) => (await requestLog(path)).filter((r) => r.method === 'POST');
const endOf = (request: LoggedRequest) => request.time + (request.durationMs ?? 0);

describe('delivery: a backoff holds whatever arrives first', () => {
  afterEach(async () => {
    await clearFaults();
    await closeAllTabs();
  });

  it('Retry-After holds when the 429 arrives while a write completes and the other tab asks for a flush', async () => {
    // A full batch (5) written by the leader sends at once; the answer is a slow 429, slow enough
    // that the steps below happen while it is on its way even on a page slowed six times.
    const { fixture, submission, config, path } = await newTabAttempt({ maxBatchEvents: 5 });
    await addFault({
      path,
      method: 'POST',
      action: 'status',
      status: 429,
      delayMs: 3000,
      headers: { 'Retry-After': '2' },
    });
    const leader = await openTab(config);
    await callTab(leader, 'start');
    const follower = await openTab(config);
    await callTab(follower, 'start');
    await callTab(leader, 'burst', 'first', 5);
    await eventually(async () => ((await posts(path)).length > 0 ? true : undefined), 'the first send');
    // While the 429 is on its way: more writes in both tabs, and the follower's flush.
    await callTab(leader, 'burst', 'during', 5);
    const flushed = callTab<string>(follower, 'flush');
    await callTab(follower, 'burst', 'follower', 3);
    // The flush was asked for before the 429 came: it does not lift the Retry-After, it reports it.
    expect(await flushed).to.equal('http_error');
    const [refused, next] = await eventually(async () => {
      const sent = await posts(path);
      return sent.length >= 2 ? sent : undefined;
    }, 'the retry');
    expect(refused!.status).to.equal(429);
    const gapMs = next!.time - endOf(refused!);
    expect(gapMs, `next request ${gapMs} ms after the 429`).to.be.at.least(1990);
    // And everything arrives, once.
    expect(await callTab(follower, 'flush')).to.equal('ok');
    const seqs = [...byTab(await serverEvents(fixture, submission.id)).values()];
    expect(seqs.map((tab) => tab.size).sort((x, y) => x - y)).to.deep.equal([3, 10]);
    expect(seqs.every((tab) => [...tab.values()].every((copies) => copies.length === 1))).to.equal(true);
  });

  it('a flush asked for after the 429 lifts it; one asked for before does not', async () => {
    const { config, path } = await newTabAttempt();
    await addFault({
      path,
      method: 'POST',
      action: 'status',
      status: 429,
      delayMs: 300,
      headers: { 'Retry-After': '3600' },
    });
    const tab = await openTab(config);
    await callTab(tab, 'start');
    await callTab(tab, 'burst', 'e', 4);
    expect(await callTab(tab, 'flush')).to.equal('http_error');
    expect(await posts(path)).to.have.length(1);
    // Asked for now, with the backoff in force: the app wants it sent, and it is.
    expect(await callTab(tab, 'flush')).to.equal('ok');
    expect((await posts(path)).map((r) => r.status)).to.deep.equal([429, 204]);
  });

  it("a follower's flush rejects with the leader's code, and a new leader answers flushes the old one took with it", async () => {
    const { fixture, submission, config, path } = await newTabAttempt();
    const leader = await openTab(config);
    await callTab(leader, 'start');
    const a = await openTab(config);
    await callTab(a, 'start');
    const b = await openTab(config);
    await callTab(b, 'start');
    // A 401 reaches the follower as `unauthorized`, as in the leader: an app refreshing its token
    // on that code does so in every tab.
    // Every send is refused while armed, whichever request of which tab comes first.
    await addFault({ path, method: 'POST', action: 'status', status: 401, times: 100 });
    await callTab(a, 'burst', 'a', 2);
    expect(await callTab(a, 'flush')).to.equal('unauthorized');
    await clearFaults();
    // The leader's next send hangs; a follower's flush waits for it; the leader closes mid-send.
    await addFault({ path, method: 'POST', action: 'timeout', delayMs: 60_000 });
    await callTab(b, 'burst', 'b', 2);
    const flushedB = callTab<string>(b, 'flush');
    await eventually(
      async () => ((await posts(path)).some((r) => r.status === 'timeout') ? true : undefined),
      'the hanging send',
    );
    await closeTab(leader);
    // Whichever follower gets the lock answers b's flush (a's or b's own).
    expect(await flushedB).to.equal('ok');
    const tabs = [...byTab(await serverEvents(fixture, submission.id)).values()];
    expect(tabs.map((seqs) => seqs.size).sort((x, y) => x - y)).to.deep.equal([2, 2]);
  });
});
