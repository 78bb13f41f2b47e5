// A tab the tests drive through the tab-* server commands. Its proctor is configured from the URL:
// ?config=<JSON of ProctorOptions>. Everything it exposes returns JSON-friendly values.
import { createProctor, type Proctor, type ProctorOptions } from '../../src/index.js';

// Canvas's take page toggles `marked` on the question when its flag is clicked.
document.body.addEventListener('click', (event) => {
  const flag = (event.target as Element).closest('.flag_question');
  if (!flag) return;
  event.preventDefault();
  const question = flag.closest('.question');
  question?.classList.toggle('marked');
  flag.setAttribute('aria-checked', String(question?.classList.contains('marked')));
});

const config = JSON.parse(new URLSearchParams(location.search).get('config') ?? '{}') as ProctorOptions;
const errors: string[] = [];
let proctor: Proctor | undefined;
let flushed = 'none';

const harness = {
  async start() {
    proctor = createProctor(config);
    proctor.on('error', (error) => errors.push(error.code));
    const submission = await proctor.start();
    return { id: String(submission.id), attempt: submission.attempt };
  },
  record(type: string, data?: Record<string, unknown>) {
    proctor?.record(type, data);
    return true;
  },
  /** Records `count` events and returns right away, without waiting for the store. */
  burst(type: string, count: number, from = 0) {
    for (let i = from; i < from + count; i += 1) proctor?.record(type, { i });
    return true;
  },
  async flush() {
    try {
      await proctor?.flush();
      return 'ok';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  },
  /**
   * Starts a flush and answers at once: `flushResult` then says how it ended. For a flush that may
   * outlast one runner command (20 s), as a retry after the SDK's own 30 s request timeout does.
   */
  startFlush() {
    flushed = 'pending';
    void harness.flush().then((result) => {
      flushed = result;
    });
    return true;
  },
  flushResult: () => flushed,
  /** Completes the attempt through the session manager; answers the unsent count, or the error's code. */
  async complete() {
    try {
      const result = await proctor?.complete();
      return {
        unsentEvents: result?.unsentEvents ?? null,
        state: result?.submission?.workflow_state ?? null,
      };
    } catch (error) {
      return { error: (error as { code?: string }).code ?? String(error) };
    }
  },
  async stats() {
    const stats = await proctor?.getStats();
    return stats ? { ...stats, lastError: stats.lastError?.code } : null;
  },
  errors: () => errors,
  async stop() {
    await proctor?.stop();
    return true;
  },
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}
window.harness = harness;
