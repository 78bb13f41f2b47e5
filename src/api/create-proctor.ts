import { createCapture } from '../capture/create-capture.js';
import { ProctorError } from '../errors/proctor-error.js';
import { startAttemptPipeline, type AttemptPipeline } from '../pipeline/attempt-pipeline.js';
import { startSubmission } from '../session/start-submission.js';
import { createCanvasHttp } from '../transport/create-canvas-http.js';
import { Emitter } from '../util/emitter.js';
import { normalizeOptions } from './normalize-options.js';
import { defaultDeps, type ProctorDeps } from './proctor-deps.js';
import type { Proctor, ProctorEvents, ProctorState } from './proctor.js';
import type { ProctorOptions, SubmissionRef } from './proctor-options.js';
import type { ResolvedOptions } from './resolved-options.js';

/**
 * Creates a proctor for one quiz. Throws {@link ConfigError} for bad options; every later failure
 * is emitted through `on('error')`.
 * @example
 * const proctor = QuizProctor.createProctor({ courseId: 1, quizId: 2 });
 * await proctor.start();
 */
export function createProctor(options: ProctorOptions): Proctor {
  return createProctorWith(normalizeOptions(options), defaultDeps());
}

export function createProctorWith(options: ResolvedOptions, deps: ProctorDeps): Proctor {
  const emitter = new Emitter<ProctorEvents>();
  // The token lives in this closure only: it is never written to any store.
  let auth = options.auth;
  const http = createCanvasHttp(options.baseUrl, () => auth);
  let state: ProctorState = 'idle';
  let submission: SubmissionRef | undefined;
  let pipeline: AttemptPipeline | undefined;
  let starting: Promise<SubmissionRef> | undefined;
  let stopping: Promise<void> | undefined;
  let lastError: ProctorError | undefined;

  const setState = (next: ProctorState) => {
    state = next;
    emitter.emit('state', next);
  };
  emitter.on('error', (error) => {
    lastError = error;
  });

  const start = (): Promise<SubmissionRef> => {
    starting ??= (async () => {
      setState('starting');
      try {
        submission =
          options.submission ??
          (await startSubmission(http, options.courseId, options.quizId, options.accessCode));
        pipeline = await startAttemptPipeline({
          options,
          deps,
          submission,
          http,
          getAuth: () => auth,
          emitter,
          capture: (memory, stop$) =>
            createCapture(options.capture, { target: deps.target, scheduler: deps.scheduler, memory, stop$ }),
        });
      } catch (cause) {
        const error =
          cause instanceof ProctorError
            ? cause
            : new ProctorError('session_failed', String(cause), { cause });
        emitter.emit('error', error);
        setState('failed');
        throw error;
      }
      setState('active');
      return submission;
    })();
    return starting;
  };

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await starting?.catch(() => undefined);
      if (pipeline) {
        setState('stopping');
        await pipeline.stop();
      }
      setState('stopped');
      emitter.clear();
    })();
    return stopping;
  };

  return {
    start,
    stop,
    flush: () => pipeline?.flush() ?? Promise.resolve(),
    setAuth(next) {
      auth = normalizeOptions({ courseId: options.courseId, quizId: options.quizId, auth: next }).auth;
      pipeline?.resume();
    },
    record(type, data) {
      if (state !== 'active' || typeof type !== 'string' || type === '') return;
      const capturedAt = deps.scheduler.now();
      pipeline?.record(data === undefined ? { type, capturedAt } : { type, data, capturedAt });
    },
    on: (type, listener) => emitter.on(type, listener),
    async getStats() {
      const stats = pipeline
        ? await pipeline.stats()
        : {
            pending: 0,
            delivered: 0,
            retried: 0,
            deadLettered: 0,
            dropped: 0,
            delivery: 'idle' as const,
            storage: 'indexeddb' as const,
            lastError: undefined,
          };
      return { ...stats, lastError: stats.lastError ?? lastError };
    },
    get state() {
      return state;
    },
    get submission() {
      return submission;
    },
  };
}
