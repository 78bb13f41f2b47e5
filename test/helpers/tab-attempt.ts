import type { ProctorOptions } from '../../src/index.js';
import { createFixture, startSubmission, type Fixture } from './canvas.js';
import { NO_CAPTURE } from './no-capture.js';

/** A started attempt and the options every tab of it is opened with. */
export interface TabAttempt {
  fixture: Fixture;
  submission: { id: string; attempt: number; validationToken: string };
  config: ProctorOptions;
  /** The attempt's events path, as the server's request log names it. */
  path: string;
}

/**
 * A new quiz attempt for the multi-tab tests: no capture (the test records what it wants), no
 * interval flush (sends come from what the test does) and fast retries.
 */
export async function newTabAttempt(extra: Partial<ProctorOptions> = {}): Promise<TabAttempt> {
  const fixture = await createFixture();
  const submission = await startSubmission(fixture);
  const config: ProctorOptions = {
    courseId: fixture.courseId,
    quizId: fixture.quizId,
    auth: { type: 'bearer', token: fixture.student.token },
    submission,
    flushIntervalMs: 3_600_000,
    retryBaseDelayMs: 100,
    capture: NO_CAPTURE,
    ...extra,
  };
  return { fixture, submission, config, path: `/submissions/${submission.id}/events` };
}
