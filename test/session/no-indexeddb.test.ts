// A browser with no IndexedDB at all (a sandboxed frame, some private modes): the session starts
// and completes without its saved copy, and the events go through the memory store.
import { expect } from '@esm-bundle/chai';
import { createProctorWith } from '../../src/proctor/create-proctor.js';
import { normalizeOptions } from '../../src/proctor/normalize-options.js';
import { defaultDeps } from '../../src/proctor/proctor-deps.js';
import type { EventStore } from '../../src/store/event-store.js';
import { bySeq, createFixture, serverEvents } from '../helpers/canvas.js';
import { NO_CAPTURE } from '../helpers/no-capture.js';

describe('session: no IndexedDB at all', () => {
  const real = Object.getOwnPropertyDescriptor(window, 'indexedDB');
  before(() => {
    // As where the browser has none: reading `indexedDB` gives undefined, so opening a database throws at once.
    Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
  });
  after(() => {
    if (real) Object.defineProperty(window, 'indexedDB', real);
  });

  it('starts, records in memory and completes without the saved session', async () => {
    const fixture = await createFixture();
    const proctor = createProctorWith(
      normalizeOptions({
        courseId: fixture.courseId,
        quizId: fixture.quizId,
        auth: { type: 'bearer', token: fixture.student.token },
        accessCode: 'letmein',
        flushIntervalMs: 3_600_000,
        capture: NO_CAPTURE,
      }),
      {
        ...defaultDeps(),
        openStore: (): EventStore => {
          throw new ReferenceError('indexedDB is not defined');
        },
      },
    );
    const errors: string[] = [];
    proctor.on('error', (error) => errors.push(error.code));
    const submission = await proctor.start();
    for (let i = 1; i <= 3; i += 1) proctor.record('evidence', { i });
    const { unsentEvents } = await proctor.complete();
    expect(unsentEvents).to.equal(0);
    expect(proctor.state).to.equal('completed');
    expect(errors).to.deep.equal(['storage_unavailable']);
    const events = await serverEvents(fixture, String(submission.id));
    const evidence = [...bySeq(events).values()].flat().filter((e) => e.event_type === 'evidence');
    expect(evidence.map((e) => (e.event_data as { i: number }).i)).to.deep.equal([1, 2, 3]);
  });
});
