import { createProctor, type Proctor, type ProctorOptions } from '../../src/index.js';
import type { Fixture } from './canvas.js';
import { NO_CAPTURE } from './no-capture.js';

/** Options for the fixture's student adopting `submission`: no capture, no interval flush, fast retries. */
export function optionsFor(
  fixture: Fixture,
  submission: { id: string; attempt: number; validationToken: string },
  extra: Partial<ProctorOptions> = {},
): ProctorOptions {
  return {
    courseId: fixture.courseId,
    quizId: fixture.quizId,
    auth: { type: 'bearer', token: fixture.student.token },
    submission,
    flushIntervalMs: 3_600_000,
    retryBaseDelayMs: 100,
    capture: NO_CAPTURE,
    ...extra,
  };
}

/** A proctor for the fixture's student adopting `submission`, with fast retries for tests. */
export function proctorFor(
  fixture: Fixture,
  submission: { id: string; attempt: number; validationToken: string },
  extra: Partial<ProctorOptions> = {},
): Proctor {
  return createProctor(optionsFor(fixture, submission, { retryMaxDelayMs: 2000, ...extra }));
}

/** Resolves once the proctor has delivered the event numbered `seq`. */
export function deliveredThrough(proctor: Proctor, seq: number): Promise<void> {
  return new Promise((resolve) => {
    const off = proctor.on('delivered', ({ lastSeq }) => {
      if (lastSeq >= seq) {
        off();
        resolve();
      }
    });
  });
}
