import { expect } from '@esm-bundle/chai';
import { selectOption, sendKeys } from '@web/test-runner-commands';
import { asyncScheduler } from 'rxjs';
import type { CaptureOptions } from '../../src/capture/capture-options.js';
import { createCapture } from '../../src/capture/create-capture.js';
import { testScheduler } from '../helpers/test-scheduler.js';
import {
  capture,
  canvasQuiz,
  cleanUp,
  click,
  memoryOf,
  mount,
  only,
  sleep,
  until,
} from './capture-fixtures.js';

// Long enough that the keystrokes of one word never straddle it, even on a loaded machine.
const answersOn: CaptureOptions = { ...only('captureAnswers'), answerDebounceMs: 500 };
const answered = (events: { type: string; data?: unknown }[]) =>
  events.filter((event) => event.type === 'question_answered').map((event) => event.data);

const options = (values: string[]) =>
  ['<option value="">[ Choose ]</option>', ...values.map((v) => `<option value="${v}">${v}</option>`)].join(
    '',
  );

// Canvas's take-page controls for each question type (names as app/views/quizzes/quizzes renders them).
const CANVAS_TYPES = [
  { id: '201', type: 'short_answer_question', answers: '<input type="text" name="question_{id}">' },
  {
    id: '202',
    type: 'multiple_choice_question',
    answers:
      '<input type="radio" name="question_{id}" value="5001"><input type="radio" name="question_{id}" value="5002">',
  },
  {
    id: '203',
    type: 'multiple_answers_question',
    answers: ['6001', '6002']
      .map(
        (a) =>
          `<input type="hidden" name="question_{id}_answer_${a}" value="0"><input type="checkbox" name="question_{id}_answer_${a}" value="1">`,
      )
      .join(''),
  },
  {
    id: '204',
    type: 'matching_question',
    answers: ['7001', '7002']
      .map((a) => `<select name="question_{id}_answer_${a}">${options(['8001', '8002'])}</select>`)
      .join(''),
  },
  {
    id: '205',
    type: 'fill_in_multiple_blanks_question',
    answers:
      '<input type="text" name="question_{id}_a1b2"><input type="text" name="question_{id}_c3d4" data-quiz-blank="color">',
  },
  {
    id: '206',
    type: 'multiple_dropdowns_question',
    answers: `<select name="question_{id}_e5f6">${options(['9001', '9002'])}</select>`,
  },
  { id: '207', type: 'essay_question', answers: '<textarea name="question_{id}"></textarea>' },
  { id: '208', type: 'numerical_question', answers: '<input type="text" name="question_{id}" value="3.14">' },
].map((spec) => ({ ...spec, heightPx: 60 }));

describe('question_answered', () => {
  afterEach(cleanUp);

  it('is off by default: typing an answer records nothing', async () => {
    canvasQuiz(CANVAS_TYPES.slice(0, 1));
    const capturing = capture({ captureFocus: false, captureVisibility: false });
    document.querySelector<HTMLInputElement>('input[name=question_201]')!.focus();
    await sendKeys({ type: 'photosynthesis' });
    await sleep(1200);
    capturing.subscription.unsubscribe();
    expect(answered(capturing.events)).to.deep.equal([]);
    expect(JSON.stringify(capturing.events)).to.not.contain('photosynthesis');
  });

  it('with captureAnswers, records each Canvas question type in the API answer format', async () => {
    canvasQuiz(CANVAS_TYPES);
    const capturing = capture(answersOn);
    const next = async (what: string, count: number) =>
      until(() => answered(capturing.events).length === count, what);
    const field = (name: string) =>
      document.querySelector<HTMLElement>(`:is(input, select, textarea)[name="${name}"]:not([type=hidden])`)!;

    field('question_201').focus();
    await sendKeys({ type: 'photo' });
    await next('the short answer', 1);
    await click(document.querySelector('[name=question_202][value="5002"]')!);
    await next('the choice', 2);
    await click(field('question_203_answer_6002'));
    await next('the multiple answers', 3);
    await selectOption({ selector: '[name=question_204_answer_7001]', value: '8002' });
    await next('the match', 4);
    field('question_205_c3d4').focus();
    await sendKeys({ type: 'red' });
    await next('the blank', 5);
    await selectOption({ selector: '[name=question_206_e5f6]', value: '9001' });
    await next('the dropdown', 6);
    field('question_207').focus();
    await sendKeys({ type: 'An essay.' });
    await next('the essay', 7);
    field('question_208').focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '16' });
    await next('the number', 8);
    await sleep(200);
    capturing.subscription.unsubscribe();
    expect(answered(capturing.events)).to.deep.equal([
      [{ quiz_question_id: '201', answer: 'photo' }],
      [{ quiz_question_id: '202', answer: 5002 }],
      [{ quiz_question_id: '203', answer: [6002] }],
      [{ quiz_question_id: '204', answer: [{ answer_id: 7001, match_id: 8002 }] }],
      [{ quiz_question_id: '205', answer: { a1b2: '', color: 'red' } }],
      [{ quiz_question_id: '206', answer: { e5f6: 9001 } }],
      [{ quiz_question_id: '207', answer: 'An essay.' }],
      [{ quiz_question_id: '208', answer: '3.1416' }],
    ]);
  });

  it('drops an answer equal to the last one, as Canvas does, and the one already in the page', async () => {
    canvasQuiz(CANVAS_TYPES);
    const capturing = capture({ ...answersOn, answerDebounceMs: 2000 });
    await click(document.querySelector('[name=question_202][value="5001"]')!);
    await until(() => answered(capturing.events).length === 1, 'the choice');
    await click(document.querySelector('[name=question_202][value="5001"]')!); // same choice again
    const number = document.querySelector<HTMLInputElement>('input[name=question_208]')!;
    number.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '5' });
    await sendKeys({ press: 'Backspace' }); // back to the 3.14 the page rendered: read after 2 s, dropped
    await sleep(2300);
    capturing.subscription.unsubscribe();
    expect(answered(capturing.events)).to.deep.equal([[{ quiz_question_id: '202', answer: 5001 }]]);
  });

  it('works with data-quiz-question-id markup', async () => {
    const quiz = mount(document.createElement('form'));
    quiz.innerHTML = '<fieldset data-quiz-question-id="77"><input type="text" name="question_77"></fieldset>';
    const capturing = capture(answersOn);
    quiz.querySelector('input')!.focus();
    await sendKeys({ type: '42' });
    await until(() => answered(capturing.events).length === 1, 'question_answered');
    capturing.subscription.unsubscribe();
    expect(answered(capturing.events)).to.deep.equal([[{ quiz_question_id: '77', answer: '42' }]]);
  });
});

describe('question_answered timing (virtual time)', () => {
  afterEach(cleanUp);

  it('waits for typing to pause, reads a change at once, drops unchanged answers, and flushes on stop$', () => {
    canvasQuiz(CANVAS_TYPES.slice(0, 2));
    const text = document.querySelector<HTMLInputElement>('input[name=question_201]')!;
    const radio = document.querySelector<HTMLInputElement>('[name=question_202][value="5001"]')!;
    const type = (value: string) => () => {
      text.value = value;
      text.dispatchEvent(new Event('input', { bubbles: true }));
    };
    testScheduler().run(({ cold, hot, expectObservable }) => {
      cold('-a 299ms b 299ms c 1999ms d 1999ms e 99ms f', {
        a: type('p'),
        b: type('ph'),
        c: type('pho'), // at 601 ms: read at 1601 ms
        d: type('pho'), // unchanged at 2601 ms: dropped at 3601 ms
        e: () => {
          radio.checked = true;
          radio.dispatchEvent(new Event('change', { bubbles: true })); // 4601 ms: at once
        },
        f: type('phot'), // 4701 ms, pending when stop$ fires at 5 s
      }).subscribe((act) => {
        act();
      });
      const capture$ = createCapture(
        { ...only('captureAnswers'), answerDebounceMs: 1000 },
        { target: window, scheduler: asyncScheduler, memory: memoryOf(), stop$: hot('5s s') },
      );
      expectObservable(capture$).toBe('1601ms x 2999ms y 398ms (z|)', {
        x: {
          type: 'question_answered',
          data: [{ quiz_question_id: '201', answer: 'pho' }],
          capturedAt: 1601,
        },
        y: { type: 'question_answered', data: [{ quiz_question_id: '202', answer: 5001 }], capturedAt: 4601 },
        z: {
          type: 'question_answered',
          data: [{ quiz_question_id: '201', answer: 'phot' }],
          capturedAt: 5000,
        },
      });
    });
  });
});
