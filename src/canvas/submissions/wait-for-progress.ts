import type { CanvasClient } from '../core/canvas-client.js';
import { sleep, wallClock, type CanvasClock } from '../core/canvas-clock.js';
import { CanvasTimeoutError } from '../core/canvas-timeout-error.js';
import type { Id } from '../core/id.js';
import { getProgress } from './get-progress.js';
import type { Progress } from './progress.js';

/** Options of {@link waitForProgress}. */
export interface WaitForProgressOptions {
  /**
   * Delay between polls.
   * @default 1000
   */
  intervalMs?: number;
  /**
   * Give up (with a `CanvasTimeoutError`) after this long.
   * @default 60000
   */
  timeoutMs?: number;
  /** Clock and timer (an rxjs scheduler fits; tests pass a virtual one). @default the wall clock */
  scheduler?: CanvasClock;
}

const isDone = (progress: Progress): boolean =>
  progress.workflow_state === 'completed' || progress.workflow_state === 'failed';

/**
 * Polls a Progress until it is `completed` or `failed` and returns that last state (a failed job
 * resolves too: check `workflow_state` and `message`).
 * `GET /api/v1/progress/:id`, repeatedly
 */
export async function waitForProgress<I extends Id>(
  client: CanvasClient<I>,
  progress: Pick<Progress, 'id'> & Partial<Progress>,
  options: WaitForProgressOptions = {},
): Promise<Progress<I>> {
  const intervalMs = options.intervalMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const scheduler = options.scheduler ?? wallClock;
  const deadline = scheduler.now() + timeoutMs;
  for (;;) {
    const current = await getProgress(client, { id: progress.id });
    if (isDone(current)) return current;
    if (scheduler.now() + intervalMs > deadline)
      throw new CanvasTimeoutError(`progress ${progress.id}`, timeoutMs);
    await sleep(scheduler, intervalMs);
  }
}
