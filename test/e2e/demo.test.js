// The demo as a person uses it, in real Chromium: log in as the student (cookie session), start the
// quiz from the page (the IIFE under a strict CSP, with the CSRF token from the cookie), switch away
// and back, flag a question, and see the evidence on the teacher's page and in SQLite.
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
  await student.waitForFunction(() => document.getElementById('proctor_status').textContent.includes('started'));

  const other = await browser.newPage();
  await other.bringToFront();
  await student.bringToFront();
  await other.close();
  await student.click('.question .flag_question');
  await student.click('#submit_quiz');
  await student.waitForFunction(() => document.getElementById('proctor_status').textContent.startsWith('Stopped'));
  const finalStatus = await student.$eval('#proctor_status', (el) => el.textContent);
  assert.equal(finalStatus, 'Stopped; every captured event was delivered.');
  assert.deepEqual(problems, [], 'no errors on the quiz page (CSP violations would show here)');

  const qs = demo.app.canvas.store.quizSubmissions.findForUser(quizId, demo.app.seedInfo.student.id);
  const rows = demo.app.canvas.db
    .prepare('SELECT event_type, event_data FROM quiz_submission_events WHERE quiz_submission_id = ? ORDER BY id')
    .all(qs.id);
  const types = rows.map((row) => row.event_type);
  assert.deepEqual(types.slice(0, 3), ['submission_created', 'page_blurred', 'page_focused']);
  assert.equal(rows[1].event_data, null);
  assert.ok(types.includes('question_flagged'), `question_flagged in ${types.join(', ')}`);

  const teacher = await browser.newPage();
  await teacher.goto(`${demo.url}/courses/${courseId}/quizzes/${quizId}/log`);
  await teacher.waitForFunction(() => document.querySelectorAll('tr.page_blurred').length > 0);
  const shown = await teacher.$$eval('tbody tr td:nth-child(3)', (cells) => cells.map((cell) => cell.textContent));
  assert.ok(shown.includes('page_focused'));
});
