// The demo as a person uses it, in real Chromium: log in as the student (cookie session), start the
// quiz from the page (the IIFE under a strict CSP, with the CSRF token from the cookie), switch away
// and back, flag a question, and see the evidence on the teacher's page and in SQLite.
/* global document */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { startDemo } from '../../demo/start-demo.js';
import { CHROMIUM_ARGS, findChrome } from '../support/find-chrome.mjs';

let demo;
let browser;

before(async () => {
  demo = await startDemo({ dbFile: ':memory:', port: 0 });
  browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await demo?.app.close();
});

test('a student takes the demo quiz and the teacher sees blur, focus and flag arrive', async () => {
  const { courseId, quizId } = demo.app.seedInfo;
  const student = await browser.newPage();
  const problems = [];
  student.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  student.on('pageerror', (error) => problems.push(String(error)));
  await student.goto(`${demo.url}/login?as=student&return_to=/courses/${courseId}/quizzes/${quizId}/take`);
  await student.type('#access_code', 'letmein');
  await student.click('#start_quiz');
  // The form is shown once start() resolved (the status line is soon overwritten by deliveries).
  await student.waitForSelector('#submit_quiz_form:not([hidden])');

  const other = await browser.newPage();
  await other.bringToFront();
  await student.bringToFront();
  await other.close();
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
  await teacher.goto(`${demo.url}/courses/${courseId}/quizzes/${quizId}/log`);
  await teacher.waitForFunction(() => document.querySelectorAll('tr.page_blurred').length > 0);
  const shown = await teacher.$$eval('tbody tr td:nth-child(3)', (cells) =>
    cells.map((cell) => cell.textContent),
  );
  assert.ok(shown.includes('page_focused'));
});
