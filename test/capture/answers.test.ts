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
  countEvents,
  memoryOf,
  mount,
  only,
  until,
} from './capture-fixtures.js';

// The clock stands still while keys go in, so the keystrokes of one word never straddle it.
const answersOn: CaptureOptions = { ...only('captureAnswers'), answerDebounceMs: 500 };
// Past every timing rule of capture: whatever was to come late has come.
const LONG_AFTER_MS = 60_000;
const answered = (events: { type: string; data?: unknown }[]) =>
  events.filter((event) => event.type === 'question_answered').map((event) => event.data);

/** Types `text` into `field` with real keys; resolves once the browser has delivered every key. */
async function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  const before = field.value;
  field.focus();
  await sendKeys({ type: text });
  await until(() => field.value === before + text, `"${text}" typed`);
}

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
    await typeInto(document.querySelector<HTMLInputElement>('input[name=question_201]')!, 'photosynthesis');
    capturing.clock.advanceBy(LONG_AFTER_MS);
    capturing.subscription.unsubscribe();
    expect(answered(capturing.events)).to.deep.equal([]);
    expect(JSON.stringify(capturing.events)).to.not.contain('photosynthesis');
  });

  it('with captureAnswers, records each Canvas question type in the API answer format', async () => {
    canvasQuiz(CANVAS_TYPES);
    const capturing = capture(answersOn);
    const { clock } = capturing;
    const next = async (what: string, count: number) =>
      until(() => answered(capturing.events).length === count, what, clock);
    const field = (name: string) =>
      document.querySelector<HTMLInputElement>(
        `:is(input, select, textarea)[name="${name}"]:not([type=hidden])`,
      )!;
    // Typing is read once it pauses for the debounce.
    const type = async (name: string, text: string) => {
      await typeInto(field(name), text);
      clock.advanceBy(500);
    };

    await type('question_201', 'photo');
    await next('the short answer', 1);
    await click(document.querySelector('[name=question_202][value="5002"]')!);
    await next('the choice', 2);
    await click(field('question_203_answer_6002'));
    await next('the multiple answers', 3);
    await selectOption({ selector: '[name=question_204_answer_7001]', value: '8002' });
    await next('the match', 4);
    await type('question_205_c3d4', 'red');
    await next('the blank', 5);
    await selectOption({ selector: '[name=question_206_e5f6]', value: '9001' });
    await next('the dropdown', 6);
    await type('question_207', 'An essay.');
    await next('the essay', 7);
    field('question_208').focus();
    await sendKeys({ press: 'End' });
    await type('question_208', '16');
    await next('the number', 8);
    clock.advanceBy(LONG_AFTER_MS);
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
    const choice = document.querySelector<HTMLInputElement>('[name=question_202][value="5001"]')!;
    const clicks = countEvents('click', choice);
    await click(choice);
    await until(() => answered(capturing.events).length === 1, 'the choice');
    await click(choice); // same choice again
    await until(() => clicks() === 2, 'the second click');
    const number = document.querySelector<HTMLInputElement>('input[name=question_208]')!;
    const inputs = countEvents('input', number);
    number.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '5' });
    await sendKeys({ press: 'Backspace' }); // back to the 3.14 the page rendered: read after 2 s, dropped
    await until(() => inputs() === 2 && number.value === '3.14', 'the 5 typed and deleted');
    capturing.clock.advanceBy(LONG_AFTER_MS);
    capturing.subscription.unsubscribe();
    expect(answered(capturing.events)).to.deep.equal([[{ quiz_question_id: '202', answer: 5001 }]]);
  });

  it('works with data-quiz-question-id markup', async () => {
    const quiz = mount(document.createElement('form'));
    quiz.innerHTML = '<fieldset data-quiz-question-id="77"><input type="text" name="question_77"></fieldset>';
    const capturing = capture(answersOn);
    await typeInto(quiz.querySelector('input')!, '42');
    capturing.clock.advanceBy(500);
    await until(() => answered(capturing.events).length === 1, 'question_answered', capturing.clock);
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
