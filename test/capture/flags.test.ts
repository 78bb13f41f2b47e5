import { expect } from '@esm-bundle/chai';
import { Subject } from 'rxjs';
import {
  capture,
  canvasQuiz,
  cleanUp,
  click,
  countEvents,
  mount,
  mutationsDelivered,
  only,
  until,
} from './capture-fixtures.js';

const flags = only('captureQuestionFlags', 'captureWarnings');
// Past every timing rule of capture: whatever was to come late has come.
const LONG_AFTER_MS = 60_000;

describe('question_flagged', () => {
  afterEach(cleanUp);

  it('records the state Canvas markup shows after each real click on .flag_question', async () => {
    canvasQuiz([{ id: '101' }, { id: '102' }]);
    const capturing = capture(flags);
    const flag101 = document.querySelector('#question_101 .flag_question')!;
    await click(flag101);
    await until(() => capturing.events.length === 1, 'the flag');
    await click(flag101);
    await until(() => capturing.events.length === 2, 'the unflag');
    await click(document.querySelector('#question_102 .flag_question')!);
    await until(() => capturing.events.length === 3, 'the second question flag');
    capturing.subscription.unsubscribe();
    expect(capturing.events.map(({ type, data }) => ({ type, data }))).to.deep.equal([
      { type: 'question_flagged', data: { flagged: true, questionId: '101' } },
      { type: 'question_flagged', data: { flagged: false, questionId: '101' } },
      { type: 'question_flagged', data: { flagged: true, questionId: '102' } },
    ]);
  });

  it('records nothing for a click that leaves the flag as it was', async () => {
    canvasQuiz([{ id: '101' }]);
    const flag = document.querySelector('#question_101 .flag_question')!;
    // This page ignores the click (a disabled flag): nothing changes, nothing is recorded.
    flag.addEventListener('click', (event) => {
      event.stopPropagation();
    });
    const capturing = capture(flags);
    const clicks = countEvents('click', flag);
    await click(flag);
    await until(() => clicks() === 1, 'the click');
    // A change of the question would reach capture's observer before this one.
    await mutationsDelivered(() => {
      document.querySelector('#question_101')!.setAttribute('data-probe', '');
    });
    capturing.clock.advanceBy(LONG_AFTER_MS);
    capturing.subscription.unsubscribe();
    expect(capturing.events).to.deep.equal([]);
  });

  it('reads the flag right after the page handler, in the same click, with no task in between', async () => {
    canvasQuiz([{ id: '101' }]);
    const capturing = capture(flags);
    // A listener added after capture's, on the window in the bubble phase: the last one of the click.
    const seenAtEndOfClick: number[] = [];
    const atEnd = () => {
      // The MutationObserver's delivery is a microtask: it ran after the page's handler returned.
      seenAtEndOfClick.push(capturing.events.length);
    };
    window.addEventListener('click', atEnd);
    try {
      await click(document.querySelector('#question_101 .flag_question')!);
      await click(document.querySelector('#question_101 .flag_question')!);
    } finally {
      window.removeEventListener('click', atEnd);
    }
    capturing.subscription.unsubscribe();
    expect(seenAtEndOfClick).to.deep.equal([1, 2]);
    expect(capturing.events.map((event) => event.data)).to.deep.equal([
      { flagged: true, questionId: '101' },
      { flagged: false, questionId: '101' },
    ]);
  });

  it('records the flags of a page whose flag handler stops the click and updates the DOM later', async () => {
    const quiz = mount(document.createElement('div'));
    quiz.innerHTML = `<div id="questions">
        <div class="question" id="question_7"><button type="button" class="flag_question">flag</button></div>
        <div class="question" id="question_8"><button type="button" class="flag_question">flag</button></div></div>`;
    // The flag's own handler stops the click before it reaches the body or the window, and the
    // class changes only in a later task (a framework rendering asynchronously).
    for (const flag of quiz.querySelectorAll('.flag_question')) {
      flag.addEventListener('click', (event) => {
        event.stopPropagation();
        setTimeout(() => flag.closest('.question')!.classList.toggle('marked'), 0);
      });
    }
    const capturing = capture(flags);
    await click(quiz.querySelector('#question_7 .flag_question')!);
    await until(() => capturing.events.length === 1, 'the first flag');
    await click(quiz.querySelector('#question_8 .flag_question')!);
    await click(quiz.querySelector('#question_7 .flag_question')!);
    await until(() => capturing.events.length === 3, 'the flag and the unflag');
    capturing.subscription.unsubscribe();
    expect(capturing.events.map((event) => event.data)).to.deep.equal([
      { flagged: true, questionId: '7' },
      { flagged: true, questionId: '8' },
      { flagged: false, questionId: '7' },
    ]);
  });

  it('reads a flag still waiting when capture stops, and stops watching', async () => {
    canvasQuiz([{ id: '101' }]);
    const question = document.querySelector('#question_101')!;
    // This page does not flag in the click itself.
    question.querySelector('.flag_question')!.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopImmediatePropagation();
    });
    const stop$ = new Subject<void>();
    const capturing = capture(flags, { stop$ });
    const clicks = countEvents('click', question);
    await click(question.querySelector('.flag_question')!);
    await until(() => clicks() === 1, 'the click');
    // It flags later; capture stops before the observer has delivered that change.
    question.classList.add('marked');
    stop$.next();
    expect(capturing.events.map((event) => event.data)).to.deep.equal([{ flagged: true, questionId: '101' }]);
    // An observer still watching would be told of this before the probe is.
    await mutationsDelivered(() => {
      question.classList.remove('marked');
    });
    capturing.clock.advanceBy(LONG_AFTER_MS);
    expect(capturing.events).to.have.length(1);
    expect(capturing.completed()).to.equal(true);
  });

  it('works with data-quiz-flag controls and a data-quiz-flagged attribute', async () => {
    const quiz = mount(document.createElement('div'));
    quiz.innerHTML = `<article data-quiz-question-id="9" data-quiz-flagged="false">
        <button type="button" data-quiz-flag>Flag</button></article>`;
    quiz.addEventListener('click', (event) => {
      const question = (event.target as Element).closest('[data-quiz-question-id]')!;
      question.setAttribute(
        'data-quiz-flagged',
        String(question.getAttribute('data-quiz-flagged') !== 'true'),
      );
    });
    const capturing = capture(flags);
    await click(quiz.querySelector('[data-quiz-flag]')!);
    await until(() => capturing.events.length === 1, 'the flag');
    capturing.subscription.unsubscribe();
    expect(capturing.events[0]!.data).to.deep.equal({ flagged: true, questionId: '9' });
  });

  it('reports a flag outside any question once, as a warning', async () => {
    canvasQuiz([{ id: '101' }]);
    const stray = mount(document.createElement('a'));
    stray.className = 'flag_question';
    stray.textContent = 'stray flag';
    const capturing = capture(flags);
    const clicks = countEvents('click', stray);
    await click(stray);
    await click(stray);
    await until(() => clicks() === 2, 'both clicks');
    capturing.clock.advanceBy(LONG_AFTER_MS);
    capturing.subscription.unsubscribe();
    expect(capturing.events.map((event) => event.data)).to.deep.equal([{ reason: 'flag_outside_question' }]);
  });
});
