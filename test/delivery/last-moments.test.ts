import { expect } from '@esm-bundle/chai';
import type { ProctorOptions } from '../../src/index.js';
import { addFault, clearFaults, eventually, serverEvents, type ServerEvent } from '../helpers/canvas.js';
import { NO_CAPTURE } from '../helpers/no-capture.js';
import { newTabAttempt, type TabAttempt } from '../helpers/tab-attempt.js';
import { actThenExit, callTab, closeAllTabs, closeTab, openTab, type TabExit } from '../helpers/tabs.js';

// A student's last act comes right before the page goes: flag or copy, then Next (the page
// unloads), or close the tab. Whatever the order of the IndexedDB commit, the lock, the channel and
// the network on a slow machine (run with QP_CPU_THROTTLE=6), what a tab recorded reaches Canvas,
// from the leader tab or a follower. Copies of an ambiguous send are allowed; they are exact.

const DELAYS_MS = [0, 5, 50];
const PAST: Record<TabExit, string> = { close: 'closed', reload: 'reloaded', navigate: 'navigated away' };
const ROUNDS = 3;
const PER_ROUND = 5;

/** Two tabs of the attempt: the first to start holds the lock (Web Locks grant in request order). */
async function twoTabs(config: ProctorOptions): Promise<{ leader: number; follower: number }> {
  const leader = await openTab(config);
  await callTab(leader, 'start');
  const follower = await openTab(config);
  await callTab(follower, 'start');
  return { leader, follower };
}

/**
 * Sends what is left from a live tab of the attempt, then reads what Canvas stored once `expected`
 * of our events are there (or after 15 s, for the assertions to say what is missing).
 */
async function settle(attempt: TabAttempt, live: number, expected: number): Promise<ServerEvent[]> {
  expect(await callTab(live, 'flush')).to.equal('ok');
  const read = () => serverEvents(attempt.fixture, attempt.submission.id, { withClientTimestamp: true });
  const ours = (events: ServerEvent[]) =>
    events.filter((e) => (e.event_data as { seq?: number } | null)?.seq).length;
  return eventually(async () => {
    const events = await read();
    return ours(events) >= expected ? events : undefined;
  }, `${expected} events at the server`).catch(read);
}

/** Every recorded event arrived; copies of one event are exact (same seq, data, client_timestamp). */
function expectAllOnce(events: ServerEvent[], recorded: string[], label: string): void {
  const ours = events.filter((e) => typeof (e.event_data as { seq?: number } | null)?.seq === 'number');
  const byKey = new Map<string, ServerEvent[]>();
  for (const event of ours) {
    const key = `${event.event_type}:${String((event.event_data as { i: number }).i)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), event]);
  }
  const missing = recorded.filter((key) => !byKey.has(key));
  expect(missing, `${label}: lost`).to.deep.equal([]);
  for (const [key, copies] of byKey) {
    const shapes = new Set(copies.map((c) => JSON.stringify([c.event_data, c.client_timestamp])));
    expect(shapes.size, `${label}: copies of ${key} differ: ${[...shapes].join(' | ')}`).to.equal(1);
  }
  // No two different events share a (tab, seq).
  const names = new Map<string, string>();
  for (const event of ours) {
    const { seq, tab, i } = event.event_data as { seq: number; tab: string; i: number };
    const key = `${event.event_type}:${String(i)}`;
    expect(names.get(`${tab}:${seq}`) ?? key, `${label}: ${tab}:${seq} names two events`).to.equal(key);
    names.set(`${tab}:${seq}`, key);
  }
}

for (const role of ['follower', 'leader'] as const) {
  for (const exit of ['close', 'reload', 'navigate'] as TabExit[]) {
    describe(`delivery: a ${role} tab's last moments (${exit})`, () => {
      afterEach(closeAllTabs);

      it(`loses nothing it recorded when it is ${PAST[exit]} 0, 5 and 50 ms after its last record()`, async () => {
        for (const delayMs of DELAYS_MS) {
          const attempt = await newTabAttempt();
          const tabs = await twoTabs(attempt.config);
          const goer = tabs[role];
          const stayer = role === 'leader' ? tabs.follower : tabs.leader;
          const recorded: string[] = [];
          for (let round = 0; round < ROUNDS; round += 1) {
            const from = round * PER_ROUND;
            await callTab(stayer, 'burst', 'stayer', PER_ROUND, from);
            const act = { method: 'burst', args: ['goer', PER_ROUND, from] };
            if (round < ROUNDS - 1) await callTab(goer, act.method, ...act.args);
            else await actThenExit(goer, act, exit, delayMs);
            for (let i = from; i < from + PER_ROUND; i += 1) recorded.push(`stayer:${i}`, `goer:${i}`);
          }
          // A reloaded tab starts again (it resumes the attempt); a navigated one is gone from it.
          if (exit === 'reload') await callTab(goer, 'start');
          if (exit === 'navigate') await closeTab(goer);
          const events = await settle(attempt, stayer, recorded.length);
          expectAllOnce(events, recorded, `${role} ${exit} after ${delayMs} ms`);
          await closeAllTabs();
        }
      });
    });
  }

  describe(`delivery: a ${role} tab closed right after a real flag click`, () => {
    afterEach(closeAllTabs);

    it('delivers the question_flagged of a flag clicked 0, 5 and 50 ms before the tab closes', async () => {
      for (const delayMs of DELAYS_MS) {
        const attempt = await newTabAttempt({ capture: { ...NO_CAPTURE, captureQuestionFlags: true } });
        const tabs = await twoTabs(attempt.config);
        const goer = tabs[role];
        const stayer = role === 'leader' ? tabs.follower : tabs.leader;
        await callTab(stayer, 'burst', 'stayer', 3);
        await actThenExit(goer, { click: '.flag_question' }, 'close', delayMs);
        await settle(attempt, stayer, 3);
        const flagged = await eventually(async () => {
          const events = await serverEvents(attempt.fixture, attempt.submission.id);
          const found = events.filter((e) => e.event_type === 'question_flagged');
          return found.length > 0 ? found : undefined;
        }, `question_flagged (${role}, ${delayMs} ms)`);
        // Canvas's shape exactly; a copy of an ambiguous send would be identical.
        for (const event of flagged)
          expect(event.event_data).to.deep.equal({ flagged: true, questionId: '1' });
        await closeAllTabs();
      }
    });
  });
}

describe("delivery: a tab's last moments while Canvas refuses every request", () => {
  afterEach(async () => {
    await clearFaults();
    await closeAllTabs();
  });

  for (const exit of ['close', 'reload'] as TabExit[]) {
    it(`what a tab ${PAST[exit]} 0 ms after its last record() could not send or write is rescued by the next page`, async () => {
      const attempt = await newTabAttempt();
      const path = `/submissions/${attempt.submission.id}/events`;
      // Every send fails while the tab goes: the keepalive cannot carry its last events.
      await addFault({ path, method: 'POST', action: 'status', status: 503, times: 1000 });
      const tab = await openTab(attempt.config);
      await callTab(tab, 'start');
      const recorded: string[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const act = { method: 'burst', args: ['goer', PER_ROUND, round * PER_ROUND] };
        if (round < ROUNDS - 1) await callTab(tab, act.method, ...act.args);
        else await actThenExit(tab, act, exit, 0);
        for (let i = round * PER_ROUND; i < (round + 1) * PER_ROUND; i += 1) recorded.push(`goer:${i}`);
      }
      await clearFaults();
      // The next page of the attempt (the reloaded one, or a new tab) sends what was left.
      const next = exit === 'reload' ? tab : await openTab(attempt.config);
      await callTab(next, 'start');
      const events = await settle(attempt, next, recorded.length);
      expectAllOnce(events, recorded, `refused, ${exit}`);
    });
  }
});
