import type { ProctorOptions } from '../../src/index.js';
import { createFixture, startSubmission, type Fixture } from './canvas.js';
import { optionsFor } from './proctor-for.js';

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
  const config = optionsFor(fixture, submission, extra);
  return { fixture, submission, config, path: `/submissions/${submission.id}/events` };
}
