// Shared by the capture tests: quiz pages built in the test's own document, real input, collection,
// virtual time. Capture runs on a clock the test moves; what the real browser does (input, observer
// callbacks, focus) is awaited by its condition, never by a fixed time.
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { Observable, Subscription } from 'rxjs';
import type { CaptureMemory, CaptureOptions } from '../../src/capture/capture-options.js';
import { createCapture } from '../../src/capture/create-capture.js';
import type { CapturedEvent } from '../../src/events/captured-event.js';
import { VirtualClock } from '../helpers/test-scheduler.js';

export const VIEWPORT = { width: 800, height: 600 };

// The page's own observers, taken before any test can wrap them: the probes below are not capture's.
const PageIntersectionObserver = window.IntersectionObserver;
const PageMutationObserver = window.MutationObserver;

/** A CaptureMemory on a Set, standing in for the attempt's store. */
export function memoryOf(keys: string[] = []): CaptureMemory & { keys: Set<string> } {
  const set = new Set(keys);
  return { keys: set, has: (key) => set.has(key), add: (key) => void set.add(key) };
}

export interface Collected {
  events: CapturedEvent[];
  subscription: Subscription;
  ofType(...types: string[]): CapturedEvent[];
  completed(): boolean;
}

export function collect(source$: Observable<CapturedEvent>): Collected {
  const events: CapturedEvent[] = [];
  let done = false;
  const subscription = source$.subscribe({
    next: (event) => events.push(event),
    complete: () => {
      done = true;
    },
  });
  return {
    events,
    subscription,
    ofType: (...types) => events.filter((event) => types.includes(event.type)),
    completed: () => done,
  };
}

/** Every signal off except the ones named, so a test sees only what it is about. */
export function only(...switches: (keyof CaptureOptions)[]): CaptureOptions {
  const options: CaptureOptions = {
    captureSessionStart: false,
    captureFocus: false,
    captureQuestionViews: false,
    captureQuestionFlags: false,
    captureAnswers: false,
    captureVisibility: false,
    captureClipboard: false,
    captureContextMenu: false,
    captureFullscreen: false,
    capturePrint: false,
    captureWindowSize: false,
    captureScreen: false,
    captureNetwork: false,
    captureShortcuts: false,
    captureWarnings: false,
  };
  for (const name of switches) (options as Record<string, unknown>)[name] = true;
  return options;
}

/** A capture running on `clock`, virtual time that moves only when the test moves it. */
export interface Capturing extends Collected {
  clock: VirtualClock;
}

/** createCapture on this window, on a virtual clock of its own, collected. */
export function capture(
  options: CaptureOptions,
  {
    memory = memoryOf(),
    stop$,
    withoutCanvasTypes = false,
  }: { memory?: CaptureMemory; stop$?: Observable<unknown>; withoutCanvasTypes?: boolean } = {},
): Capturing {
  const clock = new VirtualClock();
  const deps = { target: window, scheduler: clock, memory, withoutCanvasTypes };
  return { ...collect(createCapture(options, stop$ ? { ...deps, stop$ } : deps)), clock };
}

// Only for until's polling: a test never waits a fixed time.
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until `predicate` holds (checked every 20 ms), failing after `timeoutMs`: for what the real
 * browser does. With a `clock`, what is due on it runs before each check (time does not move), as
 * the event loop runs the work an event leaves for a later task.
 */
export async function until(
  predicate: () => boolean,
  what: string,
  clock?: VirtualClock,
  timeoutMs = 4000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    clock?.runDue();
    if (predicate()) return;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(20);
  }
}

/** Two animation frames: a rendering update of the page, and the tasks it queued, are over. */
export const frames = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        resolve();
      }),
    ),
  );

/**
 * Resolves once every IntersectionObserver of the page has delivered what it sees of the page as it
 * is now: a probe observer made now gets its first entries from the next rendering update, which
 * computes the others' entries too, and they go out in that update's task (or an earlier one); two
 * frames later that task is over. An observer that a callback of that task makes (capture's
 * observer for questions partly in view) needs a second call.
 */
export async function intersectionsDelivered(): Promise<void> {
  await new Promise<void>((resolve) => {
    const probe = new PageIntersectionObserver(() => {
      probe.disconnect();
      resolve();
    });
    probe.observe(document.documentElement);
  });
  await frames();
}

/**
 * Makes `change` to the page and resolves once every MutationObserver made before has been told of
 * it: observers are told in the order they were made, in one microtask, and a probe made now is last.
 */
export async function mutationsDelivered(change: () => void): Promise<void> {
  await new Promise<void>((resolve) => {
    const probe = new PageMutationObserver(() => {
      probe.disconnect();
      resolve();
    });
    probe.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    change();
  });
}

/** Presses a key with modifiers held, as a person does (sendKeys' `press` takes no combinations). */
export async function chord(modifiers: string[], key: string): Promise<void> {
  for (const modifier of modifiers) await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  for (const modifier of [...modifiers].reverse()) await sendKeys({ up: modifier });
}

/** A real mouse click in the middle of `element` (scrolled into view first). */
export async function click(element: Element, button: 'left' | 'right' = 'left'): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    button,
  });
  await resetMouse();
}

export interface QuestionSpec {
  id: string;
  heightPx?: number;
  type?: string;
  /** Inner HTML of the answers area; `{id}` is replaced by the question id. */
  answers?: string;
}

/**
 * Canvas's classic take-quiz markup (`#questions .question#question_<id>`, `.flag_question`), with
 * the page's own flag behaviour: a delegated click handler on the body toggling `marked`, as
 * Canvas's take page does before its log-auditing tracker reads it.
 */
export function canvasQuiz(specs: QuestionSpec[], { marginTopPx = 0 } = {}): HTMLElement {
  const root = document.createElement('div');
  root.id = 'questions';
  root.style.marginTop = `${marginTopPx}px`;
  root.innerHTML = specs
    .map(
      ({ id, heightPx = 200, type = 'multiple_choice_question', answers = '' }) => `
      <div class="quiz_sortable question_holder">
        <a name="question_${id}"></a>
        <div class="display_question question ${type}" id="question_${id}" style="height:${heightPx}px;box-sizing:border-box;margin:0">
          <a href="#" class="flag_question" role="checkbox" aria-checked="false" style="display:inline-block;width:40px;height:20px">flag</a>
          <div class="text"><div class="question_text user_content">Question ${id} text to copy</div>
          <div class="answers">${answers.replaceAll('{id}', id)}</div></div>
        </div>
      </div>`,
    )
    .join('');
  document.body.append(root);
  const toggle = (event: MouseEvent) => {
    const flag = (event.target as Element).closest('.flag_question');
    if (!flag) return;
    event.preventDefault();
    const question = flag.closest('.question');
    question?.classList.toggle('marked');
    flag.setAttribute('aria-checked', String(question?.classList.contains('marked')));
  };
  document.body.addEventListener('click', toggle);
  cleanups.push(() => {
    document.body.removeEventListener('click', toggle);
    root.remove();
  });
  return root;
}

const cleanups: (() => void)[] = [];

/** Adds `element` to the page for the current test only. */
export function mount<E extends Element>(element: E): E {
  document.body.append(element);
  cleanups.push(() => {
    element.remove();
  });
  return element;
}

/**
 * Counts the `type` events at or inside `element` (those `which` accepts), from a capture-phase
 * listener on the window: added after capture starts, it hears each event after capture's own
 * listener, whatever the page does with the event. Removed at cleanUp.
 */
export function countEvents(
  type: string,
  element: Node,
  which: (event: Event) => boolean = () => true,
): () => number {
  let count = 0;
  const listener = (event: Event) => {
    if (event.target instanceof Node && element.contains(event.target) && which(event)) count += 1;
  };
  window.addEventListener(type, listener, { capture: true });
  cleanups.push(() => {
    window.removeEventListener(type, listener, { capture: true });
  });
  return () => count;
}

/**
 * Sets the viewport and waits until the page has it: Firefox's setViewport answers a frame or two
 * before `innerHeight` changes, so the next test could start in the old size.
 */
export async function resizeViewport(size: { width: number; height: number; deviceScaleFactor?: number }) {
  await setViewport(size);
  for (let frame = 0; window.innerWidth !== size.width || window.innerHeight !== size.height; frame += 1) {
    if (frame === 300)
      throw new Error(
        `the viewport stayed ${String(window.innerWidth)}×${String(window.innerHeight)}, not ${String(size.width)}×${String(size.height)}`,
      );
    await new Promise(requestAnimationFrame);
  }
}

/** Removes what the test added and puts the page back: top, default viewport, no focus. */
export async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0)) cleanup();
  window.scrollTo(0, 0);
  (document.activeElement as HTMLElement | null)?.blur();
  await resizeViewport({ ...VIEWPORT, deviceScaleFactor: 1 });
}
