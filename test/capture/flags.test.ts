import { expect } from '@esm-bundle/chai';
import { capture, canvasQuiz, cleanUp, click, mount, only, sleep, until } from './capture-fixtures.js';

const flags = only('captureQuestionFlags', 'captureWarnings');

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
    await click(flag);
    await sleep(100);
    capturing.subscription.unsubscribe();
    expect(capturing.events).to.deep.equal([]);
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
    await click(stray);
    await click(stray);
    await sleep(50);
    capturing.subscription.unsubscribe();
    expect(capturing.events.map((event) => event.data)).to.deep.equal([{ reason: 'flag_outside_question' }]);
  });
});
