// The capture benchmark's page side (bundled by bench/capture-run.js). It builds a quiz page in
// Canvas's take-quiz markup with N questions, and drives one fixed storm of DOM events through it,
// once with capture NOT subscribed (the page's own cost and the driver's) and once with
// createCapture(…) subscribed, timing each dispatch with performance.now(). The storm's events are
// synthetic (dispatchEvent), except scrolling, which is a real window.scrollTo(): that is what wakes
// capture's IntersectionObserver, whose callbacks then run in later tasks (counted by run.js through
// Chromium's TaskDuration, not by the per-dispatch timer).
import { asyncScheduler, type SchedulerAction, type SchedulerLike, Subscription } from 'rxjs';
import type { CaptureMemory, CaptureOptions } from '../src/capture/capture-options.js';
import { createCapture } from '../src/capture/create-capture.js';
import type { CapturedEvent } from '../src/events/captured-event.js';
import { timerStepUs } from './timer-step.js';

export const KINDS = [
  'keydown',
  'click',
  'input',
  'change',
  'flag click',
  'scroll',
  'blur',
  'focus',
  'copy',
  'paste',
  'contextmenu',
  'resize',
] as const;
export type Kind = (typeof KINDS)[number];

// One burst of 20 dispatches; every burst has this mix, in this order, on varying questions.
const BURST_KINDS: Kind[] = [
  'keydown',
  'input',
  'flag click',
  'keydown',
  'scroll',
  'input',
  'blur',
  'keydown',
  'copy',
  'change',
  'keydown',
  'focus',
  'contextmenu',
  'input',
  'keydown',
  'paste',
  'scroll',
  'change',
  'resize',
  'flag click',
];
export const BURST = BURST_KINDS.length;

// Keys typed: mostly letters, and one in ten a shortcut capture records (Ctrl+Shift+I, Ctrl+Tab…).
const KEYS: { code: string; key: string; ctrlKey?: boolean; shiftKey?: boolean }[] = [
  { code: 'KeyA', key: 'a' },
  { code: 'KeyS', key: 's' },
  { code: 'KeyI', key: 'i' },
  { code: 'Space', key: ' ' },
  { code: 'KeyE', key: 'e' },
  { code: 'Backspace', key: 'Backspace' },
  { code: 'KeyT', key: 't' },
  { code: 'Tab', key: 'Tab' },
  { code: 'KeyN', key: 'n' },
  { code: 'KeyI', key: 'I', ctrlKey: true, shiftKey: true },
];

// Deterministic pseudo-random numbers, so the storm is the same with capture on and off.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUESTION_HEIGHT_PX = 160;
// Reading a layout property makes the browser lay out the page now.
let layoutSink = 0;
const forceLayout = () => {
  layoutSink += document.documentElement.offsetHeight;
};
let questionCount = 0;
let root: HTMLElement | undefined;
let removePageHandler: (() => void) | undefined;

/** Canvas's classic take-quiz markup; every fourth question is a short answer, the rest multiple choice. */
function buildPage(n: number): number {
  const t0 = performance.now();
  root?.remove();
  removePageHandler?.();
  root = document.createElement('div');
  root.id = 'questions';
  const parts: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const id = String(1000 + i);
    const text = i % 4 === 3;
    const answers = text
      ? `<input type="text" name="question_${id}" autocomplete="off" value="answer ${id}" style="width:300px">`
      : [1, 2, 3, 4]
          .map(
            (a) => `<label><input type="radio" name="question_${id}" value="${id}${a}"> choice ${a}</label>`,
          )
          .join(' ');
    parts.push(`<div class="quiz_sortable question_holder">
<a name="question_${id}"></a>
<div class="display_question question ${text ? 'short_answer_question' : 'multiple_choice_question'}" id="question_${id}" style="height:${QUESTION_HEIGHT_PX}px;box-sizing:border-box;margin:0;overflow:hidden">
<a href="#" class="flag_question" role="checkbox" aria-checked="false">flag</a>
<div class="text"><div class="question_text user_content">Question ${id}: some text to read and copy.</div>
<div class="answers">${answers}</div></div></div></div>`);
  }
  root.innerHTML = parts.join('');
  document.body.append(root);
  // The page's own flag behaviour, as Canvas's take page: a delegated click handler toggling `marked`.
  const toggle = (event: MouseEvent) => {
    const flag = (event.target as Element).closest('.flag_question');
    if (!flag) return;
    event.preventDefault();
    const question = flag.closest('.question');
    question?.classList.toggle('marked');
    flag.setAttribute('aria-checked', String(question?.classList.contains('marked')));
  };
  document.body.addEventListener('click', toggle);
  removePageHandler = () => {
    document.body.removeEventListener('click', toggle);
  };
  questionCount = n;
  window.scrollTo(0, 0);
  forceLayout(); // layout now, not inside the first timed dispatch
  return performance.now() - t0;
}

// A synthetic window blur leaves the page focused. At a real one, which the storm's blur stands
// for, Chromium already reports the document unfocused when the blur is dispatched (checked by
// test/capture/focus.test.ts), so the storm's blur and focus set what document.hasFocus() answers.
let pageFocused = true;
Object.defineProperty(document, 'hasFocus', { value: () => pageFocused, configurable: true });

interface Step {
  kind: Kind;
  run: () => void;
}

// One dispatch of each kind, on a given element: closures over fixed targets, so the runs with
// capture off and on dispatch exactly the same events.
const steps = {
  keydown: (input: HTMLInputElement, k: (typeof KEYS)[number]): Step => ({
    kind: 'keydown',
    run: () => {
      input.dispatchEvent(
        new KeyboardEvent('keydown', { ...k, bubbles: true, cancelable: true, composed: true }),
      );
    },
  }),
  input: (input: HTMLInputElement, char: string): Step => ({
    kind: 'input',
    run: () => {
      input.value = input.value.length > 40 ? char : input.value + char;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: char }));
    },
  }),
  change: (radio: HTMLInputElement): Step => ({
    kind: 'change',
    run: () => {
      radio.checked = true;
      radio.dispatchEvent(new Event('change', { bubbles: true }));
    },
  }),
  click: (kind: 'click' | 'flag click', element: Element): Step => ({
    kind,
    run: () => {
      element.dispatchEvent(
        new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 }),
      );
    },
  }),
  scroll: (y: number): Step => ({
    kind: 'scroll',
    run: () => {
      window.scrollTo(0, y);
    },
  }),
  focus: (kind: 'blur' | 'focus'): Step => ({
    kind,
    run: () => {
      pageFocused = kind === 'focus';
      window.dispatchEvent(new FocusEvent(kind));
    },
  }),
  clipboard: (kind: 'copy' | 'paste', input: HTMLInputElement): Step => ({
    kind,
    run: () => {
      input.setSelectionRange(0, 6);
      const clipboardData = new DataTransfer();
      if (kind === 'paste') clipboardData.setData('text/plain', 'pasted text');
      input.dispatchEvent(
        new ClipboardEvent(kind, { bubbles: true, cancelable: true, composed: true, clipboardData }),
      );
    },
  }),
  contextmenu: (element: Element): Step => ({
    kind: 'contextmenu',
    run: () => {
      element.dispatchEvent(
        new MouseEvent('contextmenu', { bubbles: true, cancelable: true, composed: true, button: 2 }),
      );
    },
  }),
  resize: (): Step => ({
    kind: 'resize',
    run: () => {
      window.dispatchEvent(new UIEvent('resize'));
    },
  }),
};

function pageParts() {
  const questions = [...document.querySelectorAll('#questions .question')];
  return {
    questions,
    textInputs: [...document.querySelectorAll<HTMLInputElement>('#questions input[type=text]')],
    radios: [...document.querySelectorAll<HTMLInputElement>('#questions input[type=radio]')],
    maxScroll: Math.max(0, document.documentElement.scrollHeight - window.innerHeight),
  };
}

/** The stress storm: every burst has the same mix of 20 (BURST_KINDS), on random questions. */
function makeStorm(bursts: number, seed: number): Step[] {
  const random = rng(seed);
  const pick = <T>(list: ArrayLike<T>) => list[Math.floor(random() * list.length)]!;
  const { questions, textInputs, radios, maxScroll } = pageParts();
  const list: Step[] = [];
  let key = 0;
  for (let b = 0; b < bursts; b += 1) {
    for (const kind of BURST_KINDS) {
      switch (kind) {
        case 'keydown':
          list.push(steps.keydown(pick(textInputs), KEYS[key++ % KEYS.length]!));
          break;
        case 'input':
          list.push(steps.input(pick(textInputs), String.fromCharCode(97 + Math.floor(random() * 26))));
          break;
        case 'change':
          list.push(steps.change(pick(radios)));
          break;
        case 'click':
        case 'flag click':
          list.push(steps.click(kind, pick(questions).querySelector('.flag_question')!));
          break;
        case 'scroll':
          list.push(steps.scroll(Math.floor(random() * maxScroll)));
          break;
        case 'blur':
        case 'focus':
          list.push(steps.focus(kind));
          break;
        case 'copy':
        case 'paste':
          list.push(steps.clipboard(kind, pick(textInputs)));
          break;
        case 'contextmenu':
          list.push(steps.contextmenu(pick(questions).querySelector('.question_text')!));
          break;
        case 'resize':
          list.push(steps.resize());
          break;
      }
    }
  }
  return list;
}

// Ordinary typing, and now and then a shortcut capture records (1 in 120 key presses).
const TYPING = KEYS.filter((k) => !k.ctrlKey);
const SHORTCUT = KEYS.find((k) => k.ctrlKey)!;

/**
 * The session stream: what a student taking the quiz sends, question by question, in document
 * order (SESSION_QUESTIONS visits, cycling through a smaller page). Each visit scrolls twice to the
 * question; a multiple-choice one is answered with a click on it and a `change`, a short-answer one
 * with a click into its field and 12 characters typed (keydown + input each). Every 20th visit
 * flags the question, every 40th leaves the window and comes back (blur, then focus one visit
 * later), every 50th copies, every 100th pastes and opens a context menu, and the window is
 * resized once. Cut into bursts of BURST events, one burst per frame, like the storm.
 */
function makeSession(bursts: number, seed: number): Step[] {
  const random = rng(seed);
  const { questions, maxScroll } = pageParts();
  const list: Step[] = [];
  let keys = 0;
  let visit = 0;
  const questionHeightPx = maxScroll / Math.max(1, questions.length - 1);
  while (list.length < bursts * BURST) {
    const question = questions[visit % questions.length]!;
    const y = Math.min(maxScroll, (visit % questions.length) * questionHeightPx);
    list.push(steps.scroll(Math.max(0, y - 80)), steps.scroll(y));
    if (visit % 40 === 39) list.push(steps.focus('focus'));
    const text = question.querySelector<HTMLInputElement>('input[type=text]');
    if (text) {
      list.push(steps.click('click', text));
      for (let c = 0; c < 12; c += 1) {
        keys += 1;
        const k = keys % 120 === 0 ? SHORTCUT : TYPING[Math.floor(random() * TYPING.length)]!;
        list.push(steps.keydown(text, k), steps.input(text, k.key.length === 1 ? k.key : 'x'));
      }
    } else {
      const radios = question.querySelectorAll<HTMLInputElement>('input[type=radio]');
      list.push(steps.click('click', question.querySelector('.question_text')!));
      list.push(steps.change(radios[Math.floor(random() * radios.length)]!));
    }
    if (visit % 20 === 19) list.push(steps.click('flag click', question.querySelector('.flag_question')!));
    if (visit % 40 === 38) list.push(steps.focus('blur'));
    if (visit % 50 === 25 && text) list.push(steps.clipboard('copy', text));
    if (visit % 100 === 60) {
      list.push(steps.contextmenu(question.querySelector('.question_text')!));
      if (text) list.push(steps.clipboard('paste', text));
    }
    if (visit === 100) list.push(steps.resize());
    visit += 1;
  }
  return list.slice(0, bursts * BURST);
}

export type Stream = 'storm' | 'session';
const makeStream = (stream: Stream, bursts: number, seed: number) =>
  stream === 'session' ? makeSession(bursts, seed) : makeStorm(bursts, seed);

const longTasks: { startMs: number; durationMs: number }[] = [];
const longTaskSupported = PerformanceObserver.supportedEntryTypes.includes('longtask');
if (longTaskSupported) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
  }).observe({ type: 'longtask', buffered: false });
}
const longTasksBetween = (from: number, to: number) =>
  longTasks.filter((task) => task.startMs >= from && task.startMs <= to);

const frame = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      resolve();
    }),
  );
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Capture's own time, measured from inside. While capture is subscribed, every event listener it
// adds, every IntersectionObserver / MutationObserver callback it creates and every task it
// schedules runs inside a timer pair. The driver reads `ownListenerMs` around each dispatch, so a
// dispatch's own time is exactly the time capture's listeners ran in it: the page's handler, the
// driver and the event's construction are outside, and so is most of the machine's noise, which
// the whole-dispatch figures carry (they time 10–50 µs of page work for a few µs of capture). What
// it leaves out, Blink entering a listener, the paired whole-dispatch figures still show.
let instrumenting = false;
let ownListenerMs = 0;
let ownCalls = 0;
let deferredMs: number[] = [];
// Where capture listened (window and document), for the floor run's empty listeners.
let registrations: {
  target: EventTarget;
  type: string;
  options: boolean | AddEventListenerOptions | undefined;
}[] = [];
const timedListeners = new WeakMap<object, EventListener>();
// The originals are only ever called with .call(target), so they need no binding.
// eslint-disable-next-line @typescript-eslint/unbound-method
const { addEventListener: addListener, removeEventListener: removeListener } = EventTarget.prototype;
EventTarget.prototype.addEventListener = function (
  this: EventTarget,
  type: string,
  listener: EventListenerOrEventListenerObject | null,
  options?: boolean | AddEventListenerOptions,
) {
  if (!instrumenting || typeof listener !== 'function') {
    addListener.call(this, type, listener, options);
    return;
  }
  if (this === window || this === document) registrations.push({ target: this, type, options });
  let timed = timedListeners.get(listener);
  if (!timed) {
    const inner = listener;
    timed = function (this: unknown, event: Event) {
      ownCalls += 1;
      const s = performance.now();
      try {
        inner.call(this, event);
      } finally {
        ownListenerMs += performance.now() - s;
      }
    };
    timedListeners.set(listener, timed);
  }
  addListener.call(this, type, timed, options);
};
EventTarget.prototype.removeEventListener = function (
  this: EventTarget,
  type: string,
  listener: EventListenerOrEventListenerObject | null,
  options?: boolean | EventListenerOptions,
) {
  removeListener.call(this, type, (listener && timedListeners.get(listener)) ?? listener, options);
};
const timedCallback =
  <A extends unknown[]>(inner: (...args: A) => void) =>
  (...args: A) => {
    const s = performance.now();
    try {
      inner(...args);
    } finally {
      deferredMs.push(performance.now() - s);
    }
  };
const NativeIntersectionObserver = IntersectionObserver;
const NativeMutationObserver = MutationObserver;
class TimedIntersectionObserver extends NativeIntersectionObserver {
  constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
    super(timedCallback(callback), options);
  }
}
class TimedMutationObserver extends NativeMutationObserver {
  constructor(callback: MutationCallback) {
    super(timedCallback(callback));
  }
}
function instrument(on: boolean) {
  instrumenting = on;
  globalThis.IntersectionObserver = on ? TimedIntersectionObserver : NativeIntersectionObserver;
  globalThis.MutationObserver = on ? TimedMutationObserver : NativeMutationObserver;
}
/** asyncScheduler, with each task capture schedules (throttles, debounces, deferred reads) timed. */
const timedScheduler: SchedulerLike = {
  now: () => asyncScheduler.now(),
  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay?: number, state?: T) {
    return asyncScheduler.schedule<T>(
      function (this: SchedulerAction<T>, value?: T) {
        const s = performance.now();
        try {
          work.call(this, value);
        } finally {
          deferredMs.push(performance.now() - s);
        }
      },
      delay,
      state,
    );
  },
};

function memoryOf(): CaptureMemory {
  const set = new Set<string>();
  return {
    has: (k) => set.has(k),
    add: (k) => {
      set.add(k);
    },
  };
}

let subscription: Subscription | undefined;
const captured = new Map<string, number>();
const sink = (event: CapturedEvent) => {
  captured.set(event.type, (captured.get(event.type) ?? 0) + 1);
};

/** Subscribes capture; its synchronous cost, then long tasks until it settled (question scan, first IO callback). */
async function subscribe(options: CaptureOptions): Promise<{ syncMs: number; longTasks: number[] }> {
  captured.clear();
  const capture$ = createCapture(options, { target: window, scheduler: timedScheduler, memory: memoryOf() });
  registrations = [];
  instrument(true);
  const t0 = performance.now();
  subscription = capture$.subscribe(sink);
  const syncMs = performance.now() - t0;
  await frame();
  await frame();
  await sleep(150);
  return { syncMs, longTasks: longTasksBetween(t0, performance.now()).map((t) => t.durationMs) };
}

/**
 * The floor of the own-time figures: an empty listener, timed the same way, wherever capture
 * listened in its last subscription (same targets, types and phases). What it measures is the
 * timer pair and the call into a listener, which capture's figures include too.
 */
let readSink: unknown;
export const readSinkOf = () => readSink;
function subscribeFloor(work: 'empty' | 'one read' = 'empty'): number {
  // 'one read': the least a handler that looks at the page can do, one DOM read per event.
  const empty =
    work === 'empty'
      ? () => {}
      : (event: Event) => {
          const at = event.target;
          readSink = at instanceof Element ? at.closest('.question') : document.activeElement;
        };
  const registered = registrations.map(({ target, type, options }) => ({ target, type, options }));
  instrument(true);
  for (const { target, type, options } of registered) target.addEventListener(type, empty, options);
  subscription = new Subscription(() => {
    for (const { target, type, options } of registered) target.removeEventListener(type, empty, options);
  });
  registrations = registered;
  return registered.length;
}

/** The same waiting as subscribe(), without capture: the calibration for its main-thread time. */
async function idle(): Promise<void> {
  await frame();
  await frame();
  await sleep(150);
}

function unsubscribe(): Record<string, number> {
  subscription?.unsubscribe();
  subscription = undefined;
  instrument(false);
  return Object.fromEntries(captured);
}

interface RunResult {
  /** Per dispatch µs, by storm index. */
  callUs: number[];
  /** Per dispatch, µs inside capture's own listeners (0 with capture off). */
  ownUs: number[];
  /** Per dispatch, how many of capture's listeners it called (0: capture does not handle it). */
  handled: number[];
  /** µs of each task capture ran outside a dispatch: scheduled work and observer callbacks. */
  deferredUs: number[];
  /**
   * Mean µs per dispatch of each burst, from the per-dispatch times: each is quantised to the timer
   * step, but the quantisation error averages out, so these resolve well below one step.
   */
  burstUs: number[];
  /** µs of each layout flush before a dispatch (the page's layout, dirtied by the previous dispatch). */
  layoutUs: number[];
  kinds: Kind[];
  stormMs: number;
  longTasks: number[];
}

/**
 * Drives the storm: one burst of 20 dispatches per animation frame (1,200 DOM events/s at 60 Hz,
 * a heavy but human-plausible rate), then two idle frames and a pause for deferred work (flag reads,
 * throttles, debounces, IntersectionObserver) to run inside the measured window.
 */
async function run(bursts: number, seed: number, stream: Stream = 'storm'): Promise<RunResult> {
  const list = makeStream(stream, bursts, seed);
  window.scrollTo(0, 0);
  await frame();
  const callUs = new Array<number>(list.length);
  const layoutUs = new Array<number>(list.length);
  const ownUs = new Array<number>(list.length);
  const handled = new Array<number>(list.length);
  const burstUs: number[] = [];
  deferredMs = [];
  const t0 = performance.now();
  for (let b = 0; b < bursts; b += 1) {
    await frame();
    const from = b * BURST;

    for (let i = from; i < from + BURST; i += 1) {
      // Style and layout the previous dispatch left dirty (the page's flag toggle, a scroll) are
      // flushed outside the timer, so no dispatch is charged with another one's layout.
      const l = performance.now();
      forceLayout();
      const o = ownListenerMs;
      const c = ownCalls;
      const s = performance.now();
      layoutUs[i] = (s - l) * 1000;
      list[i]!.run();
      callUs[i] = (performance.now() - s) * 1000;
      ownUs[i] = (ownListenerMs - o) * 1000;
      handled[i] = ownCalls - c;
    }
    let burst = 0;
    for (let i = from; i < from + BURST; i += 1) burst += callUs[i]!;
    burstUs.push(burst / BURST);
  }
  const stormMs = performance.now() - t0;
  await frame();
  await frame();
  await sleep(300);
  return {
    callUs,
    ownUs,
    handled,
    deferredUs: deferredMs.map((ms) => ms * 1000),
    burstUs,
    layoutUs,
    kinds: list.map((step) => step.kind),
    stormMs,
    longTasks: longTasksBetween(t0, performance.now()).map((t) => t.durationMs),
  };
}

function info() {
  return {
    userAgent: navigator.userAgent,
    crossOriginIsolated: self.crossOriginIsolated,
    timerStepUs: timerStepUs(),
    longTaskSupported,
    viewport: { width: window.innerWidth, height: window.innerHeight },
    questions: questionCount,
  };
}

export const layoutRead = () => layoutSink;
const api = { info, buildPage, subscribe, subscribeFloor, idle, unsubscribe, run };
export type CaptureBenchApi = typeof api;
(globalThis as unknown as { captureBench: CaptureBenchApi }).captureBench = api;
