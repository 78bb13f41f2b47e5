import type { KyInstance } from 'ky';
import {
  concatMap,
  filter,
  fromEvent,
  interval,
  map,
  merge,
  Subject,
  Subscription,
  type Observable,
} from 'rxjs';
import type { ProctorDeps } from '../api/proctor-deps.js';
import type { ProctorEvents, ProctorStats } from '../api/proctor.js';
import type { CanvasAuth, SubmissionRef } from '../api/proctor-options.js';
import type { ResolvedOptions } from '../api/resolved-options.js';
import { ProctorError } from '../errors/proctor-error.js';
import { TransportError } from '../errors/transport-error.js';
import { createResilientStore } from '../store/create-resilient-store.js';
import type { DropCounts, StoreMeta } from '../store/event-store.js';
import { numberEvents } from '../store/number-events.js';
import { storeName } from '../store/store-name.js';
import { canvasPaths } from '../transport/canvas-paths.js';
import { DeliveryEngine } from '../transport/delivery-engine.js';
import { sendEvents } from '../transport/send-events.js';
import { sendKeepalive } from '../transport/send-keepalive.js';
import type { Emitter } from '../util/emitter.js';
import { bufferBurst } from './buffer-burst.js';
import type { CaptureMemory } from '../capture/capture-options.js';
import { loadCaptureMemory } from './capture-memory.js';
import type { CapturedEvent, StoredEvent } from './event-record.js';
import { openTabChannel, type TabMessage } from './tab-channel.js';

export interface AttemptPipelineConfig {
  options: ResolvedOptions;
  deps: ProctorDeps;
  submission: SubmissionRef;
  http: KyInstance;
  /** The current credentials (setAuth may replace them). */
  getAuth: () => CanvasAuth;
  emitter: Emitter<ProctorEvents>;
  /**
   * The capture sources, given the attempt's memory (so "once per attempt" survives reloads) and a
   * notifier on which they record what their timing rules hold back, then complete.
   */
  capture: (memory: CaptureMemory, stop$: Observable<void>) => Observable<CapturedEvent>;
}

/** One attempt's capture → write-ahead → delivery, running until `stop()`. */
export interface AttemptPipeline {
  record(event: CapturedEvent): void;
  flush(): Promise<void>;
  stop(): Promise<void>;
  resume(): void;
  stats(): Promise<ProctorStats>;
  /** Deletes the attempt's store (after completion, once nothing is pending). */
  destroy(): Promise<void>;
}

let flushIds = 0;
const LOSS_REPORT_WINDOW_MS = 2000;
// Events per store transaction: 500 puts take a few ms, well under a 50 ms long task.
const MAX_WRITE_BURST = 500;

export async function startAttemptPipeline(config: AttemptPipelineConfig): Promise<AttemptPipeline> {
  const { options, deps, submission, http, emitter } = config;
  const scheduler = deps.scheduler;
  const name = storeName({
    baseUrl: options.baseUrl,
    courseId: options.courseId,
    quizId: options.quizId,
    submissionId: String(submission.id),
    attempt: submission.attempt,
  });
  const bounds = { maxEvents: options.maxStoredEvents, maxBytes: options.maxStoredBytes };
  const captured$ = new Subject<CapturedEvent>();
  const flushNow$ = new Subject<void>();
  // Capture and the delivery triggers.
  const running = new Subscription();
  let storage: ProctorStats['storage'] = 'indexeddb';
  let delivered = 0;
  let retried = 0;
  let deadLettered = 0;
  let dropped = 0;
  let lastError: ProctorError | undefined;
  let stopped = false;

  const report = (error: ProctorError) => {
    lastError = error;
    emitter.emit('error', error);
  };

  // Events captured but not yet in the store, and who waits for them to get there.
  let unwritten = 0;
  let writeWaiters: (() => void)[] = [];
  const written = () =>
    unwritten === 0 ? Promise.resolve() : new Promise<void>((resolve) => writeWaiters.push(resolve));
  // Events recorded before the write pipeline is wired (a storage failure while opening the
  // store records one) wait here instead of being lost by a subject nobody listens to yet.
  let early: CapturedEvent[] | undefined = [];
  const record = (event: CapturedEvent) => {
    if (stopped) return;
    unwritten += 1;
    if (early) early.push(event);
    else captured$.next(event);
  };
  // Losses are reported at most once per window, summed, so a store that keeps overflowing
  // (a student offline for hours) sends a handful of loss records, not one per burst.
  const drops$ = new Subject<DropCounts>();
  const reportLossNow$ = new Subject<void>();

  const store = createResilientStore({
    open: () => deps.openStore(name, bounds),
    bounds,
    scheduler,
    opTimeoutMs: deps.storeOpTimeoutMs,
    onDegraded: (reason, cause) => {
      storage = 'memory';
      report(new ProctorError('storage_unavailable', reason, { cause }));
      record({ type: 'storage_degraded', data: { reason }, capturedAt: scheduler.now() });
    },
  });
  let meta: StoreMeta = await store.getMeta();
  const memory = await loadCaptureMemory(store);

  // Absolute, so an events URL Canvas gave the page (possibly another host) works like our own.
  const eventsUrl =
    options.eventsUrl ??
    `${options.baseUrl}/${canvasPaths.events(options.courseId, options.quizId, String(submission.id))}`;
  const eventsHttp = http.extend({ prefixUrl: '' });
  const engine = new DeliveryEngine({
    store,
    scheduler,
    random: deps.random,
    timing: {
      baseDelayMs: options.retryBaseDelayMs,
      maxDelayMs: options.retryMaxDelayMs,
      maxRetryAfterMs: options.maxRetryAfterMs,
      jitterRatio: 0.2,
    },
    maxBatchEvents: options.maxBatchEvents,
    maxBatchBytes: options.maxBatchBytes,
    keepaliveBudgetBytes: deps.keepaliveBudgetBytes,
    send: (events) => sendEvents(eventsHttp, eventsUrl, events),
    sendKeepalive: (body) => sendKeepalive(eventsUrl, body, config.getAuth()),
    whenWritten: written,
    onDelivered: (events) => {
      delivered += events.length;
      emitter.emit('delivered', { count: events.length, lastSeq: events[events.length - 1]?.seq ?? 0 });
    },
    onError: report,
    onDeadLetter: (letter) => {
      deadLettered += 1;
      emitter.emit('deadLettered', letter);
    },
    onState: (state) => {
      emitter.emit('delivery', state);
    },
    onRetry: () => {
      retried += 1;
    },
  });

  // Follower flushes waiting for the leader's answer (or for this tab to become the leader).
  const flushWaiters = new Map<string, (error: TransportError | undefined) => void>();
  const leaderFlush = async (): Promise<TransportError | undefined> => {
    await written();
    return engine.flush();
  };
  const channel = openTabChannel(name, (message: TabMessage) => {
    if (message.type === 'wake' && leader.isLeader) void engine.drain();
    if (message.type === 'hello' && options.capture.captureSecondTab !== false) {
      record({ type: 'second_tab_opened', data: { tab_id: message.tabId }, capturedAt: scheduler.now() });
    }
    if (message.type === 'flush' && leader.isLeader) {
      void leaderFlush().then((error) => {
        const reply: TabMessage = { type: 'flushed', id: message.id };
        if (error) {
          reply.error = { code: error.code, message: error.message };
          if (error.status !== undefined) reply.error.status = error.status;
        }
        channel.post(reply);
      });
    }
    if (message.type === 'flushed') {
      const waiter = flushWaiters.get(message.id);
      flushWaiters.delete(message.id);
      if (message.error === undefined) waiter?.(undefined);
      else {
        const init: { retryable: boolean; status?: number; detail: string } = {
          retryable: true,
          detail: message.error.message,
        };
        if (message.error.status !== undefined) init.status = message.error.status;
        waiter?.(new TransportError('http_error', init));
      }
    }
  });
  const leader = deps.electLeader(`quiz-proctor-lock:${name}`, () => {
    // A new leader answers the flushes that waited for the old one, then sends what it finds.
    for (const [id, waiter] of flushWaiters) {
      flushWaiters.delete(id);
      void leaderFlush().then(waiter);
    }
    void engine.drain();
  });
  const send = () => {
    if (leader.isLeader) void engine.drain();
    else channel.post({ type: 'wake' });
  };

  // The write path is kept apart from `running` so stop() can let it finish what is buffered.
  const writes = new Subscription();
  writes.add(
    captured$
      .pipe(
        bufferBurst(deps.writeWindowMs, scheduler, flushNow$, MAX_WRITE_BURST),
        // Numbered synchronously, so a page being hidden can send a burst before its write completes.
        map((burst) => {
          const next = numberEvents(meta, burst);
          meta = next.meta;
          engine.remember(next.stored);
          return next.stored;
        }),
        concatMap(async (events: StoredEvent[]) => {
          try {
            const result = await store.append(events);
            if (result.meta.lastSeq > meta.lastSeq || result.meta.lastAt > meta.lastAt) {
              meta = {
                ...meta,
                lastSeq: Math.max(meta.lastSeq, result.meta.lastSeq),
                lastAt: Math.max(meta.lastAt, result.meta.lastAt),
              };
            }
            if (result.stored[0]?.seq !== events[0]?.seq || result.stored.length !== events.length) {
              // Another tab numbered first, or the bounds dropped some: keep the store's version.
              engine.forget(events);
              engine.remember(result.stored);
            }
            if (Object.keys(result.dropped).length > 0) drops$.next(result.dropped);
          } catch (cause) {
            report(new ProctorError('storage_failed', String(cause), { cause }));
          }
          unwritten -= events.length;
          if (unwritten === 0) {
            const waiters = writeWaiters;
            writeWaiters = [];
            for (const resolve of waiters) resolve();
          }
          return engine.knownCount;
        }),
        filter((pending) => pending >= options.maxBatchEvents),
      )
      .subscribe(send),
  );
  running.add(
    drops$.pipe(bufferBurst(LOSS_REPORT_WINDOW_MS, scheduler, reportLossNow$)).subscribe((tallies) => {
      const byType: DropCounts = {};
      for (const tally of tallies) {
        for (const [type, n] of Object.entries(tally)) byType[type] = (byType[type] ?? 0) + n;
      }
      const count = Object.values(byType).reduce((sum, n) => sum + n, 0);
      dropped += count;
      record({ type: 'events_dropped', data: { count, byType }, capturedAt: scheduler.now() });
    }),
  );
  const waiting = early;
  early = undefined;
  for (const event of waiting) captured$.next(event);
  const captureStop$ = new Subject<void>();
  running.add(config.capture(memory, captureStop$).subscribe(record));
  // Another tab of this attempt is evidence too: each tab says hello, and the tabs already there
  // record the newcomer.
  const tabId = Math.random().toString(36).slice(2, 10);
  channel.post({ type: 'hello', tabId });
  running.add(
    interval(options.flushIntervalMs, scheduler).subscribe(() => {
      if (leader.isLeader) void engine.drain();
    }),
  );
  const doc = deps.target.document;
  // Hidden is when proctoring evidence matters most, and when timers get throttled: send at once.
  running.add(
    merge(
      fromEvent(doc, 'visibilitychange').pipe(filter(() => doc.visibilityState === 'hidden')),
      fromEvent(deps.target, 'pagehide'),
    ).subscribe(() => {
      flushNow$.next();
      if (leader.isLeader) engine.sendOnHide();
      else channel.post({ type: 'wake' });
    }),
  );
  running.add(
    merge(
      fromEvent(doc, 'visibilitychange').pipe(filter(() => doc.visibilityState === 'visible')),
      fromEvent(deps.target, 'online').pipe(
        map(() => {
          engine.retryNow();
        }),
      ),
    ).subscribe(send),
  );

  return {
    record,
    resume: () => {
      engine.resume();
      send();
    },
    async flush() {
      reportLossNow$.next();
      await written();
      const error = leader.isLeader
        ? await engine.flush()
        : await new Promise<TransportError | undefined>((resolve) => {
            const id = `${String((flushIds += 1))}:${Math.random().toString(36).slice(2)}`;
            flushWaiters.set(id, resolve);
            channel.post({ type: 'flush', id });
          });
      if (error) throw error;
    },
    async stop() {
      if (stopped) return;
      // Capture first records what its throttles hold back, then nothing new is accepted, and the
      // write path drains its buffer (completing the subject flushes it) before it is torn down.
      captureStop$.next();
      reportLossNow$.next();
      stopped = true;
      running.unsubscribe();
      captured$.complete();
      await written();
      writes.unsubscribe();
      if (leader.isLeader) await engine.drain();
      engine.stop();
      leader.release();
      channel.close();
      for (const waiter of flushWaiters.values()) waiter(new TransportError('stopped', { retryable: false }));
    },
    destroy: () => store.destroy(),
    async stats() {
      return {
        pending: await store.count().catch(() => 0),
        delivered,
        retried,
        deadLettered,
        dropped,
        delivery: engine.state,
        storage,
        lastError: lastError ?? engine.lastError,
      };
    },
  };
}
