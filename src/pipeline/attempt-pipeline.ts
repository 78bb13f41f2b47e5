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
import type { DropCounts } from '../store/event-store.js';
import { createNumbering } from '../store/number-events.js';
import { createRescueJournal } from '../store/rescue-journal.js';
import { storeName } from '../store/store-name.js';
import { canvasPaths } from '../transport/canvas-paths.js';
import { DeliveryEngine, type FlushTicket } from '../transport/delivery-engine.js';
import { sendEvents } from '../transport/send-events.js';
import { sendKeepalive } from '../transport/send-keepalive.js';
import type { Emitter } from '../util/emitter.js';
import { bufferBurst } from './buffer-burst.js';
import type { CaptureMemory } from '../capture/capture-options.js';
import { loadCaptureMemory } from './capture-memory.js';
import type { CapturedEvent, StoredEvent } from './event-record.js';
import { fromWire, openTabChannel, toWire, type TabMessage } from './tab-channel.js';

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

  // Events recorded so far and those whose write has settled (writes settle in order). A wait is for
  // the events recorded before it, never for those that keep coming after: under a steady stream of
  // events a flush or a keepalive ack would otherwise wait for a quiet moment that may never come.
  let recordedCount = 0;
  let settledCount = 0;
  let writeWaiters: { upTo: number; resolve: () => void }[] = [];
  const written = () => {
    const upTo = recordedCount;
    return settledCount >= upTo
      ? Promise.resolve()
      : new Promise<void>((resolve) => writeWaiters.push({ upTo, resolve }));
  };
  const settle = (count: number) => {
    settledCount += count;
    const ready = writeWaiters.filter((waiter) => waiter.upTo <= settledCount);
    writeWaiters = writeWaiters.filter((waiter) => waiter.upTo > settledCount);
    for (const waiter of ready) waiter.resolve();
  };
  // Events recorded before the write pipeline is wired (a storage failure while opening the
  // store records one) wait here instead of being lost by a subject nobody listens to yet.
  let early: CapturedEvent[] | undefined = [];
  // A hidden page's timers are throttled to a second or more, so the write window's timer would
  // keep its events unwritten (and at risk) that long: there, a burst ends with the task instead.
  let endOfTask = false;
  // Kept by the visibility listeners below: no DOM read per recorded event.
  let hidden = deps.target.document.visibilityState === 'hidden';
  const writeAtEndOfTask = () => {
    endOfTask = false;
    flushNow$.next();
    // A hidden tab can be closed or discarded without another chance to run (its pagehide may
    // never get the CPU on a busy machine): what it has not seen written is kept at once.
    journal.save(engine.atRisk());
  };
  const record = (event: CapturedEvent) => {
    if (stopped) return;
    recordedCount += 1;
    if (early) {
      early.push(event);
      return;
    }
    captured$.next(event);
    if (hidden && !endOfTask) {
      endOfTask = true;
      queueMicrotask(writeAtEndOfTask);
    }
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
  // This page load's own numbering: no other tab shares it, so nothing ever renumbers an event.
  const numbering = createNumbering(deps.random().toString(36).slice(2, 6));
  const tabId = numbering.tab;
  const journal = createRescueJournal(name, tabId, deps.target);
  // Events another page of the attempt rescued as it went away: back into the store before anything
  // is sent (writing what the store already holds is a no-op, so two tabs may both do it).
  // Restores run one after another, and a tab that becomes the leader drains only after the one under
  // way: a storage event often arrives while the dying tab still holds the lock, so the restore's
  // own wake goes nowhere, and a drain on the lock grant could peek before the restore commits.
  let restoring = Promise.resolve();
  const restoreRescued = () =>
    (restoring = restoring.then(async () => {
      const rescued = journal.takeAll();
      if (rescued.length > 0)
        await store.restore(rescued).catch((cause: unknown) => {
          report(new ProctorError('storage_failed', String(cause), { cause }));
        });
    }));
  await restoreRescued();
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
    leading: () => leader.isLeader,
  });

  // This tab's flushes waiting for the leader's answer (or for this tab to become the leader).
  const flushWaiters = new Map<
    string,
    { at: number; resolve: (error: TransportError | undefined) => void }
  >();
  const askLeader = (id: string, at: number) => {
    channel.post({ type: 'flush', id, at });
  };
  const leaderFlush = async (ticket: FlushTicket): Promise<TransportError | undefined> => {
    await written();
    return engine.flush(ticket);
  };
  const channel = openTabChannel(name, (message: TabMessage) => {
    switch (message.type) {
      case 'wake':
        if (leader.isLeader) void engine.drain();
        break;
      case 'hello':
        if (options.capture.captureSecondTab !== false)
          record({ type: 'second_tab_opened', data: { tab_id: message.tabId }, capturedAt: scheduler.now() });
        break;
      case 'leader':
        // The flushes the old leader took with it are asked of the new one.
        for (const [id, waiter] of flushWaiters) askLeader(id, waiter.at);
        break;
      case 'flush':
        if (leader.isLeader)
          void leaderFlush({ at: message.at }).then((error) => {
            channel.post({ type: 'flushed', id: message.id, error: error && toWire(error) });
          });
        break;
      case 'flushed': {
        const waiter = flushWaiters.get(message.id);
        flushWaiters.delete(message.id);
        waiter?.resolve(message.error && fromWire(message.error));
        break;
      }
    }
  });
  const leader = deps.electLeader(`quiz-proctor-lock:${name}`, () => {
    // A new leader takes in what the old one rescued as it went, answers its own flushes that waited
    // for the old one, then sends what it finds.
    channel.post({ type: 'leader' });
    void restoreRescued().then(() => {
      for (const [id, waiter] of flushWaiters) {
        flushWaiters.delete(id);
        void leaderFlush({ at: waiter.at }).then(waiter.resolve);
      }
      void engine.drain();
    });
  });
  const send = () => {
    if (leader.isLeader) void engine.drain();
    else channel.post({ type: 'wake' });
  };

  // The write path is kept apart from `running` so stop() can let it finish what is buffered.
  const writes = new Subscription();
  // A full batch written since the last wake is worth sending before the flush interval.
  let writtenSinceSend = 0;
  writes.add(
    captured$
      .pipe(
        bufferBurst(deps.writeWindowMs, scheduler, flushNow$, MAX_WRITE_BURST),
        // Numbered synchronously, so a page being hidden can send a burst before its write completes.
        map((burst) => {
          const numbered = numbering.number(burst);
          engine.remember(numbered);
          return numbered;
        }),
        concatMap(async (events: StoredEvent[]) => {
          try {
            const result = await store.append(events);
            engine.confirm(events, result.stored);
            // Written after all (the page lives on): keep only what is still at risk.
            journal.refresh(engine.atRisk());
            if (Object.keys(result.dropped).length > 0) drops$.next(result.dropped);
          } catch (cause) {
            // The events stay unconfirmed: a keepalive when the page is hidden is their last chance.
            report(new ProctorError('storage_failed', String(cause), { cause }));
          }
          settle(events.length);
          writtenSinceSend += events.length;
          return writtenSinceSend;
        }),
        filter((count) => count >= options.maxBatchEvents),
      )
      .subscribe(() => {
        writtenSinceSend = 0;
        send();
      }),
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
  running.add(journal.watch(() => void restoreRescued().then(send)));
  running.add(config.capture(memory, captureStop$).subscribe(record));
  // Another tab of this attempt is evidence too: each tab says hello, and the tabs already there
  // record the newcomer.
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
      hidden = true;
      // Numbered synchronously by the flush, so the keepalive below can carry even the last event.
      flushNow$.next();
      const answered = engine.sendOnHide();
      // A keepalive can be refused, or offline; localStorage is written before this returns.
      journal.save(engine.atRisk());
      // A follower wakes the leader for what it wrote, once its own keepalive is answered: woken
      // at once, the leader would send the same events again as soon as their write commits.
      if (!leader.isLeader)
        void answered.then(() => {
          channel.post({ type: 'wake' });
        });
    }),
  );
  running.add(
    merge(
      fromEvent(doc, 'visibilitychange').pipe(
        filter(() => doc.visibilityState === 'visible'),
        map(() => {
          hidden = false;
        }),
      ),
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
      // What the flush may lift is decided now, not after the wait for pending writes below.
      const ticket = engine.ticket();
      reportLossNow$.next();
      flushNow$.next();
      await written();
      const error = leader.isLeader
        ? await engine.flush(ticket)
        : await new Promise<TransportError | undefined>((resolve) => {
            const id = `${String((flushIds += 1))}:${tabId}`;
            flushWaiters.set(id, { at: ticket.at, resolve });
            askLeader(id, ticket.at);
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
      for (const waiter of flushWaiters.values())
        waiter.resolve(new TransportError('stopped', { retryable: false }));
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
