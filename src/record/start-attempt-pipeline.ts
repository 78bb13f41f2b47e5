// The one place the attempt's parts meet (store, recorder, write path, engine, tabs, page): each
// part is its own file, and this one only wires them, so it runs past the usual length.
import { Subscription } from 'rxjs';
import { createRelay, type Relay } from '../util/create-relay.js';
import { repeatEvery } from '../util/repeat-every.js';
import type { TransportError } from '../errors/transport-error.js';
import type { ProctorError } from '../errors/proctor-error.js';
import type { CapturedEvent } from '../events/captured-event.js';
import type { AttemptPipeline, AttemptPipelineConfig } from './attempt-pipeline.js';
import { loadCaptureMemory } from './capture-memory.js';
import { createAttemptEngine } from './create-attempt-engine.js';
import { createRecorder } from './create-recorder.js';
import { joinTabs } from './join-tabs.js';
import { openAttemptStore } from './open-attempt-store.js';
import { reportLosses } from './report-losses.js';
import { watchPage } from './watch-page.js';
import { createHeartbeat } from './heartbeat.js';
import { readPageState } from './read-page-state.js';
import { findPatchedApis } from './find-patched-apis.js';
import { freshRealm } from './fresh-realm.js';
import { watchUnreported } from './watch-unreported.js';

// Focus and visibility are sampled this often; a departure the events never reported counts after
// UNREPORTED_AFTER_MS, longer than the focus throttle that legitimately holds one back.
const UNREPORTED_SAMPLE_MS = 2000;
const UNREPORTED_AFTER_MS = 10_000;
// A visible page's main thread held this long (a debugger, a frozen page) is recorded as page_stalled.
const STALL_MS = 5000;
import { writeAhead } from './write-ahead.js';
import { createWriteProgress } from './write-progress.js';

/** Starts one attempt's capture → write-ahead → delivery, running until `stop()`. */
export async function startAttemptPipeline(config: AttemptPipelineConfig): Promise<AttemptPipeline> {
  const { options, deps, emit } = config;
  const scheduler = deps.scheduler;
  const captured$ = createRelay<CapturedEvent>();
  const flushNow$: Relay<void> = createRelay();
  // Capture and the delivery triggers.
  const running = new Subscription();
  let delivered = 0;
  let retried = 0;
  let deadLettered = 0;
  let dropped = 0;
  let stopped = false;
  const report = (error: ProctorError) => {
    emit('error', error);
  };
  const progress = createWriteProgress();
  const recorder = createRecorder(
    captured$,
    progress,
    deps.target.document.visibilityState === 'hidden',
    () => {
      flushNow$.next();
      // A hidden tab can be closed or discarded without another chance to run (its pagehide may
      // never get the CPU on a busy machine): what it has not seen written is kept at once.
      attempt.journal.save(engine.atRisk());
    },
  );
  // Every event queued to send is counted for the next heartbeat.
  const record = (event: CapturedEvent) => {
    heartbeat?.count(event.type);
    unreported?.saw(event.type);
    recorder.record(event);
  };
  const losses = reportLosses(scheduler, record, (count) => {
    dropped += count;
  });
  running.add(losses.subscription);

  const attempt = openAttemptStore(config, report, record);
  const realm = options.heartbeatIntervalMs > 0 ? freshRealm(deps.target) : undefined;
  const pageState = realm ? readPageState(deps.target, realm) : undefined;
  const heartbeat = pageState
    ? createHeartbeat({
        scheduler,
        intervalMs: options.heartbeatIntervalMs,
        monotonicNow: deps.monotonicNow,
        record,
        pageState,
        storage: attempt.storage,
      })
    : undefined;
  const unreported = pageState
    ? watchUnreported({
        scheduler,
        sampleMs: UNREPORTED_SAMPLE_MS,
        thresholdMs: UNREPORTED_AFTER_MS,
        pageState,
        monotonicNow: deps.monotonicNow,
        stallMs: STALL_MS,
        ...options.reports,
        record,
      })
    : undefined;
  // Events another page of the attempt rescued as it went away: back into the store before anything
  // is sent. A tab that becomes the leader drains only after the restore under way: a storage event
  // often arrives while the dying tab still holds the lock, so the restore's own wake goes nowhere,
  // and a drain on the lock grant could peek before the restore commits.
  await attempt.restoreRescued();
  const memory = await loadCaptureMemory(attempt.store);

  const engine = createAttemptEngine(config, {
    store: attempt.store,
    whenWritten: progress.written,
    onDelivered: (events) => {
      delivered += events.length;
      emit('delivered', { count: events.length, lastSeq: events[events.length - 1]?.seq ?? 0 });
    },
    onError: report,
    onDeadLetter: (letter) => {
      deadLettered += 1;
      emit('deadLettered', letter);
    },
    onState: (state) => {
      emit('delivery', state);
    },
    onRetry: () => {
      retried += 1;
    },
    leading: () => tabs.isLeader,
  });
  const leaderFlush = async (ticket: { epoch?: number; at: number }) => {
    await progress.written();
    return engine.flush(ticket);
  };
  const tabs = joinTabs({
    name: attempt.name,
    tabId: attempt.numbering.tab,
    electLeader: deps.electLeader,
    leaderFlush,
    drain: () => void engine.drain(),
    onHello: (tabId) => {
      if (options.recordSecondTabs)
        record({ type: 'second_tab_opened', data: { tab_id: tabId }, capturedAt: scheduler.now() });
    },
    beforeLeading: attempt.restoreRescued,
  });

  // The write path is kept apart from `running` so stop() can let it finish what is buffered.
  const writes = writeAhead({
    captured$,
    flushNow$,
    deps,
    attempt,
    engine,
    progress,
    losses,
    report,
    batchEvents: options.maxBatchEvents,
    onBatchReady: tabs.send,
  });
  recorder.open();
  const captureStop$: Relay<void> = createRelay();
  running.add(attempt.journal.watch(() => void attempt.restoreRescued().then(tabs.send)));
  running.add(config.capture(memory, captureStop$).subscribe(record));
  if (heartbeat && realm) {
    const apis = findPatchedApis(deps.target, realm);
    if (apis.length > 0) record({ type: 'apis_patched', data: { apis }, capturedAt: scheduler.now() });
    heartbeat.beat('start');
    running.add(heartbeat.start());
    running.add(unreported?.start());
  }
  running.add(
    repeatEvery(options.flushIntervalMs, scheduler, () => {
      if (tabs.isLeader) void engine.drain();
    }),
  );
  running.add(
    watchPage({
      target: deps.target,
      engine,
      journal: attempt.journal,
      tabs,
      endBurst: () => {
        flushNow$.next();
      },
      onHidden: (hidden) => {
        // pagehide after a hidden page says hidden again: one heartbeat per change.
        if (hidden === recorder.hidden) return;
        recorder.setHidden(hidden);
        // Recorded before the burst ends, so a page going away carries it in its keepalive.
        heartbeat?.beat(hidden ? 'hidden' : 'visible');
      },
    }),
  );

  return {
    record,
    // After stop() the recorder takes nothing, so a late beat is lost there.
    beat: (reason) => {
      heartbeat?.beat(reason);
    },
    resume: () => {
      engine.resume();
      tabs.send();
    },
    async flush() {
      // What the flush may lift is decided now, not after the wait for pending writes below.
      const ticket = engine.ticket();
      losses.reportNow();
      flushNow$.next();
      await progress.written();
      const error: TransportError | undefined = tabs.isLeader
        ? await engine.flush(ticket)
        : await tabs.flush(ticket.at);
      if (error) throw error;
    },
    async stop() {
      if (stopped) return;
      // Capture first records what its throttles hold back, then nothing new is accepted, and the
      // write path drains its buffer (completing the subject flushes it) before it is torn down.
      captureStop$.next();
      losses.reportNow();
      stopped = true;
      recorder.close();
      running.unsubscribe();
      captured$.complete();
      await progress.written();
      writes.unsubscribe();
      if (tabs.isLeader) await engine.drain();
      engine.stop();
      tabs.leave();
    },
    destroy: () => attempt.store.destroy(),
    async stats() {
      return {
        pending: await attempt.store.count().catch(() => 0),
        delivered,
        retried,
        deadLettered,
        dropped,
        delivery: engine.state,
        storage: attempt.storage(),
      };
    },
  };
}
