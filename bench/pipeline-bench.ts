// The page side of the delivery benchmark (bench/run.js bundles it with esbuild and serves it on
// the Canvas emulator's origin). It drives one event storm through one sink per phase, timing the
// synchronous capture call of every event, and reports when the storm was persisted and delivered.
// run.js orders the phases, reads the events back from the server and prints the figures.
import { createProctorWith } from '../src/proctor/create-proctor.js';
import { normalizeOptions } from '../src/proctor/normalize-options.js';
import type { Proctor, ProctorStats } from '../src/proctor/proctor.js';
import type { ProctorOptions } from '../src/proctor/proctor-options.js';
import { defaultDeps } from '../src/proctor/proctor-deps.js';
import { createIdbEventStore } from '../src/store/create-idb-event-store.js';
import type { EventStore, StoreBounds } from '../src/store/event-store.js';
import { createCanvasBaseline, type CanvasBaseline } from './canvas-baseline.js';
import { NO_CAPTURE } from '../test/helpers/no-capture.js';
import { timerStepUs } from './timer-step.js';

export type PhaseKind = 'ours' | 'baseline' | 'null';

export interface StormEvent {
  type: string;
  data?: unknown;
}

export interface PhaseInput {
  kind: PhaseKind;
  events: number;
  /** Capture calls per task: the storm yields to the event loop between bursts. */
  burst: number;
  /** Most events offered per second (0: as fast as the sink returns). */
  rate: number;
  courseId: string;
  quizId: string;
  token: string;
  submission: { id: string; attempt: number; validationToken: string };
  /** Options for our pipeline on top of the defaults (none by default: the targets are for defaults). */
  options: Partial<ProctorOptions>;
}

export interface PhaseResult {
  kind: PhaseKind;
  events: number;
  /** Synchronous time of each capture call, in µs (quantised by the timer's resolution). */
  callUs: number[];
  /** Mean time per capture call of each burst (one timer pair around `burst` calls), in µs. */
  burstUs: number[];
  /** ms from the first capture call to the last call's return. */
  stormMs: number;
  /** ms from the first capture call to every event in the store (IndexedDB or localStorage). */
  persistedMs: number;
  /** ms from the first capture call to the server's 2xx for every event (after one flush at the end). */
  deliveredMs: number;
  longTasks: { startMs: number; durationMs: number }[];
  /** Events the store held once the storm was persisted (ours: appended to IndexedDB; baseline: in `qla_events`). */
  storedCount: number;
  /** Baseline: POSTs it made. Ours: see the server's request log. */
  posts: number | undefined;
  stats: ProctorStats | undefined;
  /** Ours: the store operations during the run (ms from the first capture call). */
  storeOps: StoreOp[];
  errors: string[];
}

export interface StoreOp {
  op: 'append' | 'ack' | 'peek';
  events: number;
  startMs: number;
  endMs: number;
}

export interface PageInfo {
  userAgent: string;
  crossOriginIsolated: boolean;
  /** Smallest step of performance.now() seen, in µs. */
  timerStepUs: number;
  longTaskSupported: boolean;
}

const OWN_TYPES = [
  'copy_detected',
  'mouse_left_window',
  'shortcut_blocked',
  'fullscreen_exited',
  'heartbeat',
];

/**
 * The storm: per ten events, three `question_viewed` (arrays of question ids), a `page_blurred`
 * followed by a `page_focused` (no data, so Canvas's "focus only after a blur" rule keeps both), and
 * five of our own types with small objects carrying `b`, the event's index in the storm.
 */
export function makeStorm(n: number): StormEvent[] {
  const events: StormEvent[] = [];
  let own = 0;
  for (let i = 0; i < n; i += 1) {
    const slot = i % 10;
    if (slot === 0 || slot === 4 || slot === 7) {
      const first = 4000 + ((i * 7) % 61);
      events.push({
        type: 'question_viewed',
        data: slot === 4 ? [String(first), String(first + 1)] : [String(first)],
      });
    } else if (slot === 1) {
      events.push({ type: 'page_blurred' });
    } else if (slot === 2) {
      events.push({ type: 'page_focused' });
    } else {
      const type = OWN_TYPES[own % OWN_TYPES.length]!;
      own += 1;
      events.push({
        type,
        data: { b: i, x: (i * 13) % 1280, y: (i * 29) % 800, at: 'q' + String(4000 + (i % 61)) },
      });
    }
  }
  return events;
}

const longTasks: { startMs: number; durationMs: number }[] = [];
const longTaskSupported = PerformanceObserver.supportedEntryTypes.includes('longtask');
const longTaskObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
});
if (longTaskSupported) longTaskObserver.observe({ type: 'longtask', buffered: false });

// Yields to the event loop without setTimeout's 4 ms clamp, so the storm is as fast as the sink allows.
const channel = new MessageChannel();
let resumeStorm: (() => void) | undefined;
channel.port1.onmessage = () => {
  resumeStorm?.();
};
const nextTask = () =>
  new Promise<void>((resolve) => {
    resumeStorm = resolve;
    channel.port2.postMessage(0);
  });
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const within = <T>(work: Promise<T>, ms: number, fallback: T): Promise<T> =>
  Promise.race([work, sleep(ms).then(() => fallback)]);

interface Prepared {
  input: PhaseInput;
  storm: StormEvent[];
  sink: (event: StormEvent) => void;
  /** Resolves when every event of the storm is in the store. */
  persisted: () => Promise<number>;
  flush: () => Promise<void>;
  finish: () => Promise<void>;
  storedCount: () => number;
  storeOps?: StoreOp[];
  proctor: Proctor | undefined;
  baseline: CanvasBaseline | undefined;
  errors: string[];
}

let prepared: Prepared | undefined;

async function prepareOurs(input: PhaseInput, storm: StormEvent[], errors: string[]): Promise<Prepared> {
  let appended = 0;
  let whenAll: ((at: number) => void) | undefined;
  const allAppended = new Promise<number>((resolve) => {
    whenAll = resolve;
  });
  const ops: StoreOp[] = [];
  const timed = async <T>(op: StoreOp['op'], events: number, work: Promise<T>): Promise<T> => {
    const startMs = performance.now();
    try {
      return await work;
    } finally {
      ops.push({ op, events, startMs, endMs: performance.now() });
    }
  };
  // The real IndexedDB store, counting what each append transaction committed and timing the
  // operations that take its readwrite lock (append, ack) or read it (peek), from call to result.
  const openStore = (name: string, bounds: StoreBounds): EventStore => {
    const store = createIdbEventStore(name, bounds);
    return {
      ...store,
      append: async (events) => {
        const result = await timed('append', events.length, store.append(events));
        appended += result.stored.length;
        if (appended >= input.events) whenAll?.(performance.now());
        return result;
      },
      ack: (events) => timed('ack', events.length, store.ack(events)),
      peek: (limit) => timed('peek', limit, store.peek(limit)),
    };
  };
  const proctor = createProctorWith(
    normalizeOptions({
      courseId: input.courseId,
      quizId: input.quizId,
      auth: { type: 'bearer', token: input.token },
      submission: input.submission,
      // The storm goes through record(), the path capture uses; capture itself is measured by
      // bench/capture-run.js, and its own events (session_started, screen_changed) would count here.
      capture: NO_CAPTURE,
      ...input.options,
    }),
    { ...defaultDeps(), openStore },
  );
  proctor.on('error', (error) => {
    errors.push(`${error.code}: ${error.message}`);
  });
  await proctor.start();
  return {
    input,
    storm,
    // The same path capture uses: record() → pipeline → IndexedDB → delivery.
    sink: (event) => {
      proctor.record(event.type, event.data as Record<string, unknown> | undefined);
    },
    persisted: () => allAppended,
    flush: () => proctor.flush(),
    finish: () => proctor.stop(),
    storedCount: () => appended,
    storeOps: ops,
    proctor,
    baseline: undefined,
    errors,
  };
}

function prepareBaseline(input: PhaseInput, storm: StormEvent[], errors: string[]): Prepared {
  localStorage.removeItem('qla_events');
  const url = `/api/v1/courses/${input.courseId}/quizzes/${input.quizId}/submissions/${input.submission.id}/events`;
  const baseline = createCanvasBaseline(url, input.token);
  return {
    input,
    storm,
    sink: (event) => {
      baseline.record(event.type, event.data);
    },
    // Every write is synchronous: the last record() has stored everything it will ever store.
    persisted: () => Promise.resolve(performance.now()),
    flush: () => baseline.flush(),
    finish: () => {
      baseline.stop();
      localStorage.removeItem('qla_events');
      return Promise.resolve();
    },
    // What localStorage holds, plus what its 15 s interval may already have delivered and removed.
    storedCount: () => {
      const stored = localStorage.getItem('qla_events');
      return (stored === null ? 0 : (JSON.parse(stored) as unknown[]).length) + baseline.acked;
    },
    proctor: undefined,
    baseline,
    errors,
  };
}

function prepareNull(input: PhaseInput, storm: StormEvent[], errors: string[]): Prepared {
  let last: StormEvent | undefined;
  return {
    input,
    storm,
    sink: (event) => {
      last = event;
    },
    persisted: () => Promise.resolve(performance.now()),
    flush: () => Promise.resolve(),
    finish: () => Promise.resolve(),
    storedCount: () => (last === undefined ? 0 : input.events),
    proctor: undefined,
    baseline: undefined,
    errors,
  };
}

async function prepare(input: PhaseInput): Promise<void> {
  const storm = makeStorm(input.events);
  const errors: string[] = [];
  if (input.kind === 'ours') prepared = await prepareOurs(input, storm, errors);
  else if (input.kind === 'baseline') prepared = prepareBaseline(input, storm, errors);
  else prepared = prepareNull(input, storm, errors);
  // Let start-up work (store open, leader election, the first empty drain) settle before timing.
  await sleep(200);
}

async function run(): Promise<PhaseResult> {
  const phase = prepared;
  if (!phase) throw new Error('prepare() first');
  const { storm, sink, input } = phase;
  const n = storm.length;
  const callUs = new Array<number>(n);
  const burstUs: number[] = [];
  const startedAt = performance.now();
  for (let first = 0; first < n; first += input.burst) {
    if (input.rate > 0) {
      // Paced: sleep while the storm is ahead of its schedule by a timer's worth, else yield.
      const due = startedAt + (first / input.rate) * 1000;
      while (performance.now() < due) {
        if (due - performance.now() > 5) await sleep(due - performance.now() - 4);
        else await nextTask();
      }
    }
    const end = Math.min(n, first + input.burst);
    const burstStart = performance.now();
    for (let i = first; i < end; i += 1) {
      const before = performance.now();
      sink(storm[i]!);
      callUs[i] = (performance.now() - before) * 1000;
    }
    burstUs.push(((performance.now() - burstStart) * 1000) / (end - first));
    await nextTask();
  }
  const stormEnd = performance.now();
  // A pipeline that never stores or delivers everything must fail the figures, not hang the bench.
  const persistedAt = Math.max(await within(phase.persisted(), 30_000, NaN), stormEnd);
  if (Number.isNaN(persistedAt)) phase.errors.push('the store did not take every event within 30 s');
  const storedCount = phase.storedCount();
  try {
    const flushed = await within(
      phase.flush().then(() => true),
      60_000,
      false,
    );
    if (!flushed) {
      phase.errors.push('flush() did not resolve within 60 s');
    }
  } catch (error) {
    phase.errors.push(`flush: ${String(error)}`);
  }
  const deliveredAt = performance.now();
  // Long-task entries arrive after their task: give the observer a moment.
  await sleep(100);
  for (const entry of longTaskObserver.takeRecords()) {
    longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
  }
  const stats = phase.proctor ? await phase.proctor.getStats() : undefined;
  return {
    kind: input.kind,
    events: n,
    callUs,
    burstUs,
    stormMs: stormEnd - startedAt,
    persistedMs: persistedAt - startedAt,
    deliveredMs: deliveredAt - startedAt,
    longTasks: longTasks
      .filter((task) => task.startMs >= startedAt && task.startMs <= deliveredAt)
      .map((task) => ({ startMs: task.startMs - startedAt, durationMs: task.durationMs })),
    storedCount,
    posts: phase.baseline?.posts,
    stats,
    storeOps: (phase.storeOps ?? [])
      .filter((op) => op.endMs >= startedAt)
      .map((op) => ({ ...op, startMs: op.startMs - startedAt, endMs: op.endMs - startedAt })),
    errors: phase.errors,
  };
}

async function finish(): Promise<void> {
  const phase = prepared;
  prepared = undefined;
  await phase?.finish();
}

function info(): PageInfo {
  return {
    userAgent: navigator.userAgent,
    crossOriginIsolated: self.crossOriginIsolated,
    timerStepUs: timerStepUs(),
    longTaskSupported,
  };
}

const api = { info, prepare, run, finish, makeStorm };
export type BenchApi = typeof api;
(globalThis as unknown as { bench: BenchApi }).bench = api;
