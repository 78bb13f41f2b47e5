import { EMPTY } from 'rxjs';
import { createCanvasClient } from '../canvas/core/canvas-client.js';
import { createCanvasHttp } from '../canvas/core/create-canvas-http.js';
import { getQuizSubmission } from '../canvas/quiz-submissions/get-quiz-submission.js';
import type { AttemptPipeline } from '../record/attempt-pipeline.js';
import { startAttemptPipeline } from '../record/start-attempt-pipeline.js';
import { loadSession, sessionKey } from '../session/saved-session.js';
import { listAttemptStores } from '../store/list-attempt-stores.js';
import { storeName } from '../store/store-name.js';
import type { ProctorDeps } from './proctor-deps.js';
import type { ResolvedOptions } from './resolved-options.js';

/** The submission's attempt as Canvas has it now. */
export interface CurrentAttempt {
  attempt: number;
  /** The attempt is over (submitted): no take page of it can be running any more. */
  over: boolean;
}

/** What became of the stores a submission left in this browser. */
export interface LeftoverReport {
  /** Attempts whose events are being delivered from this page. */
  delivering: number[];
  /** Events of earlier attempts that can no longer reach their own attempt's log, by attempt. */
  discarded: Record<number, number>;
}

// Where the browser cannot list its databases, the attempt this browser last took is the saved one.
async function attemptsWithStores(options: ResolvedOptions, submissionId: string): Promise<number[]> {
  const listed = await listAttemptStores({ ...options, submissionId });
  if (listed) return listed;
  const saved = await loadSession(sessionKey(options));
  return saved?.id === submissionId ? [saved.attempt] : [];
}

/**
 * Delivers what a submission's earlier page loads left in this browser (a tab closed before its
 * last batch, a network lost at submit), from a page that is not taking the attempt: the quiz page
 * after submitting. Only the submission's current attempt is delivered, and only once it is over
 * (while it runs, its take page delivers it): Canvas files every event under the submission's
 * current attempt, so an earlier attempt's events would land in the wrong attempt's log. Those are
 * deleted and counted in the report instead. Nothing is asked of Canvas when nothing is left.
 * Runtime failures are swallowed: the events stay for the next page.
 */
export async function deliverLeftovers(
  options: ResolvedOptions,
  deps: ProctorDeps,
  submissionId: string,
  current?: CurrentAttempt,
): Promise<LeftoverReport> {
  const report: LeftoverReport = { delivering: [], discarded: {} };
  const attempts = await attemptsWithStores(options, submissionId);
  if (attempts.length === 0) return report;
  const getAuth = () => options.auth;
  let now = current;
  if (!now) {
    const client = createCanvasClient({ baseUrl: options.baseUrl, auth: getAuth });
    const qs = await getQuizSubmission(client, {
      courseId: options.courseId,
      quizId: options.quizId,
      id: submissionId,
    });
    now = { attempt: qs.attempt, over: qs.workflow_state !== 'untaken' };
  }
  const bounds = { maxEvents: options.maxStoredEvents, maxBytes: options.maxStoredBytes };
  for (const attempt of attempts) {
    const scope = { ...options, submissionId, attempt };
    if (attempt < now.attempt) {
      const store = deps.openStore(storeName(scope), bounds);
      report.discarded[attempt] = await store.count();
      await store.destroy();
    } else if (attempt === now.attempt && now.over) {
      report.delivering.push(attempt);
      await drain(options, deps, { id: submissionId, attempt }, getAuth);
    }
  }
  return report;
}

// Runs the attempt's delivery with no capture until its store is empty, then deletes the store.
// It keeps running while the page stays (retrying with backoff, as a take page would) if the
// network is down, and stops with the page otherwise: the store keeps what is left.
async function drain(
  options: ResolvedOptions,
  deps: ProctorDeps,
  submission: { id: string; attempt: number },
  getAuth: () => ResolvedOptions['auth'],
): Promise<void> {
  // Set once started: a delivery can be reported before startAttemptPipeline has resolved.
  const started: { pipeline?: AttemptPipeline } = {};
  let finishing = false;
  const finishIfEmpty = async () => {
    const { pipeline } = started;
    if (!pipeline || finishing || (await pipeline.stats()).pending > 0) return;
    finishing = true;
    await pipeline.stop();
    await pipeline.destroy().catch(() => undefined);
  };
  const pipeline = await startAttemptPipeline({
    deps,
    submission,
    // A page that only delivers records nothing of its own.
    options: {
      ...options,
      recordSecondTabs: false,
      heartbeatIntervalMs: 0,
      reports: { focus: false, visibility: false },
    },
    http: createCanvasHttp(getAuth),
    getAuth,
    emit: (type) => {
      if (type === 'delivered') void finishIfEmpty().catch(() => undefined);
    },
    capture: () => EMPTY,
  });
  started.pipeline = pipeline;
  await pipeline.flush().catch(() => undefined);
  await finishIfEmpty();
}
