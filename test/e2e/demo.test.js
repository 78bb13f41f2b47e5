// The demo as a person uses it, in real Chromium: log in as the student (cookie session), start the
// quiz from the page (the IIFE under a strict CSP, with the CSRF token from the cookie), switch away
// and back, flag a question, and see the evidence on the teacher's page and in SQLite. Then the
// Canvas-theme mode: Canvas's own quiz pages, the theme file from the second port, Canvas's own
// quiz log auditing posting beside it, and the teacher's quiz log page.
/* global document, getComputedStyle, window */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startDemo } from '../../demo/start-demo.js';
import { CHROMIUM_ARGS, findChrome } from '../support/find-chrome.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The student looks at another tab and comes back: blur, then focus. */
async function switchAwayAndBack(page, opener) {
  const other = await opener.newPage();
  await other.bringToFront();
  await page.bringToFront();
  await other.close();
}

/** The page's console errors and uncaught exceptions, as they come. */
function watchProblems(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  return problems;
}

let demo;
let browser;

before(async () => {
  demo = await startDemo({ dbFile: ':memory:', port: 0, faults: true });
  browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await demo?.app.close();
});

test('a student takes the demo quiz and the teacher sees blur, focus and flag arrive', async () => {
  const { courseId, quizId } = demo.app.seedInfo;
  const student = await browser.newPage();
  const problems = watchProblems(student);
  await student.goto(
    `${demo.url}/login?as=student&return_to=/app/courses/${courseId}/quizzes/${quizId}/take`,
  );
  await student.type('#access_code', 'letmein');
  await student.click('#start_quiz');
  // The form is shown once start() resolved (the status line is soon overwritten by deliveries).
  await student.waitForSelector('#submit_quiz_form:not([hidden])');

  await switchAwayAndBack(student, browser);
  await student.click('.question .flag_question');
  await student.click('#submit_quiz');
  await student.waitForFunction(() =>
    document.getElementById('proctor_status').textContent.startsWith('Submitted'),
  );
  const finalStatus = await student.$eval('#proctor_status', (el) => el.textContent);
  assert.equal(finalStatus, 'Submitted (pending_review); every captured event was delivered.');
  assert.deepEqual(problems, [], 'no errors on the quiz page (CSP violations would show here)');

  const qs = demo.app.canvas.store.quizSubmissions.findForUser(quizId, demo.app.seedInfo.student.id);
  // The demo quiz has an essay question, so Canvas leaves the completed attempt pending review.
  assert.equal(qs.workflow_state, 'pending_review');
  const rows = demo.app.canvas.db
    .prepare(
      'SELECT event_type, event_data FROM quiz_submission_events WHERE quiz_submission_id = ? ORDER BY id',
    )
    .all(qs.id);
  const types = rows.map((row) => row.event_type);
  assert.equal(types[0], 'submission_created');
  const canvasTypes = ['session_started', 'page_blurred', 'page_focused', 'question_flagged'];
  const canvasRows = rows.filter((row) => canvasTypes.includes(row.event_type));
  assert.deepEqual(
    canvasRows.map((row) => row.event_type),
    canvasTypes,
    `Canvas's types in order among ${types.join(', ')}`,
  );
  assert.equal(canvasRows[1].event_data, null, 'page_blurred has no event_data');
  assert.deepEqual(JSON.parse(canvasRows[3].event_data), { flagged: true, questionId: '1' });

  const teacher = await browser.newPage();
  const teacherProblems = watchProblems(teacher);
  await teacher.goto(`${demo.url}/app/courses/${courseId}/quizzes/${quizId}/log`);
  await teacher.waitForFunction(() => document.querySelectorAll('tr.page_blurred').length > 0);
  const shown = await teacher.$$eval('#submissions tbody tr td:nth-child(3)', (cells) =>
    cells.map((cell) => cell.textContent),
  );
  assert.ok(shown.includes('page_focused'));
  await reviewTheAttempt(teacher, qs);
  assert.deepEqual(teacherProblems, [], 'no errors on the evidence page (CSP violations would show here)');
});

/** The evidence page's row of the attempt (one departure, no copy, no second tab), and its timeline. */
async function reviewTheAttempt(teacher, qs) {
  const row = `#attempts tr[data-submission-id="${qs.id}"]`;
  await teacher.waitForSelector(row);
  const cells = await teacher.$$eval(`#attempts th[scope=col]`, (heads) => heads.map((th) => th.textContent));
  const values = await teacher.$$eval(`${row} > *`, (tds) => tds.map((td) => td.textContent));
  const byHeading = Object.fromEntries(cells.map((heading, i) => [heading, values[i]]));
  assert.equal(byHeading.Student, 'Sam Student, attempt 1');
  assert.equal(byHeading.State, 'pending_review');
  assert.equal(byHeading.Departures, '1', 'the one switch away the student made');
  assert.match(byHeading['Time away'], /^\d+(\.\d)? (ms|s)$/);
  assert.equal(byHeading['Copies / pastes'], '0 / 0');
  assert.equal(byHeading['Second tabs'], '0');
  assert.equal(byHeading.Findings, 'none');

  // By keyboard: the row's button takes the focus and Enter opens the timeline below the table.
  await teacher.focus(`${row} button`);
  await teacher.keyboard.press('Enter');
  await teacher.waitForSelector('#timeline [data-quiz-proctor-review] svg.qp-timeline');
  const view = await teacher.$eval('#timeline [data-quiz-proctor-review]', (root) => ({
    expanded: document.activeElement.getAttribute('aria-expanded'),
    lanes: [...root.querySelectorAll('.qp-lane')].map((lane) => lane.dataset.lane),
    // The view's own sheet applies under the page's style-src 'self' (no inline <style>).
    maxWidth: getComputedStyle(root).maxWidth,
    styleElements: root.querySelectorAll('style').length,
  }));
  assert.equal(view.expanded, 'true');
  assert.ok(view.lanes.includes('focus'), `lanes: ${view.lanes.join(', ')}`);
  assert.ok(
    view.lanes.some((lane) => lane.startsWith('question-')),
    `lanes: ${view.lanes.join(', ')}`,
  );
  assert.equal(view.maxWidth, '1100px');
  assert.equal(view.styleElements, 0);

  // The poll goes on without redrawing what did not change: the same row, the same view, the focus kept.
  await teacher.evaluate(() => {
    window.seen = {
      view: document.querySelector('[data-quiz-proctor-review]'),
      focus: document.activeElement,
    };
  });
  for (let polls = 0; polls < 2; polls += 1) {
    const status = await teacher.$eval('#log_status', (el) => el.textContent);
    await teacher.waitForFunction(
      (before) => document.getElementById('log_status').textContent !== before,
      {},
      status,
    );
  }
  const kept = await teacher.evaluate(() => ({
    view: window.seen.view.isConnected,
    focus: document.activeElement === window.seen.focus,
  }));
  assert.deepEqual(kept, { view: true, focus: true });
}

test('the theme file: a config block, then the built IIFE, from another port of the same host', async () => {
  const page = new URL(demo.url);
  const theme = new URL(demo.themeUrl);
  assert.equal(theme.hostname, page.hostname);
  assert.notEqual(theme.port, page.port);
  assert.equal(theme.pathname, '/quiz-proctor-theme.js');
  const response = await fetch(demo.themeUrl);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /javascript/);
  const text = await response.text();
  assert.match(text, /^\/\/ quiz-proctor: the school's settings[^\n]*\nwindow\.QUIZ_PROCTOR_CONFIG = \{/);
  assert.ok(text.endsWith(readFileSync(join(root, 'dist/quiz-proctor.iife.min.js'), 'utf8')));
  assert.equal((await fetch(new URL('/other.js', theme))).status, 404);
});

test("Canvas theme: the SDK's file on Canvas's pages, Canvas's own logger posting, the teacher's quiz log", async () => {
  const { courseId, oneAtATimeQuizId, student: seeded } = demo.app.seedInfo;
  demo.app.canvas.pageSettings.setQlaDeliveryMs(300);
  await fetch(`${demo.url}/__control/requests`, { method: 'DELETE' });
  const context = await browser.createBrowserContext();
  const student = await context.newPage();
  const problems = watchProblems(student);
  await student.goto(
    `${demo.url}/login?as=student&return_to=/courses/${courseId}/quizzes/${oneAtATimeQuizId}`,
  );
  const loaded = await student.evaluate(() => ({
    theme: [...document.scripts].at(-1).src,
    config: typeof window.QUIZ_PROCTOR_CONFIG,
    sdk: typeof window.QuizProctor,
  }));
  assert.deepEqual(loaded, { theme: demo.themeUrl, config: 'object', sdk: 'object' });

  await Promise.all([student.waitForNavigation(), student.click('#take_quiz_link')]);
  await student.waitForFunction(() => window.canvasReadyState === 'complete');
  await student.click('.flag_question');
  await switchAwayAndBack(student, context);
  await student.click('#questions .answer input');
  await Promise.all([student.waitForNavigation(), student.click('.next-question')]);
  await student.waitForFunction(() => window.canvasReadyState === 'complete');
  assert.match(student.url(), /\/take\/questions\/\d+$/);
  await Promise.all([student.waitForNavigation(), student.click('#submit_quiz_button')]);
  // The quiz page's dumper delivers whatever the take page left behind.
  await student.waitForFunction(() => localStorage.getItem('qla_events') === '[]');
  assert.deepEqual(problems, [], "no errors on Canvas's pages");

  const qs = demo.app.canvas.store.quizSubmissions.findForUser(oneAtATimeQuizId, seeded.id);
  assert.equal(qs.workflow_state, 'pending_review');
  const { requests } = await (
    await fetch(`${demo.url}/__control/requests?path=/submissions/${qs.id}/events`)
  ).json();
  const canvasPosts = requests.filter(
    (entry) => entry.method === 'POST' && entry.requestedWith === 'XMLHttpRequest',
  );
  const types = canvasPosts.flatMap((entry) => entry.eventTypes);
  for (const type of ['session_started', 'question_flagged', 'page_blurred', 'page_focused']) {
    assert.ok(types.includes(type), `${type} among ${types.join(', ')}`);
  }
  assert.equal(
    types.filter((type) => type === 'session_started').length,
    1,
    'not again on …/take/questions/:id',
  );
  assert.ok(canvasPosts.every((entry) => entry.status === 204));
  // The SDK, from the theme file: our own types only (Canvas's logger sends Canvas's), focus under
  // our names with the time away, from both question pages of the attempt.
  const ourPosts = requests.filter((entry) => entry.method === 'POST' && entry.requestedWith === null);
  const ours = ourPosts.flatMap((entry) => entry.eventTypes);
  for (const type of ['window_blurred', 'window_focused']) {
    assert.ok(ours.includes(type), `${type} among ${ours.join(', ')}`);
  }
  for (const type of [
    'session_started',
    'question_flagged',
    'page_blurred',
    'page_focused',
    'question_viewed',
  ]) {
    assert.ok(!ours.includes(type), `${type} is Canvas's to send`);
  }
  assert.ok(ourPosts.every((entry) => entry.status === 204));
  const rowsOf = demo.app.canvas.db
    .prepare(
      'SELECT event_data FROM quiz_submission_events WHERE quiz_submission_id = ? AND event_data LIKE \'%"tab"%\'',
    )
    .all(qs.id)
    .map((row) => JSON.parse(row.event_data));
  assert.ok(new Set(rowsOf.map((data) => data.tab)).size >= 2, 'events from both question pages');

  const teacherContext = await browser.createBrowserContext();
  const teacher = await teacherContext.newPage();
  await teacher.goto(
    `${demo.url}/login?as=teacher&return_to=/courses/${courseId}/quizzes/${oneAtATimeQuizId}/submissions/${qs.id}/log`,
  );
  await teacher.waitForSelector('#ic-EventStream li.ic-ActionLog__Entry');
  const rows = await teacher.$$eval('.ic-ActionLog__EntryDescription', (cells) =>
    cells.map((cell) => cell.textContent),
  );
  assert.ok(rows.includes('Session started'), rows.join(' | '));
  assert.ok(
    rows.some((row) => row.startsWith('Flagged question:')),
    rows.join(' | '),
  );
  await teacherContext.close();
  await context.close();
});
