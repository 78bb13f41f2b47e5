import { Observable, Subscription } from 'rxjs';
import { repeatEvery } from '../util/repeat-every.js';
import { captureResolved } from '../capture/create-capture.js';
import { ProctorError } from '../errors/proctor-error.js';
import type { AttemptPipeline } from '../record/attempt-pipeline.js';
import { startAttemptPipeline } from '../record/start-attempt-pipeline.js';
import { createSessionClock } from '../session/session-clock.js';
import { createSessionManager } from '../session/session-manager.js';
import { createCanvasHttp } from '../canvas/core/create-canvas-http.js';
import { createEmitter } from '../util/create-emitter.js';
import { createCanvasClient } from '../canvas/core/canvas-client.js';
import { canvasLoggerRuns } from '../canvas-page/canvas-logger.js';
import { normalizeOptions } from './normalize-options.js';
import { defaultDeps, type ProctorDeps } from './proctor-deps.js';
import type { CompleteResult, Proctor, ProctorEvents, ProctorState } from './proctor.js';
import type { ProctorOptions, SubmissionRef } from './proctor-options.js';
import type { ResolvedOptions } from './resolved-options.js';

// Canvas's own page re-reads the time left about once a minute.
const TIME_CHECK_INTERVAL_MS = 60_000;

// The names of one release ago, still heard (deprecated: README, "Deprecated").
const RENAMED_EVENTS: Partial<Record<keyof ProctorEvents, keyof ProctorEvents>> = {
  time_warning: 'timeWarning',
  time_up: 'timeUp',
};

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
  const emitter = createEmitter<ProctorEvents>();
  // The token lives in this closure only: it is never written to any store.
  let auth = options.auth;
  const getAuth = () => auth;
  const http = createCanvasHttp(getAuth);
  const session = createSessionManager({
    ...options,
    client: createCanvasClient({ baseUrl: options.baseUrl, auth: getAuth }),
    scheduler: deps.scheduler,
  });
  let state: ProctorState = 'idle';
  const timing = new Subscription();
  let pipeline: AttemptPipeline | undefined;
  let starting: Promise<SubmissionRef> | undefined;
  let completing: Promise<CompleteResult> | undefined;
  let stopping: Promise<void> | undefined;
  let lastError: ProctorError | undefined;

  const setState = (next: ProctorState) => {
    state = next;
    emitter.emit('state', next);
  };
  const report = (error: ProctorError) => {
    lastError = error;
    emitter.emit('error', error);
  };

  // Decided once, at start: Canvas's logger starts with the page or not at all.
  const withoutCanvasTypes = () =>
    options.canvasTypes === 'never' || (options.canvasTypes === 'auto' && canvasLoggerRuns(deps.target));

  const clock = createSessionClock({
    scheduler: deps.scheduler,
    warningsSec: options.timeWarningsSec,
    onWarning: (secondsLeft) => {
      emitter.emit('timeWarning', { secondsLeft });
    },
    onTimeUp: () => {
      emitter.emit('timeUp', { endAt: session.submission?.endAt ?? null });
      if (options.autoComplete) void complete().catch(() => undefined);
    },
  });
  const timeLeft = async () => {
    const left = deps.readTimeLeft?.() ?? (await session.timeLeft());
    clock.correct(left.secondsLeft);
    return left;
  };

  const start = (): Promise<SubmissionRef> => {
    starting ??= (async () => {
      setState('starting');
      try {
        const submission = await session.start();
        pipeline = await startAttemptPipeline({
          deps,
          submission,
          options: {
            ...options,
            recordSecondTabs: options.capture.captureSecondTab,
            heartbeatIntervalMs: options.capture.captureHeartbeat ? options.heartbeatIntervalMs : 0,
            reports: { focus: options.capture.captureFocus, visibility: options.capture.captureVisibility },
          },
          http,
          getAuth,
          emit: (type, value) => {
            if (type === 'error') report(value as ProctorError);
            else emitter.emit(type, value as never);
          },
          capture: (memory, stop$) =>
            captureResolved(options.capture, {
              target: deps.target,
              scheduler: deps.scheduler,
              memory,
              stop$,
              withoutCanvasTypes: withoutCanvasTypes(),
            }),
        });
        setState('active');
        // Canvas's count of the time left keeps the local countdown honest; a failed read keeps
        // the countdown it has.
        const check = () => void timeLeft().catch(() => undefined);
        check();
        timing.add(repeatEvery(TIME_CHECK_INTERVAL_MS, deps.scheduler, check));
        return submission;
      } catch (cause) {
        const error =
          cause instanceof ProctorError
            ? cause
            : new ProctorError('session_failed', String(cause), { cause });
        report(error);
        setState('failed');
        // A later start() tries again: after a `network_failed` it resumes the attempt kept saved.
        starting = undefined;
        throw error;
      }
    })();
    return starting;
  };

  const complete = (): Promise<CompleteResult> => {
    completing ??= (async () => {
      await start();
      const active = pipeline;
      if (!active) throw new ProctorError('session_failed', 'not started');
      setState('completing');
      // The last heartbeat says what this page load sent, before the attempt closes.
      active.beat('complete');
      // Bounded: evidence matters, but a dead network must not keep the student from submitting.
      // A plain race on the scheduler: rxjs's race/from pull in about 1 kB of the page bundle.
      await new Promise<void>((resolve) => {
        const timeout = deps.scheduler.schedule(resolve, options.completeFlushTimeoutMs);
        void active
          .flush()
          .catch(() => undefined)
          .then(() => {
            timeout.unsubscribe();
            resolve();
          });
      });
      const unsentEvents = (await active.stats()).pending;
      let submission;
      try {
        submission = await session.complete();
      } catch (error) {
        report(error as ProctorError);
        setState('active');
        throw error;
      }
      setState('completed');
      timing.unsubscribe();
      clock.stop();
      await active.stop();
      // The attempt is over: its store goes once nothing in it waits for Canvas.
      if ((await active.stats()).pending === 0) await active.destroy().catch(() => undefined);
      if (unsentEvents > 0)
        report(
          new ProctorError(
            'complete_failed',
            `${String(unsentEvents)} event(s) were still unsent at completion`,
          ),
        );
      return { submission, unsentEvents };
    })().catch((error: unknown) => {
      // A later complete() tries again, as a later start() does.
      completing = undefined;
      throw error;
    });
    return completing;
  };

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await starting?.catch(() => undefined);
      timing.unsubscribe();
      clock.stop();
      if (state !== 'completed') {
        if (pipeline) {
          setState('stopping');
          await pipeline.stop();
        }
        setState('stopped');
      }
      emitter.clear();
    })();
    return stopping;
  };

  return {
    start,
    stop,
    complete,
    timeLeft,
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
    on: (type, listener) => emitter.on(RENAMED_EVENTS[type] ?? type, listener as never),
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
          };
      return { ...stats, lastError };
    },
    get state() {
      return state;
    },
    // The current state at once, then every change: a BehaviorSubject's behaviour on the emitter
    // the proctor already has (BehaviorSubject is used nowhere else: 0.3 kB of the page bundle).
    state$: new Observable<ProctorState>((subscriber) => {
      subscriber.next(state);
      return emitter.on('state', (next) => {
        subscriber.next(next);
      });
    }),
    get submission() {
      return session.submission;
    },
  };
}
