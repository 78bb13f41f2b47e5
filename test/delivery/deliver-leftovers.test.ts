// deliverLeftovers against the real server: what earlier page loads of a submission left in this
// browser goes to that submission only while Canvas files it under the same attempt.
import { expect } from '@esm-bundle/chai';
import { normalizeOptions } from '../../src/proctor/normalize-options.js';
import { deliverLeftovers } from '../../src/proctor/deliver-leftovers.js';
import { defaultDeps } from '../../src/proctor/proctor-deps.js';
import { listAttemptStores } from '../../src/store/list-attempt-stores.js';
import {
  addFault,
  clearFaults,
  createFixture,
  eventually,
  requestLog,
  serverEvents,
  startSubmission,
  type Fixture,
} from '../helpers/canvas.js';
import { optionsFor } from '../helpers/proctor-for.js';
import { callTab, closeTab, openTab } from '../helpers/tabs.js';

type Submission = Awaited<ReturnType<typeof startSubmission>>;

// A page that recorded `count` events and closed while Canvas refused them: they stay in its store.
async function leaveEvents(fixture: Fixture, submission: Submission, count: number): Promise<void> {
  await addFault({
    method: 'POST',
    path: `/submissions/${submission.id}/events`,
    action: 'status',
    status: 503,
    times: 1000,
  });
  const tab = await openTab(optionsFor(fixture, submission, { retryMaxDelayMs: 2000 }));
  await callTab(tab, 'start');
  await callTab(tab, 'burst', 'left_behind', count);
  await eventually(
    async () => ((await callTab<{ pending: number }>(tab, 'stats')).pending === count ? true : undefined),
    'the events in the store',
  );
  // Stopped first: a closing page would also send them by keepalive, which could land after the
  // fault is cleared.
  await callTab(tab, 'stop');
  await closeTab(tab);
  await clearFaults();
}

async function complete(fixture: Fixture, submission: Submission): Promise<void> {
  const response = await fetch(
    `/api/v1/courses/${fixture.courseId}/quizzes/${fixture.quizId}/submissions/${submission.id}/complete`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${fixture.student.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        attempt: submission.attempt,
        validation_token: submission.validationToken,
        access_code: 'letmein',
      }),
    },
  );
  if (!response.ok) throw new Error(`complete: HTTP ${response.status} ${await response.text()}`);
}

const leftover = (fixture: Fixture, submissionId: string) => ({
  options: normalizeOptions({
    courseId: fixture.courseId,
    quizId: fixture.quizId,
    auth: { type: 'bearer', token: fixture.student.token },
  }),
  stores: () =>
    listAttemptStores({
      baseUrl: location.origin,
      courseId: fixture.courseId,
      quizId: fixture.quizId,
      submissionId,
    }),
});

const leftBehind = async (fixture: Fixture, submissionId: string, attempt?: number) =>
  (await serverEvents(fixture, submissionId, attempt === undefined ? {} : { attempt })).filter(
    (event) => event.event_type === 'left_behind',
  );

describe('deliverLeftovers', () => {
  afterEach(clearFaults);

  it("delivers a submitted attempt's leftovers once and deletes its store", async () => {
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    await leaveEvents(fixture, submission, 3);
    await complete(fixture, submission);
    const { options, stores } = leftover(fixture, submission.id);
    expect(await stores()).to.deep.equal([1]);
    const report = await deliverLeftovers(options, defaultDeps(), submission.id);
    expect(report).to.deep.equal({ delivering: [1], discarded: {} });
    // The refusals left a backoff in the store, which the drain honours as the take page would.
    const arrived = await eventually(async () => {
      const got = await leftBehind(fixture, submission.id);
      return got.length === 3 ? got : undefined;
    }, 'the leftovers at the server');
    expect(arrived.map((event) => (event.event_data as { i: number }).i)).to.deep.equal([0, 1, 2]);
    await eventually(async () => ((await stores())?.length === 0 ? true : undefined), 'the store deleted');
    // Nothing is left to send twice.
    expect(await deliverLeftovers(options, defaultDeps(), submission.id)).to.deep.equal({
      delivering: [],
      discarded: {},
    });
    expect(await leftBehind(fixture, submission.id)).to.have.length(3);
  });

  it("never posts an earlier attempt's events into the current attempt: they are discarded and counted", async () => {
    const fixture = await createFixture();
    const first = await startSubmission(fixture);
    await leaveEvents(fixture, first, 2);
    await complete(fixture, first);
    const second = await startSubmission(fixture);
    expect(second).to.deep.include({ id: first.id, attempt: 2 });
    const { options, stores } = leftover(fixture, first.id);
    const report = await deliverLeftovers(options, defaultDeps(), first.id);
    expect(report).to.deep.equal({ delivering: [], discarded: { 1: 2 } });
    expect(await stores()).to.deep.equal([]);
    expect(await leftBehind(fixture, first.id, 2)).to.deep.equal([]);
  });

  it('leaves an attempt still being taken to its take page', async () => {
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    await leaveEvents(fixture, submission, 1);
    const { options, stores } = leftover(fixture, submission.id);
    expect(await deliverLeftovers(options, defaultDeps(), submission.id)).to.deep.equal({
      delivering: [],
      discarded: {},
    });
    expect(await stores()).to.deep.equal([1]);
    expect(await leftBehind(fixture, submission.id)).to.deep.equal([]);
  });

  it('asks Canvas nothing when nothing is left', async () => {
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    const { options } = leftover(fixture, submission.id);
    expect(await deliverLeftovers(options, defaultDeps(), submission.id)).to.deep.equal({
      delivering: [],
      discarded: {},
    });
    const asked = (await requestLog(`/submissions/${submission.id}`)).filter(
      (entry) => entry.method === 'GET',
    );
    expect(asked).to.deep.equal([]);
  });
});
