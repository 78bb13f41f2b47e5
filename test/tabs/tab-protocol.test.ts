import { expect } from '@esm-bundle/chai';
import {
  addFault,
  clearFaults,
  eventually,
  requestLog,
  serverEvents,
  type ServerEvent,
} from '../helpers/canvas.js';
import { newTabAttempt } from '../helpers/tab-attempt.js';
import { callTab, closeAllTabs, closeTab, openTab } from '../helpers/tabs.js';

// The tabs of one attempt agree through a Web Lock (who sends) and a BroadcastChannel (wake-ups,
// followers' flushes and their answers). Here the leader goes away while it sends the batch a
// follower's flush asked for. Run with QP_CPU_THROTTLE=6 too: the close, the lock's handover, the
// channel and the network then arrive in any order.
//
// Covered in test/delivery/backoff-holds.test.ts already: a follower's flush rejects with the
// leader's code (a 401 arrives as `unauthorized`), and a flush taken by a leader that closes while
// its request got nowhere is answered by another follower that takes the lead.

const PER_TAB = 3;

/** Our own events (those carrying seq), keyed by what the test recorded: `<type>:<i>`. */
function recordedAs(events: ServerEvent[]): Map<string, ServerEvent[]> {
  const byKey = new Map<string, ServerEvent[]>();
  for (const event of events) {
    const data = event.event_data as { seq?: number; i?: number } | null;
    if (typeof data?.seq !== 'number') continue;
    const key = `${event.event_type}:${String(data.i)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), event]);
  }
  return byKey;
}

/** Every recorded event arrived; copies of one are exact; no (tab, seq) names two events. */
function expectNothingLost(events: ServerEvent[], recorded: string[]): void {
  const byKey = recordedAs(events);
  expect(
    recorded.filter((key) => !byKey.has(key)),
    'lost',
  ).to.deep.equal([]);
  expect([...byKey.keys()].sort(), 'only what was recorded').to.deep.equal([...recorded].sort());
  const names = new Map<string, string>();
  for (const [key, copies] of byKey) {
    const shapes = new Set(copies.map((c) => JSON.stringify([c.event_data, c.client_timestamp])));
    expect(shapes.size, `copies of ${key} differ: ${[...shapes].join(' | ')}`).to.equal(1);
    const { tab, seq } = copies[0]!.event_data as { tab: string; seq: number };
    expect(names.get(`${tab}:${seq}`) ?? key, `${tab}:${seq} names two events`).to.equal(key);
    names.set(`${tab}:${seq}`, key);
  }
}

const posts = async (path: string) => (await requestLog(path)).filter((r) => r.method === 'POST');

describe('tabs: the leader closed while it sends the batch a follower flushed', () => {
  afterEach(async () => {
    await clearFaults();
    await closeAllTabs();
  });

  for (const [lost, afterHandler] of [
    ['its request reached nothing', false],
    ['Canvas stored it but the answer never came', true],
  ] as const) {
    for (const [heir, tabs] of [
      ['the follower that asked', 2],
      ['another follower', 3],
    ] as const) {
      it(`loses nothing when ${lost}; ${heir} takes the lead and answers the flush`, async () => {
        const { fixture, submission, config, path } = await newTabAttempt();
        // Web Locks grant in request order: the first tab to start leads, the next one inherits.
        const opened: number[] = [];
        for (let i = 0; i < tabs; i += 1) {
          const tab = await openTab(config);
          await callTab(tab, 'start');
          opened.push(tab);
        }
        const leader = opened[0]!;
        const asker = opened[opened.length - 1]!;
        // The leader's first send hangs: before the server handles it, or after (the events are stored).
        await addFault({ path, method: 'POST', action: 'timeout', delayMs: 60_000, afterHandler });
        // Background tabs send at once (a hidden page's events are at risk), so the send may start
        // with the first events: the others wait in the store behind it, one request at a time.
        const recorded: string[] = [];
        for (const [n, tab] of opened.entries()) {
          await callTab(tab, 'burst', `tab${String(n)}`, PER_TAB);
          for (let i = 0; i < PER_TAB; i += 1) recorded.push(`tab${String(n)}:${String(i)}`);
        }
        const flushed = callTab<string>(asker, 'flush');
        // Awaited below; handled here too, so a failure before that leaves no stray rejection.
        flushed.catch(() => undefined);
        await eventually(
          async () => ((await posts(path)).some((r) => r.status === 'timeout') ? true : undefined),
          'the hanging send',
        );
        // Nothing is acknowledged while the send hangs: every event is in the shared store.
        await eventually(async () => {
          const stats = await callTab<{ pending: number }>(asker, 'stats');
          return stats.pending === recorded.length ? true : undefined;
        }, 'every event in the store, none acknowledged while the send hangs');
        const atServer = recordedAs(await serverEvents(fixture, submission.id)).size;
        if (afterHandler) expect(atServer, 'events the hanging send stored').to.be.greaterThan(0);
        else expect(atServer, 'events the hanging send stored').to.equal(0);
        await closeTab(leader);

        expect(await flushed).to.equal('ok');
        expect((await callTab<{ pending: number }>(asker, 'stats')).pending).to.equal(0);
        expectNothingLost(
          await serverEvents(fixture, submission.id, { withClientTimestamp: true }),
          recorded,
        );
      });
    }
  }
});
