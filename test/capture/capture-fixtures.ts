// Shared by the capture tests: quiz pages built in the test's own document, real input, collection.
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { asyncScheduler, type Observable, type Subscription } from 'rxjs';
import type { CaptureMemory, CaptureOptions } from '../../src/capture/capture-options.js';
import { createCapture } from '../../src/capture/create-capture.js';
import type { CapturedEvent } from '../../src/events/captured-event.js';

export const VIEWPORT = { width: 800, height: 600 };

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

/** createCapture on this window with the real clock, collected. */
export function capture(options: CaptureOptions, memory = memoryOf()): Collected {
  return collect(createCapture(options, { target: window, scheduler: asyncScheduler, memory }));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `predicate` holds (checked every 20 ms), failing after `timeoutMs`. */
export async function until(predicate: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Two animation frames: enough for IntersectionObserver to deliver after a layout change. */
export const frames = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        resolve();
      }),
    ),
  );

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

/** Removes what the test added and puts the page back: top, default viewport, no focus. */
export async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0)) cleanup();
  window.scrollTo(0, 0);
  (document.activeElement as HTMLElement | null)?.blur();
  await setViewport({ ...VIEWPORT, deviceScaleFactor: 1 });
}
