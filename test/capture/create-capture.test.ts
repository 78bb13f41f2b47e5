import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { asyncScheduler, Subject } from 'rxjs';
import type { CaptureOptions } from '../../src/capture/capture-options.js';
import { createCapture } from '../../src/capture/create-capture.js';
import { isConfigError } from '../../src/errors/is-proctor-error.js';
import {
  capture,
  canvasQuiz,
  cleanUp,
  click,
  frames,
  intersectionsDelivered,
  memoryOf,
  only,
  until,
} from './capture-fixtures.js';

// Past every timing rule of capture: whatever was to come late has come.
const LONG_AFTER_MS = 60_000;

interface Registration {
  target: EventTarget;
  type: string;
  listener: unknown;
  capture: boolean;
  passive: boolean | undefined;
}

/** Records every listener added or removed in this realm, and every observer made and disconnected. */
function spyOnListenersAndObservers() {
  const proto = EventTarget.prototype;
  // The originals are only ever called with .call(target), so they need no binding.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const { addEventListener: add, removeEventListener: remove } = proto;
  const added: Registration[] = [];
  const removed: Registration[] = [];
  const record =
    (into: Registration[]) =>
    (target: EventTarget, type: string, listener: unknown, options?: boolean | AddEventListenerOptions) =>
      into.push({
        target,
        type,
        listener,
        capture: typeof options === 'boolean' ? options : (options?.capture ?? false),
        passive: typeof options === 'object' ? options.passive : undefined,
      });
  proto.addEventListener = function (this: EventTarget, type: string, listener, options) {
    record(added)(this, type, listener, options);
    add.call(this, type, listener, options);
  };
  proto.removeEventListener = function (this: EventTarget, type: string, listener, options) {
    record(removed)(this, type, listener, options);
    remove.call(this, type, listener, options);
  };
  const observers: { kind: string; disconnected: boolean }[] = [];
  const RealIntersectionObserver = window.IntersectionObserver;
  const RealMutationObserver = window.MutationObserver;
  window.IntersectionObserver = class extends RealIntersectionObserver {
    #record = { kind: 'IntersectionObserver', disconnected: false };
    constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
      super(callback, options);
      observers.push(this.#record);
    }
    override disconnect() {
      this.#record.disconnected = true;
      super.disconnect();
    }
  };
  window.MutationObserver = class extends RealMutationObserver {
    #record = { kind: 'MutationObserver', disconnected: false };
    constructor(callback: MutationCallback) {
      super(callback);
      observers.push(this.#record);
    }
    override disconnect() {
      this.#record.disconnected = true;
      super.disconnect();
    }
  };
  return {
    added,
    removed,
    observers,
    restore() {
      proto.addEventListener = add;
      proto.removeEventListener = remove;
      window.IntersectionObserver = RealIntersectionObserver;
      window.MutationObserver = RealMutationObserver;
    },
  };
}

// The test runner talks to its server over a WebSocket in this same realm: not ours.
const ours = (registrations: Registration[]) =>
  registrations.filter(({ target }) => !(target instanceof WebSocket));

const everything: CaptureOptions = { captureAnswers: true, questionViewThrottleMs: 0, answerDebounceMs: 50 };

async function runEverything(questionCount: number) {
  canvasQuiz(
    Array.from({ length: questionCount }, (_, index) => ({
      id: String(1000 + index),
      heightPx: 250,
      answers: '<input type="text" name="question_{id}">',
    })),
  );
  const spy = spyOnListenersAndObservers();
  try {
    const capturing = capture(everything);
    const { clock } = capturing;
    await until(() => capturing.ofType('question_viewed').length > 0, 'question_viewed', clock);
    // Exercise the sources: a question partly in view (its own observer), a flag, typing, a shortcut.
    window.scrollTo(0, 120);
    await frames();
    await click(document.querySelector('#question_1000 .flag_question')!);
    const input = document.querySelector<HTMLInputElement>('input[name=question_1000]')!;
    input.focus();
    await sendKeys({ type: 'x' });
    await sendKeys({ press: 'F12' });
    await until(() => input.value === 'x', 'the x typed');
    clock.advanceBy(50); // the answer debounce
    await until(() => capturing.ofType('question_answered').length > 0, 'question_answered', clock);
    const addedWhileRunning = ours(spy.added).length;
    capturing.subscription.unsubscribe();
    return { spy, capturing, addedWhileRunning };
  } finally {
    spy.restore();
  }
}

describe('createCapture', () => {
  afterEach(cleanUp);

  it('emits session_started once per attempt, first, with the user agent', () => {
    const memory = memoryOf();
    const first = capture(only('captureSessionStart', 'captureScreen'), { memory });
    first.subscription.unsubscribe();
    expect(first.events[0]).to.deep.include({
      type: 'session_started',
      data: { user_agent: navigator.userAgent },
    });
    expect(memory.has('session_started')).to.equal(true);
    const reload = capture(only('captureSessionStart'), { memory });
    reload.clock.advanceBy(LONG_AFTER_MS);
    reload.subscription.unsubscribe();
    expect(reload.events).to.deep.equal([]);
  });

  it('stamps capturedAt from the scheduler clock', () => {
    const clock = { now: () => 1234, schedule: asyncScheduler.schedule.bind(asyncScheduler) };
    const events: unknown[] = [];
    createCapture(only('captureSessionStart'), { target: window, scheduler: clock, memory: memoryOf() })
      .subscribe((event) => events.push(event))
      .unsubscribe();
    expect(events).to.deep.equal([
      { type: 'session_started', data: { user_agent: navigator.userAgent }, capturedAt: 1234 },
    ]);
  });

  it('registers each listener once (not per question), passive and capture-phase, and removes every listener and observer on unsubscribe', async () => {
    const one = await runEverything(1);
    await cleanUp();
    const many = await runEverything(30);
    for (const { spy, capturing } of [one, many]) {
      expect(capturing.ofType('question_flagged', 'question_answered', 'shortcut_pressed')).to.have.length(3);
      const added = ours(spy.added);
      expect(added.length).to.be.greaterThan(15);
      // Every listener added is removed with the same target, type, function and phase.
      for (const registration of added) {
        const match = spy.removed.find(
          (gone) =>
            gone.target === registration.target &&
            gone.type === registration.type &&
            gone.listener === registration.listener &&
            gone.capture === registration.capture,
        );
        expect(match, `${registration.type} listener removed`).to.not.equal(undefined);
      }
      // Window and document listeners: capture phase, passive, one per event type.
      const onPage = added.filter(({ target }) => target === window || target === document);
      for (const { type, capture: inCapture, passive } of onPage) {
        expect({ type, inCapture, passive }).to.deep.equal({ type, inCapture: true, passive: true });
      }
      const keys = onPage.map(({ target, type }) => `${target === window ? 'window' : 'document'}:${type}`);
      expect(new Set(keys).size, keys.join(' ')).to.equal(keys.length);
      expect(spy.observers.length).to.be.greaterThan(0);
      expect(spy.observers.filter((observer) => !observer.disconnected)).to.deep.equal([]);
    }
    // 30 questions cost no more listeners than one.
    expect(many.addedWhileRunning).to.equal(one.addedWhileRunning);
    // One MutationObserver for the question list, one (made at the first flag click) for flags.
    const mutationObservers = (run: typeof one) =>
      run.spy.observers.map((o) => o.kind).filter((kind) => kind === 'MutationObserver');
    expect(mutationObservers(many)).to.have.length(2);
    expect(mutationObservers(one)).to.have.length(2);
  });

  it('adds nothing at all when every signal is off', async () => {
    const spy = spyOnListenersAndObservers();
    try {
      const capturing = capture(only());
      await frames();
      capturing.clock.advanceBy(LONG_AFTER_MS);
      capturing.subscription.unsubscribe();
      expect(capturing.events).to.deep.equal([]);
      expect(ours(spy.added)).to.deep.equal([]);
      expect(spy.observers).to.deep.equal([]);
    } finally {
      spy.restore();
    }
  });

  // What each switch starts: listeners (target:type) or observers.
  const SWITCHED: [keyof CaptureOptions, string[]][] = [
    ['captureFocus', ['window:blur', 'window:focus']],
    ['captureQuestionFlags', ['window:click']],
    ['captureAnswers', ['document:input', 'document:change']],
    ['captureVisibility', ['document:visibilitychange']],
    ['captureClipboard', ['document:copy', 'document:cut', 'document:paste']],
    ['captureContextMenu', ['document:contextmenu']],
    ['captureFullscreen', ['document:fullscreenchange']],
    ['capturePrint', ['window:beforeprint']],
    ['captureNetwork', ['window:online', 'window:offline']],
    ['captureShortcuts', ['window:keydown']],
  ];
  for (const [name, listeners] of SWITCHED) {
    it(`${name}: false removes exactly its listeners`, async () => {
      const registered = async (options: CaptureOptions) => {
        const spy = spyOnListenersAndObservers();
        try {
          const capturing = capture({ captureAnswers: true, ...options });
          await frames();
          capturing.clock.advanceBy(LONG_AFTER_MS);
          capturing.subscription.unsubscribe();
          return ours(spy.added).map(
            ({ target, type }) =>
              `${target === window ? 'window' : target === document ? 'document' : 'other'}:${type}`,
          );
        } finally {
          spy.restore();
        }
      };
      const on = await registered({});
      const off = await registered({ [name]: false });
      expect(on).to.include.members(listeners);
      expect(on.filter((key) => !off.includes(key))).to.have.members(listeners);
    });
  }

  it('captureQuestionViews, captureWindowSize + captureScreen, captureSessionStart and captureWarnings switch off their parts', async () => {
    canvasQuiz([
      { id: '', heightPx: 50 },
      { id: '101', heightPx: 50 },
    ]);
    const spy = spyOnListenersAndObservers();
    try {
      const capturing = capture({
        captureQuestionViews: false,
        captureWindowSize: false,
        captureScreen: false,
        captureSessionStart: false,
        captureWarnings: false,
      });
      await frames();
      capturing.clock.advanceBy(LONG_AFTER_MS);
      capturing.subscription.unsubscribe();
      expect(spy.observers.map((observer) => observer.kind)).to.not.include('IntersectionObserver');
      expect(ours(spy.added).map(({ type }) => type)).to.not.include('resize');
      expect(capturing.events).to.deep.equal([]);
    } finally {
      spy.restore();
    }
  });

  it('throws a ConfigError for a bad selector or duration, at creation', () => {
    for (const [options, option] of [
      // Named by their path in the proctor's options, where a page author sets them.
      [{ questionSelector: '#questions >>> .question' }, 'capture.questionSelector'],
      [{ flagSelector: '' }, 'capture.flagSelector'],
      [{ focusThrottleMs: -1 }, 'capture.focusThrottleMs'],
      [{ answerDebounceMs: Number.NaN }, 'capture.answerDebounceMs'],
    ] as const) {
      let thrown: unknown;
      try {
        createCapture(options, { target: window, scheduler: asyncScheduler, memory: memoryOf() });
      } catch (error) {
        thrown = error;
      }
      expect(isConfigError(thrown), option).to.equal(true);
      expect((thrown as { option: string }).option).to.equal(option);
    }
  });

  it('turns a throwing page callback into a capture_warning, keeps the source alive, and throws nothing into the page', async () => {
    canvasQuiz([{ id: '101' }, { id: '102' }]);
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    let calls = 0;
    const capturing = capture({
      ...only('captureQuestionFlags', 'captureQuestionViews', 'captureWarnings'),
      questionViewThrottleMs: 0,
      questionId: (element) => {
        if (element.id === 'question_102') throw new Error('extractor bug');
        return element.id.replace('question_', '');
      },
      isFlagged: (question) => {
        calls += 1;
        if (calls === 1) throw new TypeError('flag reader bug');
        return question.classList.contains('marked');
      },
    });
    await until(() => capturing.ofType('question_viewed').length === 1, 'question_viewed', capturing.clock);
    const flag = document.querySelector('#question_101 .flag_question')!;
    await click(flag); // the reader throws
    await click(flag); // the source was restarted: unflagging is recorded
    await until(() => capturing.ofType('question_flagged').length === 1, 'question_flagged');
    capturing.subscription.unsubscribe();
    window.removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
    expect(capturing.ofType('question_viewed')[0]!.data).to.deep.equal(['101']);
    expect(capturing.ofType('capture_warning').map((event) => event.data)).to.have.deep.members([
      { reason: 'handler_failed', source: 'questionId', detail: 'Error: extractor bug' },
      { reason: 'handler_failed', source: 'question_flagged', detail: 'TypeError: flag reader bug' },
    ]);
    expect(capturing.ofType('question_flagged')[0]!.data).to.deep.equal({
      flagged: false,
      questionId: '101',
    });
  });

  it('on stop$, records what the timing rules hold back and completes', async () => {
    canvasQuiz([{ id: '101' }, { id: '102', heightPx: 2000 }]);
    const stop$ = new Subject<void>();
    const capturing = capture(
      { ...only('captureQuestionViews', 'captureVisibility'), questionViewThrottleMs: 60_000 },
      { stop$ },
    );
    const { events, clock } = capturing;
    await until(() => events.length === 1, 'the first question_viewed', clock);
    window.scrollTo(0, 300); // 102 fills the viewport; its batch waits for the 60 s throttle
    await intersectionsDelivered();
    clock.advanceBy(59_999); // the whole throttle window but its last millisecond
    expect(events).to.have.length(1);
    stop$.next();
    expect(capturing.completed()).to.equal(true);
    expect(events.map((event) => event.data)).to.deep.equal([['101'], ['102']]);
    expect(events[1]!.capturedAt).to.equal(59_999);
  });
});
