// Capture, end to end: a quiz page (Canvas's markup, then a custom one), createProctor() from the
// public entry point against the real Canvas-compatible server, real input (keyboard scrolling, mouse
// clicks, OS-level focus changes, typing and Ctrl+A/Ctrl+C), and what the SERVER stored, read back as
// the teacher. Canvas's own types are compared byte for byte with what Canvas's quiz page sends.
import { expect } from '@esm-bundle/chai';
import {
  executeServerCommand,
  resetMouse,
  sendKeys,
  sendMouse,
  setViewport,
} from '@web/test-runner-commands';
import { createProctor } from '../../src/index.js';
import type { CaptureOptions, Proctor } from '../../src/index.js';
import {
  createFixture,
  eventually,
  serverEvents,
  startSubmission,
  type Fixture,
  type ServerEvent,
} from '../helpers/canvas.js';

const CANVAS_TYPES = new Set([
  'session_started',
  'question_viewed',
  'question_flagged',
  'page_blurred',
  'page_focused',
]);

const cleanups: (() => void | Promise<void>)[] = [];

async function realClick(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'nearest' });
  const box = element.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
  });
  await resetMouse();
}

async function chord(modifier: string, key: string): Promise<void> {
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}

/** The page: question A visible at load, a gap, then B and C (C has the text answer) at the bottom. */
interface QuizPage {
  ids: [string, string, string];
  flagOf(id: string): Element;
  answerField: HTMLInputElement | HTMLTextAreaElement;
}

function canvasPage(): QuizPage {
  const ids: [string, string, string] = ['501', '502', '503'];
  const root = document.createElement('div');
  root.id = 'questions';
  const question = (id: string, type: string, answers: string) => `
    <div class="quiz_sortable question_holder">
      <a name="question_${id}"></a>
      <div class="display_question question ${type}" id="question_${id}" style="height:200px;box-sizing:border-box;margin:0">
        <a href="#" class="flag_question" role="checkbox" aria-checked="false" style="display:inline-block;width:60px;height:20px">flag</a>
        <div class="text"><div class="question_text user_content">Question ${id}</div>
        <div class="answers">${answers}</div></div>
      </div>
    </div>`;
  root.innerHTML = [
    question(
      '501',
      'multiple_choice_question',
      '<label><input type="radio" name="question_501" value="1">yes</label>',
    ),
    '<div style="height:1500px"></div>',
    question(
      '502',
      'multiple_choice_question',
      '<label><input type="radio" name="question_502" value="2">no</label>',
    ),
    question('503', 'short_answer_question', '<input type="text" name="question_503" autocomplete="off">'),
  ].join('');
  document.body.append(root);
  // Canvas's take page toggles `marked` in a delegated click handler.
  const toggle = (event: MouseEvent) => {
    const flag = (event.target as Element).closest('.flag_question');
    if (!flag) return;
    event.preventDefault();
    const q = flag.closest('.question')!;
    q.classList.toggle('marked');
    flag.setAttribute('aria-checked', String(q.classList.contains('marked')));
  };
  document.body.addEventListener('click', toggle);
  cleanups.push(() => {
    document.body.removeEventListener('click', toggle);
    root.remove();
  });
  return {
    ids,
    flagOf: (id) => root.querySelector(`#question_${id} .flag_question`)!,
    answerField: root.querySelector<HTMLInputElement>('input[name="question_503"]')!,
  };
}

/** Another quiz UI: data-quiz-question-id, its own classes, the flag state in aria-pressed. */
const CUSTOM_CAPTURE: CaptureOptions = {
  questionSelector: '.exam-item',
  flagSelector: '.exam-flag',
  isFlagged: (_question, control) => control.getAttribute('aria-pressed') === 'true',
};

function customPage(): QuizPage {
  const ids: [string, string, string] = ['701', '702', '703'];
  const root = document.createElement('main');
  const item = (id: string, body: string) => `
    <article class="exam-item" data-quiz-question-id="${id}" style="height:220px;box-sizing:border-box;margin:0;display:block">
      <h2 style="margin:0;font-size:14px">Item ${id}</h2>
      <button type="button" class="exam-flag" aria-pressed="false">Mark for review</button>
      ${body}
    </article>`;
  root.innerHTML = [
    item('701', '<p>Read this.</p>'),
    '<div style="height:1500px"></div>',
    item('702', '<p>And this.</p>'),
    item('703', '<textarea name="answer-703" rows="2" cols="30"></textarea>'),
  ].join('');
  document.body.append(root);
  const toggle = (event: MouseEvent) => {
    const flag = (event.target as Element).closest('.exam-flag');
    if (!flag) return;
    flag.setAttribute('aria-pressed', String(flag.getAttribute('aria-pressed') !== 'true'));
  };
  root.addEventListener('click', toggle);
  cleanups.push(() => {
    root.remove();
  });
  return {
    ids,
    flagOf: (id) => root.querySelector(`[data-quiz-question-id="${id}"] .exam-flag`)!,
    answerField: root.querySelector('textarea')!,
  };
}

const ofType = (events: ServerEvent[], type: string) => events.filter((event) => event.event_type === type);

/** Flushes and polls the server until `check` finds what it wants (no fixed sleeps). */
function onServer<T>(
  proctor: Proctor,
  fixture: Fixture,
  submissionId: string,
  check: (events: ServerEvent[]) => T | undefined,
  what: string,
): Promise<T> {
  return eventually(async () => {
    await proctor.flush();
    return check(await serverEvents(fixture, submissionId, { withClientTimestamp: true }));
  }, what);
}

/**
 * Runs the scenario on `page` and returns the server's events for the attempt. Real input only:
 * End key (scrolls B and C into view), a mouse click on B's flag, focus away to another tab and back,
 * a click into C's answer field, typing, Ctrl+A and Ctrl+C.
 */
async function drive(page: QuizPage, capture: CaptureOptions) {
  const [a, b, c] = page.ids;
  const fixture = await createFixture();
  const submission = await startSubmission(fixture);
  const proctor = createProctor({
    courseId: fixture.courseId,
    quizId: fixture.quizId,
    auth: { type: 'bearer', token: fixture.student.token },
    submission,
    capture,
  });
  cleanups.push(() => proctor.stop());
  const delivered: number[] = [];
  proctor.on('delivered', ({ count }) => delivered.push(count));
  await proctor.start();
  const id = submission.id;

  // A is entirely in view at load.
  await onServer(proctor, fixture, id, (events) => ofType(events, 'question_viewed')[0], 'A viewed at load');
  // Scroll with the keyboard, as a student does: B and C are then entirely in view.
  (document.activeElement as HTMLElement | null)?.blur();
  await sendKeys({ press: 'End' });
  await onServer(proctor, fixture, id, (events) => ofType(events, 'question_viewed')[1], 'B and C viewed');
  await realClick(page.flagOf(b));
  await onServer(proctor, fixture, id, (events) => ofType(events, 'question_flagged')[0], 'the flag');
  await executeServerCommand('page-focus', { away: true });
  await executeServerCommand('page-focus', { away: false });
  await onServer(proctor, fixture, id, (events) => ofType(events, 'page_focused')[0], 'focus back');
  await realClick(page.answerField);
  await sendKeys({ type: 'forty two' });
  await chord('Control', 'KeyA');
  await chord('Control', 'KeyC');
  await onServer(proctor, fixture, id, (events) => ofType(events, 'text_copied')[0], 'the copy');
  await proctor.flush();
  const events = await serverEvents(fixture, id, { withClientTimestamp: true });
  expect((await proctor.getStats()).pending).to.equal(0);
  expect(delivered.length).to.be.greaterThan(0);
  return { events, ids: { a, b, c } };
}

/** The exact Canvas-type rows, and our own rows (each with a unique, increasing seq). */
function checkServer(events: ServerEvent[], { a, b, c }: { a: string; b: string; c: string }) {
  expect(events[0]!.event_type).to.equal('submission_created');
  const canvas = events
    .filter((event) => CANVAS_TYPES.has(event.event_type))
    .map((event) => [event.event_type, JSON.stringify(event.event_data)]);
  expect(canvas).to.deep.equal([
    ['session_started', JSON.stringify({ user_agent: navigator.userAgent })],
    ['question_viewed', `["${a}"]`],
    ['question_viewed', `["${b}","${c}"]`],
    ['question_flagged', `{"flagged":true,"questionId":"${b}"}`],
    ['page_blurred', 'null'],
    ['page_focused', 'null'],
  ]);
  for (const event of events.filter(
    (e) => e.event_type === 'page_blurred' || e.event_type === 'page_focused',
  )) {
    expect(event.event_data, event.event_type).to.equal(null);
  }
  for (const event of events.slice(1)) {
    expect(event.client_timestamp, event.event_type).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  }

  // Our types: everything else after submission_created, each carrying seq.
  const ours = events.slice(1).filter((event) => !CANVAS_TYPES.has(event.event_type));
  const seqs = ours.map((event) => (event.event_data as { seq?: unknown }).seq);
  for (const [i, seq] of seqs.entries()) {
    expect(
      Number.isInteger(seq) && (seq as number) > 0,
      `${ours[i]!.event_type} seq ${String(seq)}`,
    ).to.equal(true);
  }
  expect(seqs, 'seq increasing in server order').to.deep.equal(
    [...seqs].sort((x, y) => (x as number) - (y as number)),
  );
  expect(new Set(seqs).size).to.equal(seqs.length);
  // Canvas types never carry seq (checked byte for byte above), ours always do.
  const copied = ofType(events, 'text_copied');
  expect(copied).to.have.length(1);
  const { seq: copySeq, tab } = copied[0]!.event_data as { seq: number; tab: string };
  expect(JSON.stringify(copied[0]!.event_data)).to.equal(
    `{"question_id":"${c}","text_length":9,"seq":${copySeq},"tab":"${tab}"}`,
  );
  // One page load: one tab id on every one of our events.
  expect(new Set(ours.map((event) => (event.event_data as { tab?: unknown }).tab))).to.deep.equal(
    new Set([tab]),
  );
  // Leaving for another tab hides the page too, in order: hidden after blurred's neighbourhood, visible after.
  const types = events.map((event) => event.event_type);
  expect(types.filter((t) => t === 'page_hidden' || t === 'page_visible')).to.deep.equal([
    'page_hidden',
    'page_visible',
  ]);
  expect(types.indexOf('page_hidden')).to.be.lessThan(types.indexOf('page_visible'));
  expect(types.indexOf('page_blurred')).to.be.lessThan(types.indexOf('page_focused'));
  expect(types.indexOf('page_focused')).to.be.lessThan(types.indexOf('text_copied'));
}

describe('capture, from real input to what the server stored', () => {
  beforeEach(async () => {
    await setViewport({ width: 800, height: 600 });
    window.scrollTo(0, 0);
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    window.scrollTo(0, 0);
  });

  it("Canvas's markup, default selectors: Canvas's types byte for byte, ours with seq", async () => {
    const { events, ids } = await drive(canvasPage(), {});
    checkServer(events, ids);
  });

  it('custom markup (data-quiz-question-id, own selectors and flag state) gives the same rows', async () => {
    const { events, ids } = await drive(customPage(), CUSTOM_CAPTURE);
    checkServer(events, ids);
  });
});
