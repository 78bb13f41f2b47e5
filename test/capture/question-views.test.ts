import { expect } from '@esm-bundle/chai';
import type { CaptureOptions } from '../../src/capture/capture-options.js';
import type { VirtualClock } from '../helpers/test-scheduler.js';
import {
  capture,
  canvasQuiz,
  cleanUp,
  intersectionsDelivered,
  memoryOf,
  mount,
  mutationsDelivered,
  only,
  resizeViewport,
  until,
  VIEWPORT,
} from './capture-fixtures.js';

// The default quiet time after DOM changes before questions are looked up again.
const SCAN_MS = 50;
// Batches sent at once (one tick later): the throttle itself is tested in timing-rules.test.ts.
const views: CaptureOptions = {
  ...only('captureQuestionViews'),
  questionViewThrottleMs: 0,
  questionScanDelayMs: SCAN_MS,
};
// Past every timing rule of capture: whatever was to come late has come.
const LONG_AFTER_MS = 60_000;

/**
 * Resolves once capture has counted all it will ever count of the page as it is now: a look-up of
 * questions waiting for its quiet time has run, the observer of questions entering and leaving the
 * viewport has delivered, then the observer its callback makes for questions partly in view, and
 * the clock has moved past every timing rule after each.
 */
async function settled(clock: VirtualClock): Promise<void> {
  for (let round = 0; round < 2; round += 1) {
    clock.advanceBy(LONG_AFTER_MS);
    await intersectionsDelivered();
  }
  clock.advanceBy(LONG_AFTER_MS);
}

const viewed = (events: { type: string; data?: unknown }[]) =>
  events.filter((event) => event.type === 'question_viewed').map((event) => event.data as string[]);

// 800×600 viewport, body margin 8 px: 101 at 8–208, 102 at 208–408, 103 at 408–658, 104 (900 px,
// taller than the viewport) at 658–1558, 105 at 1558–1758.
const QUIZ = [
  { id: '101', heightPx: 200 },
  { id: '102', heightPx: 200 },
  { id: '103', heightPx: 250 },
  { id: '104', heightPx: 900 },
  { id: '105', heightPx: 200 },
];

describe('question_viewed on Canvas markup, through IntersectionObserver', () => {
  afterEach(cleanUp);

  it('counts the questions entirely visible at load, without any scroll', async () => {
    canvasQuiz(QUIZ);
    const capturing = capture(views);
    await until(() => viewed(capturing.events).length === 1, 'question_viewed', capturing.clock);
    await settled(capturing.clock);
    capturing.subscription.unsubscribe();
    expect(viewed(capturing.events)).to.deep.equal([['101', '102']]);
  });

  it('counts a question once it is entirely in view after a scroll, and a tall one once it fills the viewport', async () => {
    canvasQuiz(QUIZ);
    const capturing = capture(views);
    const { clock } = capturing;
    await until(() => viewed(capturing.events).length === 1, 'the questions visible at load', clock);
    window.scrollTo(0, 100); // 103 at 308–558: inside; 104 starts at 558
    await until(() => viewed(capturing.events).length === 2, '103 after scrolling', clock);
    window.scrollTo(0, 600); // 104 at 58–958: does not fill the viewport yet
    await settled(clock);
    expect(viewed(capturing.events)).to.have.length(2);
    window.scrollTo(0, 700); // 104 at -42–858: fills it
    await until(() => viewed(capturing.events).length === 3, '104 filling the viewport', clock);
    capturing.subscription.unsubscribe();
    expect(viewed(capturing.events)).to.deep.equal([['101', '102'], ['103'], ['104']]);
  });

  it('counts questions brought into view by a layout change or a taller viewport, with no scroll', async () => {
    const spacer = mount(Object.assign(document.createElement('div'), { style: 'height:700px' }));
    document.body.prepend(spacer);
    canvasQuiz(QUIZ);
    const capturing = capture(views);
    const { clock } = capturing;
    await settled(clock);
    expect(viewed(capturing.events)).to.deep.equal([]);
    spacer.remove();
    await until(
      () => viewed(capturing.events).length === 1,
      'questions moved up by the layout change',
      clock,
    );
    await resizeViewport({ width: VIEWPORT.width, height: 700 });
    await until(() => viewed(capturing.events).length === 2, '103 inside the taller viewport', clock);
    capturing.subscription.unsubscribe();
    expect(viewed(capturing.events)).to.deep.equal([['101', '102'], ['103']]);
  });

  it('reports each id once per attempt, through the attempt memory', async () => {
    canvasQuiz(QUIZ);
    const memory = memoryOf(['question_viewed:101']);
    const first = capture(views, { memory });
    await until(() => viewed(first.events).length === 1, 'question_viewed', first.clock);
    first.subscription.unsubscribe();
    expect(viewed(first.events)).to.deep.equal([['102']]);
    expect([...memory.keys]).to.have.members(['question_viewed:101', 'question_viewed:102']);
    // A reload of the same attempt: the same memory, nothing new in view.
    const second = capture(views, { memory });
    await settled(second.clock);
    second.subscription.unsubscribe();
    expect(viewed(second.events)).to.deep.equal([]);
  });

  it('picks up questions added or replaced later, and counts a replaced one only once', async () => {
    const quiz = canvasQuiz(QUIZ.slice(0, 2));
    const capturing = capture(views);
    const { clock } = capturing;
    await until(() => viewed(capturing.events).length === 1, 'the first questions', clock);
    // The page swaps question 101 for a fresh element and inserts question 106 above it.
    const old = document.getElementById('question_101')!;
    const fresh = old.cloneNode(true) as Element;
    const holder = document.createElement('div');
    holder.innerHTML =
      '<div class="display_question question essay_question" id="question_106" style="height:100px">new</div>';
    await mutationsDelivered(() => {
      old.replaceWith(fresh);
      quiz.prepend(holder);
    });
    clock.advanceBy(SCAN_MS);
    await until(() => viewed(capturing.events).length === 2, 'question 106', clock);
    await settled(clock);
    capturing.subscription.unsubscribe();
    expect(viewed(capturing.events)).to.deep.equal([['101', '102'], ['106']]);
  });

  it('does not count hidden questions (one question at a time shows one)', async () => {
    canvasQuiz(QUIZ.slice(0, 3));
    document.getElementById('question_102')!.style.display = 'none';
    const capturing = capture(views);
    await until(() => viewed(capturing.events).length === 1, 'question_viewed', capturing.clock);
    await settled(capturing.clock);
    capturing.subscription.unsubscribe();
    expect(viewed(capturing.events)).to.deep.equal([['101', '103']]);
  });
});

describe('question_viewed on other quiz UIs', () => {
  afterEach(cleanUp);

  it('works with data-quiz-question-id and no configuration', async () => {
    const quiz = mount(document.createElement('main'));
    quiz.innerHTML = ['7', '8']
      .map((id) => `<section data-quiz-question-id="${id}" style="height:100px">Q${id}</section>`)
      .join('');
    const capturing = capture(views);
    await until(() => viewed(capturing.events).length === 1, 'question_viewed', capturing.clock);
    capturing.subscription.unsubscribe();
    expect(viewed(capturing.events)).to.deep.equal([['7', '8']]);
  });

  it('works with a selector and an id extractor from the options', async () => {
    const quiz = mount(document.createElement('ol'));
    quiz.innerHTML = ['31', '32']
      .map((id) => `<li class="quiz-item" data-key="q-${id}" style="height:100px">Q${id}</li>`)
      .join('');
    const capturing = capture({
      ...views,
      questionSelector: '.quiz-item',
      questionId: (element) => element.getAttribute('data-key')?.replace('q-', ''),
    });
    await until(() => viewed(capturing.events).length === 1, 'question_viewed', capturing.clock);
    capturing.subscription.unsubscribe();
    expect(viewed(capturing.events)).to.deep.equal([['31', '32']]);
  });
});

describe('garbage in the quiz DOM', () => {
  afterEach(cleanUp);

  it('skips it, reports each problem once as capture_warning, and throws nothing into the page', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    const quiz = mount(document.createElement('div'));
    quiz.id = 'questions';
    quiz.innerHTML = `
      <div class="question" style="height:40px">no id</div>
      <div class="question" id="question_abc" style="height:40px">not a number</div>
      <div class="question" id="question_5" style="height:40px">first 5</div>
      <div class="question" id="question_5" style="height:40px">second 5</div>
      <a href="#" class="flag_question">a flag outside any question</a>`;
    const capturing = capture({ ...views, captureWarnings: true });
    await until(() => viewed(capturing.events).length === 1, 'the valid question', capturing.clock);
    // More of the same garbage later: already reported.
    await mutationsDelivered(() => {
      quiz.insertAdjacentHTML(
        'beforeend',
        '<div class="question" style="height:40px">another without id</div>',
      );
    });
    await settled(capturing.clock);
    capturing.subscription.unsubscribe();
    window.removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
    expect(viewed(capturing.events)).to.deep.equal([['5']]);
    expect(capturing.ofType('capture_warning').map((event) => event.data)).to.have.deep.members([
      { reason: 'question_without_id' },
      { reason: 'question_id_not_numeric', question_id: 'abc' },
      { reason: 'question_id_duplicate', question_id: '5' },
      { reason: 'flag_outside_question' },
    ]);
    expect(capturing.ofType('capture_warning')).to.have.length(4);
  });
});
