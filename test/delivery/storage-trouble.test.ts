import { expect } from '@esm-bundle/chai';
import { createProctorWith } from '../../src/proctor/create-proctor.js';
import { normalizeOptions } from '../../src/proctor/normalize-options.js';
import { defaultDeps } from '../../src/proctor/proctor-deps.js';
import { createIdbEventStore } from '../../src/store/create-idb-event-store.js';
import type { EventStore, StoreBounds } from '../../src/store/event-store.js';
import { NO_CAPTURE } from '../helpers/no-capture.js';
import { bySeq, createFixture, serverEvents, startSubmission, type Fixture } from '../helpers/canvas.js';

/** An IndexedDB store whose writes fail as a full disk makes them fail. */
function quotaExceeded(name: string, bounds: StoreBounds): EventStore {
  const real = createIdbEventStore(name, bounds);
  return {
    ...real,
    append: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
  };
}

/** No IndexedDB at all (some private modes, some embedded webviews). */
function unavailable(): EventStore {
  throw new ReferenceError('indexedDB is not defined');
}

async function run(fixture: Fixture, openStore: (name: string, bounds: StoreBounds) => EventStore) {
  const submission = await startSubmission(fixture);
  const proctor = createProctorWith(
    normalizeOptions({
      courseId: fixture.courseId,
      quizId: fixture.quizId,
      auth: { type: 'bearer', token: fixture.student.token },
      submission,
      flushIntervalMs: 3_600_000,
      capture: NO_CAPTURE,
    }),
    { ...defaultDeps(), openStore },
  );
  const errors: string[] = [];
  proctor.on('error', (error) => errors.push(error.code));
  await proctor.start();
  for (let i = 1; i <= 6; i += 1) proctor.record('evidence', { i });
  await proctor.flush();
  const stats = await proctor.getStats();
  await proctor.stop();
  return { submission, errors, stats };
}

describe('delivery: storage trouble', () => {
  for (const [label, openStore, reason] of [
    ['quota exceeded', quotaExceeded, 'quota_exceeded'],
    ['IndexedDB unavailable', unavailable, 'unavailable'],
  ] as const) {
    it(`keeps going in memory when ${label}, and records storage_degraded`, async () => {
      const fixture = await createFixture();
      const { submission, errors, stats } = await run(fixture, openStore);
      expect(errors).to.include('storage_unavailable');
      expect(stats.storage).to.equal('memory');
      const events = await serverEvents(fixture, submission.id);
      const degraded = events.filter((e) => e.event_type === 'storage_degraded');
      expect(degraded).to.have.length(1);
      expect(degraded[0]!.event_data).to.deep.include({ reason });
      const evidence = [...bySeq(events).values()].flat().filter((e) => e.event_type === 'evidence');
      expect(evidence.map((e) => (e.event_data as { i: number }).i)).to.deep.equal([1, 2, 3, 4, 5, 6]);
    });
  }

  it('drops low-value events first when its bounds overflow, and records the loss', async () => {
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    const proctor = createProctorWith(
      normalizeOptions({
        courseId: fixture.courseId,
        quizId: fixture.quizId,
        auth: { type: 'bearer', token: 'not-yet' },
        submission,
        flushIntervalMs: 3_600_000,
        capture: NO_CAPTURE,
        maxStoredEvents: 5,
      }),
      defaultDeps(),
    );
    await proctor.start();
    // Auth is wrong, so nothing leaves: the store fills up.
    proctor.record('page_blurred');
    for (let i = 0; i < 6; i += 1) proctor.record('window_resized', { i });
    await proctor.flush().catch(() => undefined);
    proctor.setAuth({ type: 'bearer', token: fixture.student.token });
    await proctor.flush();
    const stats = await proctor.getStats();
    await proctor.stop();
    const events = await serverEvents(fixture, submission.id);
    const types = events.map((e) => e.event_type);
    expect(types).to.include('page_blurred');
    const dropped = events.filter((e) => e.event_type === 'events_dropped');
    expect(dropped.length).to.be.greaterThan(0);
    const total = dropped.reduce((sum, e) => sum + (e.event_data as { count: number }).count, 0);
    expect(total).to.equal(stats.dropped);
    // by_type sums to count; byType (deprecated) still carries the same for one release.
    for (const { event_data } of dropped) {
      const data = event_data as { count: number; by_type: Record<string, number>; byType: unknown };
      expect(Object.values(data.by_type).reduce((sum, n) => sum + n, 0)).to.equal(data.count);
      expect(data.byType).to.deep.equal(data.by_type);
    }
    expect(stats.dropped).to.be.greaterThan(0);
    expect(types.filter((t) => t === 'window_resized').length + total).to.equal(6);
  });
});
